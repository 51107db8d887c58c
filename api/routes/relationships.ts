/** /api/v1/workspaces/:workspaceId/relationships[/:id]: links between nodes. */
import { Router } from 'express';
import type { RelationshipCreateChange, RelationshipDeleteChange, RelationshipUpdateChange } from '../../domain/changes';
import { levelIssue, RelationshipCreateSchema, RelationshipUpdateSchema, type RelationshipType } from '../../domain/relationships';
import { changeIdsFor, relIdFor } from '../commands/change-ids';
import { assertCreatedBy, precheckRelationshipCreate } from '../commands/prechecks';
import { changeHeader } from '../commands/submit-changes';
import { badRequest, notFound } from '../errors';
import type { GraphReads } from '../services/graph-reads';
import { participantMiddleware } from './auth-context';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { RelationshipListQuerySchema, RelationshipParamsSchema, RelationshipTypeQuerySchema } from './relationships.schema';
import { asAuthor, originOf, writingParticipant } from './participant-writes';
import { writeContext } from './request-context';
import { parse } from './validate';
import { sendWriteResult } from './write-response';

async function existingEdge(reads: GraphReads, workspaceId: string, relType: Parameters<GraphReads['relationship']>[1], id: string, participantId?: string) {
  const edge = await reads.relationship(workspaceId, relType, id);
  if (!edge) throw notFound('Relationship', id);
  assertCreatedBy(edge.createdBy, participantId, 'link');
  return edge;
}

/** OFFERS_TRAINING keeps its level; no other type takes one (the update body does not say the type). */
function assertLevelUpdate(relType: RelationshipType, level: unknown) {
  const issue = levelIssue(relType, level, true);
  if (issue) throw badRequest('VALIDATION_FAILED', 'The request body is not valid', [{ path: 'level', message: issue }]);
}

export function relationshipsRouter({ reads, submitter, workshops }: ApiDeps): Router {
  const router = Router();
  const participant = participantMiddleware(workshops);

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

  router.post('/workspaces/:workspaceId/relationships', participant, async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const me = await writingParticipant(req, workshops, 'relationship', workspaceId);
    const { id: givenId, type, from, to, ...props } = parse(RelationshipCreateSchema, req.body);
    const ctx = asAuthor(writeContext(req, workspaceId), me);
    const claim = await submitter.claimKey(ctx, { op: 'relationship:create', body: req.body, participantId: me?.participantId });
    await claim.precheck(() => precheckRelationshipCreate(reads, workspaceId, { type, from, to, id: givenId }));
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const relId = givenId ?? relIdFor(type, changeId);
    const change: RelationshipCreateChange = {
      ...changeHeader(ctx, changeId, originOf(me)),
      op: 'relationship:create',
      relType: type,
      relId,
      from,
      to,
      props,
    };
    sendWriteResult(res, { workspaceId, changeId, id: relId }, await submitter.submitOne(change, ctx), 201);
  });

  router.patch('/workspaces/:workspaceId/relationships/:id', participant, async (req, res) => {
    const { workspaceId, id } = parse(RelationshipParamsSchema, req.params, 'params');
    const { type } = parse(RelationshipTypeQuerySchema, req.query, 'query');
    const me = await writingParticipant(req, workshops, 'relationship', workspaceId);
    const props = parse(RelationshipUpdateSchema, req.body) as Record<string, unknown>;
    const ctx = asAuthor(writeContext(req, workspaceId), me);
    const claim = await submitter.claimKey(ctx, { op: 'relationship:update', id, body: req.body, participantId: me?.participantId });
    let relType = type;
    await claim.precheck(async () => {
      relType = (await existingEdge(reads, workspaceId, type, id, me?.participantId)).type;
      assertLevelUpdate(relType, props.level);
    });
    if (!relType) relType = (await existingEdge(reads, workspaceId, null, id)).type;
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const change: RelationshipUpdateChange = {
      ...changeHeader(ctx, changeId, originOf(me)),
      op: 'relationship:update',
      relType,
      relId: id,
      props,
    };
    sendWriteResult(res, { workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  router.delete('/workspaces/:workspaceId/relationships/:id', participant, async (req, res) => {
    const { workspaceId, id } = parse(RelationshipParamsSchema, req.params, 'params');
    const { type } = parse(RelationshipTypeQuerySchema, req.query, 'query');
    const me = await writingParticipant(req, workshops, 'relationship', workspaceId);
    const ctx = asAuthor(writeContext(req, workspaceId), me);
    const claim = await submitter.claimKey(ctx, { op: 'relationship:delete', id, participantId: me?.participantId });
    let relType = type;
    await claim.precheck(async () => (relType = (await existingEdge(reads, workspaceId, type, id, me?.participantId)).type));
    if (!relType) relType = (await existingEdge(reads, workspaceId, null, id)).type;
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const change: RelationshipDeleteChange = {
      ...changeHeader(ctx, changeId, originOf(me)),
      op: 'relationship:delete',
      relType,
      relId: id,
    };
    sendWriteResult(res, { workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  return router;
}
