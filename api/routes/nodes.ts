/** /api/v1/workspaces/:workspaceId/:collection[/:id]: list, read, create, update, delete nodes. */
import { Router } from 'express';
import type { NodeCreateChange, NodeDeleteChange, NodeUpdateChange } from '../../domain/changes';
import { createSchemaFor, updateSchemaFor } from '../../domain/entities';
import { changeIdsFor, nodeIdFor } from '../commands/change-ids';
import { precheckNodeChange, precheckNodeCreate } from '../commands/prechecks';
import { notFound } from '../errors';
import type { ApiDeps } from './deps';
import { BaseVersionSchema, CollectionParamsSchema, NodeListQuerySchema, NodeParamsSchema, nodeTypeOf, splitUpdateBody } from './nodes.schema';
import { viewerOf, writeContext } from './request-context';
import { parse } from './validate';
import { sendWriteResult } from './write-response';

export function nodesRouter({ config, reads, submitter }: ApiDeps): Router {
  const router = Router();

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

  router.post('/workspaces/:workspaceId/:collection', async (req, res) => {
    const { workspaceId, collection } = parse(CollectionParamsSchema, req.params, 'params');
    const nodeType = nodeTypeOf(collection);
    const { id: givenId, ...props } = parse(createSchemaFor(nodeType), req.body) as Record<string, unknown> & { id?: string };
    const ctx = writeContext(req, workspaceId);
    const claim = await submitter.claimKey(ctx, { op: 'node:create', nodeType, body: req.body });
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const nodeId = givenId ?? nodeIdFor(nodeType, props.name, changeId);
    await claim.precheck(() => precheckNodeCreate(reads, workspaceId, nodeId, givenId !== undefined));
    const change: NodeCreateChange = { id: changeId, op: 'node:create', workspaceId, actor: ctx.actor, at: new Date().toISOString(), nodeType, nodeId, props };
    sendWriteResult(res, { workspaceId, changeId, id: nodeId }, await submitter.submitOne(change, ctx), 201);
  });

  router.patch('/workspaces/:workspaceId/:collection/:id', async (req, res) => {
    const { workspaceId, collection, id } = parse(NodeParamsSchema, req.params, 'params');
    const nodeType = nodeTypeOf(collection);
    const { patch, baseVersion: bodyVersion } = splitUpdateBody(req.body);
    const props = parse(updateSchemaFor(nodeType), patch) as Record<string, unknown>;
    const baseVersion = parse(BaseVersionSchema, bodyVersion ?? req.get('if-match')?.replace(/"/g, ''), 'body');
    const ctx = writeContext(req, workspaceId);
    const claim = await submitter.claimKey(ctx, { op: 'node:update', nodeType, id, body: req.body });
    await claim.precheck(() => precheckNodeChange(reads, workspaceId, nodeType, id, baseVersion));
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const change: NodeUpdateChange = { id: changeId, op: 'node:update', workspaceId, actor: ctx.actor, at: new Date().toISOString(), nodeType, nodeId: id, props, baseVersion };
    sendWriteResult(res, { workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  router.delete('/workspaces/:workspaceId/:collection/:id', async (req, res) => {
    const { workspaceId, collection, id } = parse(NodeParamsSchema, req.params, 'params');
    const nodeType = nodeTypeOf(collection);
    const ctx = writeContext(req, workspaceId);
    const claim = await submitter.claimKey(ctx, { op: 'node:delete', nodeType, id });
    await claim.precheck(() => precheckNodeChange(reads, workspaceId, nodeType, id));
    const [changeId] = changeIdsFor(workspaceId, ctx.idempotencyKey, 1);
    const change: NodeDeleteChange = { id: changeId, op: 'node:delete', workspaceId, actor: ctx.actor, at: new Date().toISOString(), nodeType, nodeId: id };
    sendWriteResult(res, { workspaceId, changeId, id }, await submitter.submitOne(change, ctx), 200);
  });

  return router;
}
