/** The OpenAPI description (/api/openapi.json) and Swagger UI rendering it (/api/docs). */
import express, { Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { buildOpenApi } from '../openapi';

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Verkosto API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger' });</script>
</body></html>`;

export function docsRouter(): Router {
  const router = Router();
  const spec = buildOpenApi();
  router.get('/openapi.json', (_req, res) => void res.json(spec));
  router.use('/docs/assets', express.static(getAbsoluteFSPath(), { index: false }));
  router.get('/docs', (_req, res) => void res.type('html').send(DOCS_PAGE));
  return router;
}
