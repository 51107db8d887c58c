/**
 * GET /api/v1/workspaces/:workspaceId/metrics?metric=&type=&city=&theme=&limit=: top nodes by a stored
 * network metric; GET …/metrics/summary: modularity, community count, when and how they were computed.
 */
import { Router } from 'express';
import { notFound } from '../errors';
import { metricsSummary, metricsTop } from '../services/metrics-reads';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { MetricsTopQuerySchema } from './metrics.schema';
import { parse } from './validate';

export function metricsRouter({ db }: ApiDeps): Router {
  const router = Router();
  router.get('/workspaces/:workspaceId/metrics/summary', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const summary = await metricsSummary(db, workspaceId);
    if (!summary) throw notFound('Workspace', workspaceId);
    res.json(summary);
  });
  router.get('/workspaces/:workspaceId/metrics', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const query = parse(MetricsTopQuerySchema, req.query, 'query');
    const summary = await metricsSummary(db, workspaceId);
    if (!summary) throw notFound('Workspace', workspaceId);
    const items = await metricsTop(db, workspaceId, query);
    res.json({ workspaceId, metric: query.metric, computedAt: summary.computedAt, items });
  });
  return router;
}
