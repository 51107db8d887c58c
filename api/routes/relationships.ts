/** /api/v1/workspaces/:workspaceId/relationships[/:id]: links between nodes. */
import { Router } from 'express';
import type { RelationshipCreateChange, RelationshipDeleteChange, RelationshipUpdateChange } from '../../domain/changes';
import { RelationshipCreateSchema, RelationshipUpdateSchema } from '../../domain/relationships';
import { changeIdsFor, relIdFor } from '../commands/change-ids';
import { precheckRelationshipCreate } from '../commands/prechecks';
import { notFound } from '../errors';
import type { GraphReads } from '../services/graph-reads';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { RelationshipListQuerySchema, RelationshipParamsSchema, RelationshipTypeQuerySchema } from './relationships.schema';
import { writeContext } from './request-context';
import { parse } from './validate';
import { sendWriteResult } from './write-response';

async function existingEdge(reads: GraphReads, workspaceId: string, relType: Parameters<GraphReads['relationship']>[1], id: string) {
  const edge = await reads.relationship(workspaceId, relType, id);
  if (!edge) throw notFound('Relationship', id);
  return edge;
}

export function relationshipsRouter({ reads, submitter }: ApiDeps): Router {
  const router = Router();

  router.get('/workspaces/:workspaceId/relationships', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { type, ...filters } = parse(RelationshipListQuerySchema, req.query, 'query');
    if (!(await reads.workspace(workspaceId))) throw notFound('Workspace', workspaceId);
    res.json(await reads.relationships(workspaceId, { relType: type, ...filters }));
  });

  router.get('/workspaces/:workspaceId/relationships/:id', async (req, res) => {
    const { workspaceId, id } = parse(RelationshipParamsSchema, req.params, 'params');
    const { type } = parse(RelationshipTypeQuerySchema, req.query, 'query');
    res.json({ edge: await existingEdge(reads, workspaceId, type, id) });
  });

  router.post('/workspaces/:workspaceId/relationships', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { id: givenId, type, from, to, ...props } = parse(RelationshipCreateSchema, req.body);
    const ctx = writeContext(req, workspaceId);
    const claim = await submitter.claimKey(ctx, { op: 'relationship:create', body: req.body });
    await claim.precheck(() => precheckRelationshipCreate(reads, workspaceId, { type, from, to, id: givenId }));
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const relId = givenId ?? relIdFor(type, changeId);
    const change: RelationshipCreateChange = {
      id: changeId,
      op: 'relationship:create',
      workspaceId,
      actor: ctx.actor,
      at: new Date().toISOString(),
      relType: type,
      relId,
      from,
      to,
      props,
    };
    sendWriteResult(res, { workspaceId, changeId, id: relId }, await submitter.submitOne(change, ctx), 201);
  });

  router.patch('/workspaces/:workspaceId/relationships/:id', async (req, res) => {
    const { workspaceId, id } = parse(RelationshipParamsSchema, req.params, 'params');
    const { type } = parse(RelationshipTypeQuerySchema, req.query, 'query');
    const props = parse(RelationshipUpdateSchema, req.body) as Record<string, unknown>;
    const ctx = writeContext(req, workspaceId);
    const claim = await submitter.claimKey(ctx, { op: 'relationship:update', id, body: req.body });
    let relType = type;
    await claim.precheck(async () => (relType = (await existingEdge(reads, workspaceId, type, id)).type));
    if (!relType) relType = (await existingEdge(reads, workspaceId, null, id)).type;
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const change: RelationshipUpdateChange = { id: changeId, op: 'relationship:update', workspaceId, actor: ctx.actor, at: new Date().toISOString(), relType, relId: id, props };
    sendWriteResult(res, { workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  router.delete('/workspaces/:workspaceId/relationships/:id', async (req, res) => {
    const { workspaceId, id } = parse(RelationshipParamsSchema, req.params, 'params');
    const { type } = parse(RelationshipTypeQuerySchema, req.query, 'query');
    const ctx = writeContext(req, workspaceId);
    const claim = await submitter.claimKey(ctx, { op: 'relationship:delete', id });
    let relType = type;
    await claim.precheck(async () => (relType = (await existingEdge(reads, workspaceId, type, id)).type));
    if (!relType) relType = (await existingEdge(reads, workspaceId, null, id)).type;
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const change: RelationshipDeleteChange = { id: changeId, op: 'relationship:delete', workspaceId, actor: ctx.actor, at: new Date().toISOString(), relType, relId: id };
    sendWriteResult(res, { workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  return router;
}
