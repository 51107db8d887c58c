/** GET /api/v1/search?q=: names and aliases of every type, Finnish-aware (see services/search.ts). */
import { Router } from 'express';
import { search } from '../services/search';
import type { ApiDeps } from './deps';
import { SearchQuerySchema } from './search.schema';
import { parse } from './validate';

export function searchRouter({ db }: ApiDeps): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const { q, workspace, types, limit } = parse(SearchQuerySchema, req.query, 'query');
    res.json({ q, items: await search(db, q, { workspaceId: workspace, types, limit }) });
  });
  return router;
}
