/** Bad input gets a clear 4xx naming the field and the reason, and the stored data stays as it was. */
import { createWorkspace, snapshot, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let ws: string;
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  stack = await startStack();
  ws = await createWorkspace(stack);
  await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { id: 'org-olemassa', name: 'Pirkanmaan liitto', orgType: 'regional_council' });
  before = await snapshot(stack, ws);
});
afterEach(async () => {
  // Give a wrongly queued change time to be applied, then check that nothing changed.
  await new Promise((r) => setTimeout(r, 150));
  expect(await snapshot(stack, ws)).toEqual(before);
});
afterAll(() => stack.close());

const orgs = () => `/api/v1/workspaces/${ws}/organisations`;

test.each([
  ['a missing name', { orgType: 'company' }, [{ path: 'name', message: 'Required' }]],
  ['an empty name', { name: '  ', orgType: 'company' }, [{ path: 'name', message: 'must not be empty' }]],
  ['an unknown type', { name: 'Ääni Oy', orgType: 'firma' }, [{ path: 'orgType', message: expect.stringContaining("received 'firma'") }]],
  ['a bad business id', { name: 'Ääni Oy', orgType: 'company', businessId: '123' }, [{ path: 'businessId', message: expect.stringContaining('1234567-8') }]],
  ['an unknown field', { name: 'Ääni Oy', orgType: 'company', salaisuus: 1 }, [{ path: '(body)', message: expect.stringContaining('salaisuus') }]],
  ['a bad id', { id: 'ä ö', name: 'Ääni Oy', orgType: 'company' }, [{ path: 'id', message: expect.any(String) }]],
])('%s is a 400 with the field and the reason', async (_what, body, details) => {
  const res = await stack.http.post(`${orgs()}?wait=true`, body);
  expect(res.status).toBe(400);
  expect(res.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.any(String), details });
});

test('project rules across fields: dates in order, EU share within the budget', async () => {
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/projects`, { name: 'Hanke', startDate: '2025-01-01', endDate: '2024-01-01', budgetEur: 10, euShareEur: 20 });
  expect(res.status).toBe(400);
  expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['endDate', 'euShareEur']);
  const notADate = await stack.http.post(`/api/v1/workspaces/${ws}/projects`, { name: 'Hanke', startDate: '2025-02-30' });
  expect(notADate.body.error.details).toEqual([{ path: 'startDate', message: 'not a real calendar date' }]);
});

test('updates: unknown fields, empty updates and bad versions are refused', async () => {
  expect((await stack.http.patch(`${orgs()}/org-olemassa`, { vari: 'sininen' })).body.error.details[0].message).toContain('vari');
  expect((await stack.http.patch(`${orgs()}/org-olemassa`, {})).body.error.details[0].message).toBe('an update must change at least one field');
  expect((await stack.http.patch(`${orgs()}/org-olemassa`, { name: 'X', baseVersion: 'kaksi' })).status).toBe(400);
  expect((await stack.http.patch(`${orgs()}/org-ei-ole`, { name: 'X' })).status).toBe(404);
  expect((await stack.http.patch(`/api/v1/workspaces/${ws}/projects/org-olemassa`, { name: 'X' })).status).toBe(404);
});

test('an id already used is a 409', async () => {
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/themes`, { id: 'org-olemassa', name: 'Teema' });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('ALREADY_EXISTS');
});

test('malformed JSON, another media type, too large a body', async () => {
  const malformed = await stack.http.request('POST', orgs(), '{"name": "Ää', { 'content-type': 'application/json' });
  expect(malformed.status).toBe(400);
  expect(malformed.body.error.code).toBe('MALFORMED_JSON');
  const text = await stack.http.request('POST', orgs(), 'name=Ää', { 'content-type': 'text/plain' });
  expect(text.status).toBe(415);
  const huge = await stack.http.post(orgs(), { name: 'Ä'.repeat(11 * 1024 * 1024), orgType: 'company' });
  expect(huge.status).toBe(413);
  expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
});

test('unknown workspace, collection and route are 404s with a stable shape', async () => {
  expect((await stack.http.post('/api/v1/workspaces/ei-ole/organisations', { name: 'X', orgType: 'company' })).body.error.code).toBe('NOT_FOUND');
  expect((await stack.http.get(`/api/v1/workspaces/${ws}/kissat`)).status).toBe(400);
  const route = await stack.http.get('/api/v1/ei/mitaan/tassa/polussa');
  expect(route.status).toBe(404);
  expect(route.body.error.code).toBe('ROUTE_NOT_FOUND');
});

test('a bad batch is refused whole, naming the item and field', async () => {
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes`, {
    changes: [
      { op: 'node:create', nodeType: 'Theme', props: { name: 'Hyvä' } },
      { op: 'node:create', nodeType: 'City', props: { name: 'Huono', lat: 200, lon: 0 } },
      { op: 'node:teleport' },
    ],
  });
  expect(res.status).toBe(400);
  expect(res.body.error.details).toEqual(
    expect.arrayContaining([
      { path: 'changes.1.props.lat', message: expect.any(String) },
      { path: 'changes.2.op', message: expect.any(String) },
    ]),
  );
});

test('a bad header is a 400 naming the header', async () => {
  const res = await stack.http.post(orgs(), { name: 'X', orgType: 'company' }, { 'Idempotency-Key': 'ä'.repeat(3) });
  expect(res.status).toBe(400);
  expect(res.body.error.details[0].path).toBe('headers.idempotency-key');
});
