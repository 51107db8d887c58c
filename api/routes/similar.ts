/** GET /api/v1/workspaces/:workspaceId/similar?type=&name=: probable duplicates of a name, with reasons. */
import { Router } from 'express';
import { notFound } from '../errors';
import { COLD_WAIT_MS } from '../services/followed-index';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { SimilarQuerySchema } from './similar.schema';
import { parse } from './validate';

export function similarRouter({ similar }: ApiDeps): Router {
  const router = Router();
  router.get('/workspaces/:workspaceId/similar', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { type, name, limit, minScore } = parse(SimilarQuerySchema, req.query, 'query');
    const items = await similar.find(workspaceId, type, name, limit, minScore, { coldWaitMs: COLD_WAIT_MS });
    if (!items) throw notFound('Workspace', workspaceId);
    res.json({ name, type, items });
  });
  return router;
}
