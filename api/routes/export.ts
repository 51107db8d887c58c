/**
 * GET /api/v1/workspaces/:id/export?format=json|csv|graphml|gexf|xlsx (&part=nodes|relationships for
 * CSV, &types=&city=&region=&theme=&from=&to=&metrics= as in the graph read, &view=<saved view id> for a
 * saved view's filter): the workspace as a download, streamed as it is read. People's contact details
 * only for editors.
 */
import { Router } from 'express';
import { notFound } from '../errors';
import { EXPORTERS, exportFileName } from '../services/export/formats';
import { ExportAborted } from '../services/export/sink';
import { WorkspaceExports } from '../services/export/source';
import { SavedViews } from '../services/saved-views';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { ExportQuerySchema } from './export.schema';
import { viewerOf } from './request-context';
import { parse } from './validate';
import { graphFiltersOf } from './workspaces.schema';

export function exportRouter({ config, db, logger, reads, redis }: ApiDeps): Router {
  const router = Router();
  const exports = new WorkspaceExports(db);
  const views = new SavedViews(db, reads, redis, config);

  router.get('/workspaces/:workspaceId/export', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const { format, part, view: viewId, ...query } = parse(ExportQuerySchema, req.query, 'query');
    const filters = graphFiltersOf(query);
    if (viewId) filters.view = (await views.get(workspaceId, viewId)).filter;
    const options = { exportedAt: new Date(), part };
    const exporter = EXPORTERS[format];
    try {
      const done = await exports.read(workspaceId, filters, viewerOf(req, config), async (source) => {
        // attachment() sets a type from the file extension: the real one after it.
        res
          .status(200)
          .attachment(exportFileName(workspaceId, format, options))
          .type(exporter.contentType)
          .set('Cache-Control', 'private, no-store');
        await exporter.write(source, res, options);
        return true;
      });
      if (!done) throw notFound('Workspace', workspaceId);
    } catch (err) {
      res.removeHeader('Content-Disposition');
      if (!res.headersSent) throw err;
      // Half a file is already out: all that is left is to cut the connection so it is not taken as whole.
      if (!(err instanceof ExportAborted)) logger.error({ err, workspaceId, format }, 'export failed while streaming');
      res.destroy();
    }
  });

  return router;
}
