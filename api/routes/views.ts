/**
 * Saved views of a workspace and their read-only share links:
 *   GET/POST /workspaces/:ws/views, GET/PUT/DELETE /workspaces/:ws/views/:viewId,
 *   POST /workspaces/:ws/views/:viewId/share (a new token, shown once), DELETE …/share (revoke),
 *   GET /shared/:token (the view and its filtered graph, never contact details; nothing else, and no
 *   other method, is possible with a token).
 */
import { Router } from 'express';
import { forbidden } from '../errors';
import { SavedViews } from '../services/saved-views';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { parse } from './validate';
import { SharedParamsSchema, ViewBodySchema, ViewParamsSchema } from './views.schema';

export const sharedViewPath = (token: string) => `/shared/${encodeURIComponent(token)}`;

export function viewsRouter({ config, db, reads, redis }: ApiDeps): Router {
  const router = Router();
  const views = new SavedViews(db, reads, redis, config);

  router.get('/workspaces/:workspaceId/views', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const items = await views.list(workspaceId);
    res.json({ items, total: items.length });
  });

  router.post('/workspaces/:workspaceId/views', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const view = await views.create(workspaceId, parse(ViewBodySchema, req.body));
    res.status(201).location(`/api/v1/workspaces/${workspaceId}/views/${view.id}`).json(view);
  });

  router.get('/workspaces/:workspaceId/views/:viewId', async (req, res) => {
    const { workspaceId, viewId } = parse(ViewParamsSchema, req.params, 'params');
    res.json(await views.get(workspaceId, viewId));
  });

  router.put('/workspaces/:workspaceId/views/:viewId', async (req, res) => {
    const { workspaceId, viewId } = parse(ViewParamsSchema, req.params, 'params');
    res.json(await views.replace(workspaceId, viewId, parse(ViewBodySchema, req.body)));
  });

  router.delete('/workspaces/:workspaceId/views/:viewId', async (req, res) => {
    const { workspaceId, viewId } = parse(ViewParamsSchema, req.params, 'params');
    await views.remove(workspaceId, viewId);
    res.status(204).end();
  });

  router.post('/workspaces/:workspaceId/views/:viewId/share', async (req, res) => {
    const { workspaceId, viewId } = parse(ViewParamsSchema, req.params, 'params');
    const { view, token } = await views.share(workspaceId, viewId);
    res.status(201).set('Cache-Control', 'no-store').json({ view, token, path: sharedViewPath(token) });
  });

  router.delete('/workspaces/:workspaceId/views/:viewId/share', async (req, res) => {
    const { workspaceId, viewId } = parse(ViewParamsSchema, req.params, 'params');
    res.json(await views.revoke(workspaceId, viewId));
  });

  router.get('/shared/:token', async (req, res) => {
    const { token } = parse(SharedParamsSchema, req.params, 'params');
    res.set('Cache-Control', 'private, no-store').json(await views.openShared(token));
  });

  // A share link only reads: any other method on it (or under it) is refused, whatever the token.
  router.all('/shared/:token{/*rest}', (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    next(forbidden('READ_ONLY_LINK', 'A share link is read-only'));
  });

  return router;
}
