/**
 * POST /api/v1/workspaces/:ws/imports: the raw file as the body (CSV, XLSX, JSON graph, GraphML, GEXF;
 * ?dryRun=, ?entityType=, ?mapping=, ?skipBad=) -> 202 {importId, state, ...}. GET .../imports/:id: its
 * state, progress and report. Mounted before the JSON body parser: the body is streamed to a file.
 */
import { Router } from 'express';
import type { ImportStarter } from '../commands/start-import';
import { notFound } from '../errors';
import { loadImportStatus } from '../infra/import-status';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { ImportParamsSchema, ImportQuerySchema } from './imports.schema';
import { writeContext } from './request-context';
import { parse } from './validate';

export function importsRouter({ reads, redis, config, imports }: ApiDeps & { imports: ImportStarter }): Router {
  const router = Router();

  router.post('/workspaces/:workspaceId/imports', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const query = parse(ImportQuerySchema, req.query, 'query');
    if (!(await reads.workspace(workspaceId))) throw notFound('Workspace', workspaceId);
    const { actor } = writeContext(req, workspaceId);
    const status = await imports.start(req, { workspaceId, actor, ...query });
    res
      .status(202)
      .location(`/api/v1/workspaces/${workspaceId}/imports/${status.importId}`)
      .json(status);
  });

  router.get('/workspaces/:workspaceId/imports/:importId', async (req, res) => {
    const { workspaceId, importId } = parse(ImportParamsSchema, req.params, 'params');
    const status = await loadImportStatus(redis, config, importId);
    if (!status || status.workspaceId !== workspaceId) throw notFound('Import', importId);
    res.json(status);
  });

  return router;
}
