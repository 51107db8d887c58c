/**
 * A workshop facilitator's controls (signed in, that workshop's facilitator only: 403 NOT_FACILITATOR):
 * hide, show and delete entries and merge duplicates (each a change through the queue and the change
 * log, pushed to the workspace room), and the workshop's summary and export.
 */
import { Router, type Request } from 'express';
import type { Change } from '../../domain/changes';
import type { Workshop } from '../../domain/workshops';
import { changeIdsFor } from '../commands/change-ids';
import { changeHeader, type WriteContext } from '../commands/submit-changes';
import { submitMerge, submitUnmerge } from '../commands/merges';
import { entryNodeType, entryOf, facilitatorActor } from '../commands/workshop-controls';
import { exportCsv, WorkshopReports } from '../services/workshop-reports';
import { isProjectorKey } from '../services/workshops';
import { forbidden } from '../errors';
import { requireUser, sessionMiddleware } from './auth-context';
import type { ApiDeps } from './deps';
import { writeContext } from './request-context';
import { parse } from './validate';
import { MergeBodySchema } from './merges.schema';
import { WorkshopEntryParamsSchema, WorkshopExportQuerySchema, WorkshopMergeChangeParamsSchema } from './workshop-controls.schema';
import { projectorUrlFor } from './workshops';
import { WorkshopCodeParamsSchema } from './workshops.schema';
import { sendWriteResult } from './write-response';

export function workshopControlsRouter({ config, accounts, workshops, reads, submitter, db, presence }: ApiDeps): Router {
  const router = Router();
  const session = sessionMiddleware(accounts, config);
  const reports = new WorkshopReports(db, presence);

  /** The workshop of the path, when the signed-in user is its facilitator; their write context. */
  async function facilitated(req: Request): Promise<{ workshop: Workshop; ctx: WriteContext }> {
    const user = requireUser(req);
    const { code } = parse(WorkshopCodeParamsSchema, req.params, 'params');
    const workshop = await workshops.asFacilitator(code, user);
    return { workshop, ctx: { ...writeContext(req, workshop.workspaceId), actor: facilitatorActor(user.id) } };
  }

  async function asProjector(req: Request, key: string): Promise<Workshop> {
    const { code } = parse(WorkshopCodeParamsSchema, req.params, 'params');
    const workshop = await workshops.get(code);
    if (!isProjectorKey(workshop, key))
      throw forbidden('INVALID_PROJECTOR_KEY', 'The projector link is not valid for this workshop; ask the facilitator for a new one');
    return workshop;
  }

  // The facilitator's context is the workshop's workspace (facilitated above).
  const base = (workshop: Workshop, ctx: WriteContext, changeId: string) => changeHeader(ctx, changeId, { workshopId: workshop.id });

  for (const [action, hidden] of [
    ['hide', true],
    ['unhide', false],
  ] as const) {
    router.post(`/workshops/:code/entries/:id/${action}`, session, async (req, res) => {
      const { workshop, ctx } = await facilitated(req);
      const { id } = parse(WorkshopEntryParamsSchema, req.params, 'params');
      const claim = await submitter.claimKey(ctx, { op: `entry:${action}`, workshopId: workshop.id, id });
      let nodeType: Awaited<ReturnType<typeof entryNodeType>> | undefined;
      await claim.precheck(async () => (nodeType = await entryNodeType(reads, workshop.workspaceId, id)));
      nodeType ??= await entryNodeType(reads, workshop.workspaceId, id);
      const [changeId] = changeIdsFor(workshop.workspaceId, ctx.idempotencyKey, 1);
      const change: Change = { ...base(workshop, ctx, changeId), op: 'node:update', nodeType, nodeId: id, props: {}, hidden };
      sendWriteResult(res, { workspaceId: workshop.workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
    });
  }

  router.delete('/workshops/:code/entries/:id', session, async (req, res) => {
    const { workshop, ctx } = await facilitated(req);
    const { id } = parse(WorkshopEntryParamsSchema, req.params, 'params');
    const claim = await submitter.claimKey(ctx, { op: 'entry:delete', workshopId: workshop.id, id });
    let entry: Awaited<ReturnType<typeof entryOf>> | undefined;
    await claim.precheck(async () => (entry = await entryOf(reads, workshop.workspaceId, id)));
    entry ??= await entryOf(reads, workshop.workspaceId, id);
    const [changeId] = changeIdsFor(workshop.workspaceId, ctx.idempotencyKey, 1);
    const change: Change =
      'nodeType' in entry
        ? { ...base(workshop, ctx, changeId), op: 'node:delete', nodeType: entry.nodeType, nodeId: id }
        : { ...base(workshop, ctx, changeId), op: 'relationship:delete', relType: entry.relType, relId: id };
    sendWriteResult(res, { workspaceId: workshop.workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  router.post('/workshops/:code/merge', session, async (req, res) => {
    const { workshop, ctx } = await facilitated(req);
    const body = parse(MergeBodySchema, req.body);
    const { changeId, result } = await submitMerge(reads, submitter, ctx, body, { workshopId: workshop.id });
    sendWriteResult(res, { workspaceId: workshop.workspaceId, changeId, id: body.survivorId }, result, 200);
  });

  router.post('/workshops/:code/merges/:changeId/undo', session, async (req, res) => {
    const { workshop, ctx } = await facilitated(req);
    const { changeId: mergeChangeId } = parse(WorkshopMergeChangeParamsSchema, req.params, 'params');
    const { changeId, survivorId, result } = await submitUnmerge(reads, submitter, ctx, mergeChangeId, { workshopId: workshop.id });
    sendWriteResult(res, { workspaceId: workshop.workspaceId, changeId, id: survivorId }, result, 200);
  });

  /** The counters, for the facilitator or for the projector link's screen (X-Projector-Key: read-only). */
  router.get('/workshops/:code/summary', session, async (req, res) => {
    const projectorKey = req.get('x-projector-key');
    const workshop = projectorKey === undefined ? (await facilitated(req)).workshop : await asProjector(req, projectorKey);
    res.json(await reports.summary(workshop));
  });

  /** The read-only projector link, to open the projector view on a screen where the facilitator is not signed in. */
  router.get('/workshops/:code/projector-link', session, async (req, res) => {
    const { workshop } = await facilitated(req);
    const projectorKey = await workshops.projectorKey(workshop);
    res.json({ projectorKey, projectorUrl: projectorUrlFor(req, config, workshop.code, projectorKey) });
  });

  router.get('/workshops/:code/export', session, async (req, res) => {
    const { workshop } = await facilitated(req);
    const { format } = parse(WorkshopExportQuerySchema, req.query, 'query');
    const data = await reports.export(workshop);
    res.attachment(`workshop-${workshop.code}.${format}`);
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(exportCsv(data));
    else res.json(data);
  });

  return router;
}
