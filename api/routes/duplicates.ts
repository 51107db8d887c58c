/**
 * GET /api/v1/workspaces/:workspaceId/duplicates?type=organisation|person&minScore=&limit=: probable
 * duplicate pairs among the workspace's organisations or people, each with the score and the reasons.
 */
import { Router } from 'express';
import { notFound } from '../errors';
import { DuplicatePairs } from '../services/duplicate-pairs';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { DuplicatesQuerySchema } from './duplicates.schema';
import { parse } from './validate';

export function duplicatesRouter({ db, reads }: ApiDeps): Router {
  const router = Router();
  const duplicates = new DuplicatePairs(db, reads);
  router.get('/workspaces/:workspaceId/duplicates', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { type, minScore, limit } = parse(DuplicatesQuerySchema, req.query, 'query');
    const list = await duplicates.list(workspaceId, type, minScore, limit);
    if (!list) throw notFound('Workspace', workspaceId);
    res.json({ ...list, minScore });
  });
  return router;
}
