/**
 * createApp builds the Express app without listening (tests run it in-process on port 0): thin
 * routes over the services, one error handler, the built client served at /.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import { AppError, errorHandler, notFoundRoute } from './errors';
import type { ChangesQueue } from './infra/queue';
import { changesRouter } from './routes/changes';
import type { ApiDeps } from './routes/deps';
import { docsRouter } from './routes/docs';
import { healthRouter } from './routes/health';
import { nodesRouter } from './routes/nodes';
import { relationshipsRouter } from './routes/relationships';
import { searchRouter } from './routes/search';
import { workspacesRouter } from './routes/workspaces';
import { viewsRouter } from './routes/views';
import { similarRouter } from './routes/similar';
import { overlapsRouter } from './routes/overlaps';
import { authRouter } from './routes/auth';
import { workshopsRouter } from './routes/workshops';
import { workshopControlsRouter } from './routes/workshop-controls';
import { metricsRouter } from './routes/metrics';
import { exportRouter } from './routes/export';
import { mergesRouter } from './routes/merges';
import { skillsRouter } from './routes/skills';
import { duplicatesRouter } from './routes/duplicates';
import { importsRouter } from './routes/imports';
import { analysisRouter } from './routes/analysis';
import { summaryRouter } from './routes/summary';
import type { ImportStarter } from './commands/start-import';

/** Writes must be JSON: anything else is a 415, not a body silently read as empty. */
const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
    return next(new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json'));
  }
  next();
};

export function createApp(deps: ApiDeps & { queue: ChangesQueue; imports: ImportStarter }): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(healthRouter(deps));
  app.use('/api', docsRouter());

  // Imports stream their body (any file type) to disk: before the JSON-only body parser.
  app.use('/api/v1', importsRouter(deps));
  const api = express.Router();
  api.use(requireJson, express.json({ limit: deps.config.BODY_LIMIT }));
  api.use(workspacesRouter(deps));
  // Before nodesRouter: /workspaces/:ws/views is not a node collection.
  api.use(viewsRouter(deps));
  api.use(similarRouter(deps));
  // Before nodesRouter: /workspaces/:ws/skills and /duplicates are not node collections.
  api.use(skillsRouter(deps));
  api.use(duplicatesRouter(deps));
  // Before nodesRouter: /workspaces/:ws/overlaps and /specialisation are not node collections.
  api.use(overlapsRouter(deps));
  api.use(metricsRouter(deps));
  // Before nodesRouter: /workspaces/:ws/paths and /material-flows are not node collections.
  api.use(analysisRouter(deps));
  // Before nodesRouter: /workspaces/:ws/summary is not a node collection.
  api.use(summaryRouter(deps));
  // Before nodesRouter: /workspaces/:ws/export is not a node collection.
  api.use(exportRouter(deps));
  api.use(changesRouter(deps));
  api.use(mergesRouter(deps));
  api.use(relationshipsRouter(deps));
  api.use(searchRouter(deps));
  // Before nodesRouter: /workspaces/:ws/workshops is not a node collection.
  api.use(authRouter(deps));
  api.use(workshopsRouter(deps));
  api.use(workshopControlsRouter(deps));
  api.use(nodesRouter(deps));
  app.use('/api/v1', api);
  app.use('/api', notFoundRoute);

  const dist = deps.config.CLIENT_DIST;
  if (fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // The client routes in the browser (/, /w/:id): every other GET gets its page.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(path.join(dist, 'index.html')));
  }
  app.use(notFoundRoute);
  app.use(errorHandler(deps.logger));
  return app;
}
