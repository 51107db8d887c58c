/** /api/v1/workspaces: the maps themselves, and each one's graph for the client. */
import { Router } from 'express';
import type { NodeCreateChange } from '../../domain/changes';
import { createSchemaFor } from '../../domain/entities';
import { changeIdsFor, nodeIdFor } from '../commands/change-ids';
import { changeHeader } from '../commands/submit-changes';
import { notFound, conflict } from '../errors';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { viewerOf, writeContext } from './request-context';
import { parse } from './validate';
import { GraphQuerySchema, graphFiltersOf } from './workspaces.schema';
import { sendWriteResult } from './write-response';

export function workspacesRouter({ config, reads, submitter }: ApiDeps): Router {
  const router = Router();

  router.get('/workspaces', async (_req, res) => {
    const items = await reads.workspaces();
    res.json({ items: items.map((w) => ({ ...w.workspace, seq: w.seq, nodeCount: w.nodeCount })), total: items.length });
  });

  router.get('/workspaces/:workspaceId', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const ws = await reads.workspace(workspaceId);
    if (!ws) throw notFound('Workspace', workspaceId);
    res.json({ ...ws.workspace, seq: ws.seq, nodeCount: ws.nodeCount });
  });

  router.get('/workspaces/:workspaceId/graph', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const filters = graphFiltersOf(parse(GraphQuerySchema, req.query, 'query'));
    const graph = await reads.graph(workspaceId, filters, viewerOf(req, config));
    if (!graph) throw notFound('Workspace', workspaceId);
    res.json(graph);
  });

  router.post('/workspaces', async (req, res) => {
    const { id: givenId, ...props } = parse(createSchemaFor('Workspace'), req.body) as Record<string, unknown> & { id?: string };
    const provisional = writeContext(req, givenId ?? '_new');
    const [changeId] = changeIdsFor('_workspaces', provisional.idempotencyKey, 1);
    const workspaceId = givenId ?? nodeIdFor('Workspace', props.name, changeId).replace(/^workspace-/, '');
    const ctx = { ...provisional, workspaceId };
    const claim = await submitter.claimKey(ctx, { op: 'workspace:create', body: req.body });
    await claim.precheck(async () => {
      const existing = await reads.lookup(workspaceId, [workspaceId]);
      if (existing.get(workspaceId)?.type) throw conflict('ALREADY_EXISTS', `The id "${workspaceId}" is already used`, { id: workspaceId });
    });
    const change: NodeCreateChange = { ...changeHeader(ctx, changeId), op: 'node:create', nodeType: 'Workspace', nodeId: workspaceId, props };
    sendWriteResult(res, { workspaceId, changeId, id: workspaceId }, await submitter.submitOne(change, ctx), 201);
  });

  return router;
}
