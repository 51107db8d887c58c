/**
 * The change log and batch writes: GET .../changes?after= (what a client missed), .../changes/failed
 * (changes that were finally not applied, with the reason), .../changes/:changeId (one change's state),
 * and POST /api/v1/changes or .../changes (many changes in one request, applied in order).
 */
import { Router, type Request, type Response } from 'express';
import { Job } from 'bullmq';
import { changesOf, type JobResult } from '../../domain/jobs';
import { batchIdFor, changeIdsFor } from '../commands/change-ids';
import { parseBatch, toChanges } from '../commands/batch-changes';
import { assertParticipantBatch } from '../commands/participant-batch';
import { participantMiddleware, participantTokenOf, requireParticipant } from './auth-context';
import { asAuthor, originOf } from './participant-writes';
import { notFound } from '../errors';
import { listFailedChanges } from '../infra/failed-changes';
import type { ChangesQueue } from '../infra/queue';
import { BatchBodySchema, ChangeParamsSchema, ChangesSinceQuerySchema, FailedQuerySchema, WorkspaceBatchBodySchema } from './changes.schema';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { writeContext } from './request-context';
import { parse } from './validate';
import { changeLocation } from './write-response';

export function changesRouter(deps: ApiDeps & { queue: ChangesQueue }): Router {
  const { config, reads, redis, submitter, queue, workshops } = deps;
  const router = Router();
  const participant = participantMiddleware(workshops);

  async function requireWorkspace(workspaceId: string) {
    const ws = await reads.workspace(workspaceId);
    if (!ws) throw notFound('Workspace', workspaceId);
    return ws;
  }

  router.get('/workspaces/:workspaceId/changes', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { after, limit } = parse(ChangesSinceQuerySchema, req.query, 'query');
    const { seq } = await requireWorkspace(workspaceId);
    res.json({ items: await reads.changesSince(workspaceId, after, limit), lastSeq: seq });
  });

  router.get('/workspaces/:workspaceId/changes/failed', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { limit } = parse(FailedQuerySchema, req.query, 'query');
    await requireWorkspace(workspaceId);
    res.json({ items: await listFailedChanges(redis, config, workspaceId, limit) });
  });

  router.get('/workspaces/:workspaceId/changes/:changeId', async (req, res) => {
    const { workspaceId, changeId } = parse(ChangeParamsSchema, req.params, 'params');
    const applied = await reads.change(changeId);
    if (applied && applied.workspaceId === workspaceId) return void res.json({ ...applied, status: 'applied' });
    const jobId = (await submitter.jobOfChange(changeId)) ?? changeId;
    const job = await Job.fromId<unknown, JobResult>(queue, jobId);
    const carried = job && (changesOf(job).find((c) => (c as { id?: string }).id === changeId) as { workspaceId?: string } | undefined);
    if (!job || carried?.workspaceId !== workspaceId) throw notFound('Change', changeId);
    const state = await job.getState();
    const rejected = job.returnvalue?.failed?.find((f) => f.changeId === changeId);
    const status = state === 'failed' || rejected ? 'failed' : 'queued';
    res.json({ changeId, workspaceId, status, state, attempts: job.attemptsMade, reason: rejected?.reason ?? (job.failedReason || undefined), code: rejected?.code });
  });

  async function submitBatch(req: Request, res: Response, workspaceId: string, changesValue: unknown) {
    const inputs = parseBatch(changesValue);
    const me = participantTokenOf(req) === undefined ? null : requireParticipant(req);
    const ctx = asAuthor(writeContext(req, workspaceId), me);
    const claim = await submitter.claimKey(ctx, { op: 'batch', body: req.body, participantId: me?.participantId });
    await claim.precheck(async () => {
      await requireWorkspace(workspaceId);
      if (me) await assertParticipantBatch(inputs, me, workspaceId, workshops, reads);
    });
    const changes = toChanges(inputs, ctx, changeIdsFor(workspaceId, ctx.idempotencyKey, inputs.length), originOf(me));
    const batchId = batchIdFor(workspaceId, ctx.idempotencyKey);
    const result = await submitter.submitMany(batchId, changes, ctx);
    const changeIds = changes.map((c) => c.id);
    if (!result) return void res.status(202).location(changeLocation(workspaceId, changeIds[0])).json({ batchId, status: 'queued', changeIds });
    const seqs = new Map(result.applied.map((a) => [a.changeId, a.seq]));
    res.status(200).json({
      batchId,
      status: result.failed.length ? 'partial' : 'applied',
      applied: result.applied.length,
      lastSeq: Math.max(0, ...seqs.values()),
      failed: result.failed,
      changes: changes.map((c) => ({ changeId: c.id, id: 'nodeId' in c ? c.nodeId : 'relId' in c ? c.relId : null, seq: seqs.get(c.id) ?? null })),
    });
  }

  router.post('/workspaces/:workspaceId/changes', participant, async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { changes } = parse(WorkspaceBatchBodySchema, req.body);
    await submitBatch(req, res, workspaceId, changes);
  });

  router.post('/changes', participant, async (req, res) => {
    const { workspaceId, changes } = parse(BatchBodySchema, req.body);
    await submitBatch(req, res, workspaceId, changes);
  });

  return router;
}
