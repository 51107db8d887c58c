/**
 * Network analysis for the client's analysis views:
 * GET /api/v1/workspaces/:workspaceId/nodes/:id/ego?depth=1..3: the node's ego network;
 * GET …/paths?from=&to=&max=: shortest introduction paths between two nodes (who can introduce whom);
 * GET …/material-flows: SUPPLIES flows (tonnes a year) and side streams without a taker.
 */
import { Router } from 'express';
import { notFound } from '../errors';
import { NetworkAnalysis } from '../services/network-analysis';
import { EgoParamsSchema, EgoQuerySchema, PathsQuerySchema } from './analysis.schema';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { parse } from './validate';

export function analysisRouter({ db, reads }: ApiDeps): Router {
  const router = Router();
  const analysis = new NetworkAnalysis(db);

  const requireWorkspace = async (workspaceId: string) => {
    if (!(await reads.workspaceExists(workspaceId))) throw notFound('Workspace', workspaceId);
  };

  router.get('/workspaces/:workspaceId/nodes/:id/ego', async (req, res) => {
    const { workspaceId, id } = parse(EgoParamsSchema, req.params, 'params');
    const { depth } = parse(EgoQuerySchema, req.query, 'query');
    await requireWorkspace(workspaceId);
    const found = (await reads.lookup(workspaceId, [id])).get(id);
    if (!found?.type || !found.inWorkspace) throw notFound('Node', id);
    const detail = await reads.node(workspaceId, found.type, id, { editor: false });
    if (!detail) throw notFound('Node', id);
    res.json(await analysis.ego(workspaceId, detail.node, depth));
  });

  router.get('/workspaces/:workspaceId/paths', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { from, to, max } = parse(PathsQuerySchema, req.query, 'query');
    await requireWorkspace(workspaceId);
    const ends = await reads.lookup(workspaceId, [from, to]);
    for (const id of [from, to]) {
      const end = ends.get(id);
      if (!end?.type || end.type === 'Workspace' || !end.inWorkspace) throw notFound('Node', id);
    }
    res.json(await analysis.paths(workspaceId, from, to, max));
  });

  router.get('/workspaces/:workspaceId/material-flows', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    await requireWorkspace(workspaceId);
    res.json(await analysis.materialFlows(workspaceId));
  });
  return router;
}
