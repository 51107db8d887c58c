/**
 * GET /api/v1/workspaces/:workspaceId/summary?top=: the key figures of a workspace for its printable
 * one-page summary (counts, cities, projects' euros, top actors, brokers, communities).
 */
import { Router } from 'express';
import { notFound } from '../errors';
import { workspaceSummary } from '../services/workspace-summary';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { SummaryQuerySchema } from './summary.schema';
import { parse } from './validate';

export function summaryRouter({ db }: ApiDeps): Router {
  const router = Router();
  router.get('/workspaces/:workspaceId/summary', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { top } = parse(SummaryQuerySchema, req.query, 'query');
    const summary = await workspaceSummary(db, workspaceId, { top });
    if (!summary) throw notFound('Workspace', workspaceId);
    res.json(summary);
  });
  return router;
}
