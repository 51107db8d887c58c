/** /health reports both services; the OpenAPI description is served and rendered. */
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

test('health reports Neo4j and Redis', async () => {
  const res = await stack.http.get('/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok', neo4j: { ok: true, latencyMs: expect.any(Number) }, redis: { ok: true, latencyMs: expect.any(Number) } });
});

test('health is 503 when Neo4j does not answer', async () => {
  const broken = await startStack({ NEO4J_URI: 'bolt://127.0.0.1:1' }, { withWorker: false });
  try {
    const res = await broken.http.get('/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'degraded', neo4j: { ok: false, error: expect.any(String) }, redis: { ok: true } });
  } finally {
    await broken.close();
  }
});

test('the OpenAPI description lists every collection and is rendered at /api/docs', async () => {
  const spec = await stack.http.get('/api/openapi.json');
  expect(spec.body.openapi).toBe('3.0.3');
  for (const path of ['/api/v1/workspaces/{workspaceId}/organisations', '/api/v1/workspaces/{workspaceId}/people/{id}', '/api/v1/changes', '/api/v1/search']) {
    expect(Object.keys(spec.body.paths)).toContain(path);
  }
  expect(spec.body.components.schemas.OrganisationCreate.properties.orgType.enum).toContain('university_of_applied_sciences');
  const page = await fetch(`${stack.api.url}/api/docs`);
  expect(await page.text()).toContain('SwaggerUIBundle');
  expect((await fetch(`${stack.api.url}/api/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
});
