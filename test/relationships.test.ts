/** Links between nodes: create, update, delete through the worker; ends checked against the types. */
import { createWorkspace, cypher, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let ws: string;
let org: string;
let project: string;
let city: string;

beforeAll(async () => {
  stack = await startStack();
  ws = await createWorkspace(stack);
  org = (await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name: 'Kokkolan kaupunki', orgType: 'city' })).body.id;
  project = (await stack.http.post(`/api/v1/workspaces/${ws}/projects?wait=true`, { name: 'Akkukemian vetovastuuhanke' })).body.id;
  city = (await stack.http.post(`/api/v1/workspaces/${ws}/cities?wait=true`, { name: 'Kokkola', lat: 63.8385, lon: 23.1307, nameSv: 'Karleby' })).body.id;
});
afterAll(() => stack.close());

const rels = () => `/api/v1/workspaces/${ws}/relationships`;

test('create, update and delete a relationship with dates and a note', async () => {
  const created = await stack.http.post(`${rels()}?wait=true`, { type: 'LEADS', from: org, to: project, startDate: '2023-08-01', endDate: '2025-07-31', note: 'Päätoteuttaja' });
  expect(created.status).toBe(201);
  expect(created.body.edge).toMatchObject({ type: 'LEADS', source: org, target: project, startDate: '2023-08-01', note: 'Päätoteuttaja' });
  const [stored] = await cypher<{ start: string; note: string }>(stack, 'MATCH (:Entity {id: $org})-[r:LEADS {id: $id}]->(:Entity {id: $project}) RETURN r.startDate AS start, r.note AS note', {
    org,
    project,
    id: created.body.id,
  });
  expect(stored).toEqual({ start: '2023-08-01', note: 'Päätoteuttaja' });

  const updated = await stack.http.patch(`${rels()}/${created.body.id}?wait=true`, { note: 'Vetäjä ja koordinaattori', endDate: null });
  expect(updated.status).toBe(200);
  expect(updated.body.edge.note).toBe('Vetäjä ja koordinaattori');
  expect(updated.body.edge.endDate).toBeUndefined();

  const listed = await stack.http.get(`${rels()}?type=LEADS&node=${org}`);
  expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);

  const deleted = await stack.http.delete(`${rels()}/${created.body.id}?wait=true`);
  expect(deleted.status).toBe(200);
  expect(await cypher(stack, 'MATCH ()-[r:LEADS {id: $id}]->() RETURN r', { id: created.body.id })).toHaveLength(0);
  expect((await stack.http.get(`${rels()}/${created.body.id}`)).status).toBe(404);
});

test('a link the types do not allow is a 422 naming the field, and nothing is queued', async () => {
  const before = await cypher(stack, 'MATCH (:Entity {id: $city})-[r]-() RETURN count(r) AS n', { city });
  const res = await stack.http.post(`${rels()}?wait=true`, { type: 'LEADS', from: city, to: org });
  expect(res.status).toBe(422);
  expect(res.body.error).toMatchObject({ code: 'FROM_TYPE_NOT_ALLOWED', details: [{ path: 'from' }] });
  const missing = await stack.http.post(`${rels()}?wait=true`, { type: 'LOCATED_IN', from: org, to: 'city-ei-ole' });
  expect(missing.status).toBe(422);
  expect(missing.body.error).toMatchObject({ code: 'TO_NOT_FOUND', details: [{ path: 'to' }] });
  expect(await cypher(stack, 'MATCH (:Entity {id: $city})-[r]-() RETURN count(r) AS n', { city })).toEqual(before);
});

test('industrial symbiosis flows carry material and tonnes a year', async () => {
  const other = (await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name: 'Tornion Voima Oy', orgType: 'company' })).body.id;
  const flow = await stack.http.post(`${rels()}?wait=true`, { type: 'SUPPLIES', from: org, to: other, material: 'puujäte', tonnesPerYear: 200000 });
  expect(flow.status).toBe(201);
  expect(flow.body.edge).toMatchObject({ material: 'puujäte', tonnesPerYear: 200000 });
  const bad = await stack.http.post(rels(), { type: 'SUPPLIES', from: org, to: other, tonnesPerYear: -5 });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details).toEqual([{ path: 'tonnesPerYear', message: expect.any(String) }]);
});

test('deleting a node removes its links, and the graph no longer shows them', async () => {
  const temp = (await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name: 'Väliaikainen Oy', orgType: 'company' })).body.id;
  await stack.http.post(`${rels()}?wait=true`, { type: 'LOCATED_IN', from: temp, to: city });
  await stack.http.delete(`/api/v1/workspaces/${ws}/organisations/${temp}?wait=true`);
  const graph = await stack.http.get(`/api/v1/workspaces/${ws}/graph`);
  expect(graph.body.nodes.map((n: { id: string }) => n.id)).not.toContain(temp);
  expect(graph.body.edges.filter((e: { source: string }) => e.source === temp)).toEqual([]);
});

test('each relationship gets the type it was created with, also one after another (Neo4j 5.26.0 cached the first)', async () => {
  const theme = (await stack.http.post(`/api/v1/workspaces/${ws}/themes?wait=true`, { name: 'Akkukemia' })).body.id;
  const made: [string, string][] = [];
  for (const [type, from, to] of [
    ['LOCATED_IN', org, city],
    ['FOCUSES_ON', project, theme],
    ['PARTNER_IN', org, project],
    ['FOCUSES_ON', org, theme],
  ] as const) {
    const res = await stack.http.post(`${rels()}?wait=true`, { type, from, to });
    expect(res.status).toBe(201);
    made.push([res.body.id, type]);
  }
  const stored = await cypher<{ id: string; type: string }>(stack, 'MATCH ()-[r]->() WHERE r.id IN $ids RETURN r.id AS id, type(r) AS type', { ids: made.map(([id]) => id) });
  expect(new Map(stored.map((r) => [r.id, r.type]))).toEqual(new Map(made));
});
