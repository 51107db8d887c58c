/** /api/v1/workspaces/:workspaceId/:collection[/:id]: list, read, create, update, delete nodes. */
import { Router } from 'express';
import type { NodeCreateChange, NodeDeleteChange, NodeUpdateChange } from '../../domain/changes';
import { createSchemaFor, updateSchemaFor } from '../../domain/entities';
import { changeIdsFor, nodeIdFor, SHARED_ID_TYPES, sharedNodeIdFor } from '../commands/change-ids';
import { precheckNodeChange, precheckNodeCreate } from '../commands/prechecks';
import { changeHeader } from '../commands/submit-changes';
import { notFound } from '../errors';
import { participantMiddleware } from './auth-context';
import type { ApiDeps } from './deps';
import { BaseVersionSchema, CollectionParamsSchema, NodeListQuerySchema, NodeParamsSchema, nodeTypeOf, splitUpdateBody } from './nodes.schema';
import { asAuthor, originOf, refusePersonalFields, writingParticipant } from './participant-writes';
import { viewerOf, writeContext } from './request-context';
import { parse } from './validate';
import { sendWriteResult } from './write-response';

export function nodesRouter({ config, reads, submitter, workshops }: ApiDeps): Router {
  const router = Router();
  const participant = participantMiddleware(workshops);

  router.get('/workspaces/:workspaceId/:collection', async (req, res) => {
    const { workspaceId, collection } = parse(CollectionParamsSchema, req.params, 'params');
    const filters = parse(NodeListQuerySchema, req.query, 'query');
    if (!(await reads.workspace(workspaceId))) throw notFound('Workspace', workspaceId);
    res.json(await reads.nodes(workspaceId, nodeTypeOf(collection), filters, viewerOf(req, config)));
  });

  router.get('/workspaces/:workspaceId/:collection/:id', async (req, res) => {
    const { workspaceId, collection, id } = parse(NodeParamsSchema, req.params, 'params');
    const nodeType = nodeTypeOf(collection);
    const detail = await reads.node(workspaceId, nodeType, id, viewerOf(req, config));
    if (!detail) throw notFound(nodeType, id);
    res.json(detail);
  });

  router.post('/workspaces/:workspaceId/:collection', participant, async (req, res) => {
    const { workspaceId, collection } = parse(CollectionParamsSchema, req.params, 'params');
    const nodeType = nodeTypeOf(collection);
    const me = await writingParticipant(req, workshops, nodeType, workspaceId);
    const { id: givenId, ...props } = parse(createSchemaFor(nodeType), req.body) as Record<string, unknown> & { id?: string };
    refusePersonalFields(me, nodeType, props);
    const ctx = asAuthor(writeContext(req, workspaceId), me);
    const claim = await submitter.claimKey(ctx, { op: 'node:create', nodeType, body: req.body, participantId: me?.participantId });
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    // Participants' organisations, themes and projects: one node per normalised name (add-or-get).
    const sharedId = me && givenId === undefined && SHARED_ID_TYPES.has(nodeType) ? sharedNodeIdFor(nodeType, workspaceId, props.name) : null;
    const nodeId = givenId ?? sharedId ?? nodeIdFor(nodeType, props.name, changeId);
    await claim.precheck(() => precheckNodeCreate(reads, workspaceId, nodeId, givenId !== undefined));
    const change: NodeCreateChange = {
      ...changeHeader(ctx, changeId, originOf(me)),
      op: 'node:create',
      nodeType,
      nodeId,
      props,
      ...(sharedId && { addOrGet: true }),
    };
    sendWriteResult(res, { workspaceId, changeId, id: nodeId }, await submitter.submitOne(change, ctx), 201);
  });

  router.patch('/workspaces/:workspaceId/:collection/:id', participant, async (req, res) => {
    const { workspaceId, collection, id } = parse(NodeParamsSchema, req.params, 'params');
    const nodeType = nodeTypeOf(collection);
    const me = await writingParticipant(req, workshops, nodeType, workspaceId);
    const { patch, baseVersion: bodyVersion } = splitUpdateBody(req.body);
    const props = parse(updateSchemaFor(nodeType), patch) as Record<string, unknown>;
    refusePersonalFields(me, nodeType, props);
    const baseVersion = parse(BaseVersionSchema, bodyVersion ?? req.get('if-match')?.replace(/"/g, ''), 'body');
    const ctx = asAuthor(writeContext(req, workspaceId), me);
    const claim = await submitter.claimKey(ctx, { op: 'node:update', nodeType, id, body: req.body, participantId: me?.participantId });
    await claim.precheck(() => precheckNodeChange(reads, workspaceId, nodeType, id, baseVersion, me?.participantId));
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const change: NodeUpdateChange = {
      ...changeHeader(ctx, changeId, originOf(me)),
      op: 'node:update',
      nodeType,
      nodeId: id,
      props,
      baseVersion,
    };
    sendWriteResult(res, { workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  router.delete('/workspaces/:workspaceId/:collection/:id', participant, async (req, res) => {
    const { workspaceId, collection, id } = parse(NodeParamsSchema, req.params, 'params');
    const nodeType = nodeTypeOf(collection);
    const me = await writingParticipant(req, workshops, nodeType, workspaceId);
    const ctx = asAuthor(writeContext(req, workspaceId), me);
    const claim = await submitter.claimKey(ctx, { op: 'node:delete', nodeType, id, participantId: me?.participantId });
    await claim.precheck(() => precheckNodeChange(reads, workspaceId, nodeType, id, undefined, me?.participantId));
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const change: NodeDeleteChange = { ...changeHeader(ctx, changeId, originOf(me)), op: 'node:delete', nodeType, nodeId: id };
    sendWriteResult(res, { workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  return router;
}
