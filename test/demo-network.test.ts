/**
 * The demo network (shared/seed-network/README.md) is loaded into the workspace "demo" once, with the
 * facts the README gives, no personal contact data, and Finnish-aware search over it.
 */
import { seedDemo } from '../scripts/seed';
import { DEMO_WORKSPACE, demoNodes, demoRelationships, BATTERY_CHEMISTRY_CITIES } from '../scripts/seed/demo-network';
import { NODE_SCHEMAS } from '../domain/entities';
import { RelationshipCreateSchema } from '../domain/relationships';
import { createWorkspace, cypher, snapshot, startStack, type TestStack } from './support/stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startStack();
  await seedDemo(stack.config);
});
afterAll(() => stack.close());

test('every demo node and link is valid under the entity schemas', () => {
  for (const n of demoNodes) expect([n.id, NODE_SCHEMAS[n.type].safeParse(n.props).error?.issues ?? []]).toEqual([n.id, []]);
  for (const r of demoRelationships) expect([r.id, RelationshipCreateSchema.safeParse({ ...r.props, id: r.id, type: r.type, from: r.from, to: r.to }).error?.issues ?? []]).toEqual([r.id, []]);
});

test('a second seed does not duplicate anything', async () => {
  const before = await snapshot(stack, DEMO_WORKSPACE.id);
  expect(await seedDemo(stack.config)).toMatchObject({ created: false });
  expect(await snapshot(stack, DEMO_WORKSPACE.id)).toEqual(before);
});

test('the graph endpoint serves the demo with the facts of the README', async () => {
  const graph = await stack.http.get('/api/v1/workspaces/demo/graph');
  expect(graph.status).toBe(200);
  // Other suites may add to the demo; every demo node must be there.
  const ids = new Set(graph.body.nodes.map((n: { id: string }) => n.id));
  expect(demoNodes.filter((n) => !ids.has(n.id))).toEqual([]);
  const byName = new Map(graph.body.nodes.map((n: { name: string }) => [n.name, n]));
  for (const city of ['Pori', 'Kokkola', 'Vaasa', 'Turku', 'Lappeenranta', 'Jyväskylä', 'Kuopio', 'Kemi', 'Tornio', 'Rovaniemi', 'Oulu', 'Tampere', 'Skellefteå']) {
    expect(byName.get(city)).toMatchObject({ type: 'City', lat: expect.any(Number), lon: expect.any(Number) });
  }
  for (const org of ['Prizztech Oy', 'Satakuntaliitto', 'Miltton Networks Oy', 'Pirkanmaan liitto', 'Kokkolan kaupunki', 'Digipolis Oy', 'Region Västerbotten', 'Pohjois-Pohjanmaan liitto', 'Sitra']) {
    expect(byName.get(org)).toMatchObject({ type: 'Organisation', orgType: expect.any(String) });
  }
  const akkukemia = graph.body.nodes.find((n: { type: string; budgetEur?: number }) => n.type === 'Project' && n.budgetEur === 259188);
  expect(akkukemia).toMatchObject({ startDate: '2023-08-01', endDate: '2025-07-31', euShareEur: 194390 });
  const abc = graph.body.nodes.find((n: { type: string; budgetEur?: number }) => n.type === 'Project' && n.budgetEur === 1622657);
  expect(abc).toMatchObject({ euShareEur: 1215776 });
  const people = graph.body.nodes.filter((n: { type: string }) => n.type === 'Person').map((p: { name: string }) => p.name);
  expect(people).toEqual(expect.arrayContaining(['Matti Luhtanen', 'Tiina Ramstedt-Sen', 'Kari Poikela', 'Tuomas Pussila', 'Kari Mäkitalo']));
  expect(BATTERY_CHEMISTRY_CITIES).toHaveLength(7);
  const workPackages = graph.body.nodes.filter((n: { type: string }) => n.type === 'WorkPackage');
  expect(workPackages).toHaveLength(6);
});

test('no person in the demo has contact details, stored or shown', async () => {
  expect(await cypher(stack, "MATCH (p:Person)-[:IN_WORKSPACE]->(:Workspace {id: 'demo'}) WHERE p.email IS NOT NULL OR p.phone IS NOT NULL RETURN p.id")).toEqual([]);
});

test.each([
  ['jyvaskyla', 'Jyväskylä'],
  ['JYVÄSKYLÄ', 'Jyväskylä'],
  ['oulun ylipisto', 'Oulun yliopisto'],
  ['University of Oulu', 'Oulun yliopisto'],
  ['Uleåborgs universitet', 'Oulun yliopisto'],
  ['skelleftea', 'Skellefteå'],
  ['Oulun', 'Oulu'],
])('search "%s" finds %s among the first five', async (q, name) => {
  const res = await stack.http.get(`/api/v1/search?q=${encodeURIComponent(q)}&workspace=demo`);
  expect(res.status).toBe(200);
  expect(res.body.items.slice(0, 5).map((i: { name: string }) => i.name)).toContain(name);
});

test('search filters by type and refuses an empty query', async () => {
  const cities = await stack.http.get('/api/v1/search?q=kokkola&workspace=demo&types=City');
  expect(cities.body.items.map((i: { type: string }) => i.type)).toEqual(['City']);
  const empty = await stack.http.get('/api/v1/search?q=%20');
  expect(empty.status).toBe(400);
  expect(empty.body.error.details[0].path).toBe('query.q');
  const lucene = await stack.http.get(`/api/v1/search?q=${encodeURIComponent('Pori AND (x OR "')}&workspace=demo`);
  expect(lucene.status).toBe(200);
});

test('search finds a node as soon as its write is applied, one by one and in a batch (the indexes are eventually consistent)', async () => {
  const ws = await createWorkspace(stack);
  // One by one: each name searched for right after its ?wait=true create answered.
  for (let i = 0; i < 15; i++) {
    const name = `Ääneseudun Kiertotalous ${i} Oy`;
    const created = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name, orgType: 'company', aliases: [`Åbo Kierto ${i}`] });
    expect(created.status).toBe(201);
    const byName = await stack.http.get(`/api/v1/search?q=${encodeURIComponent(`aaneseudun kiertotalous ${i}`)}&workspace=${ws}`);
    expect(byName.body.items.map((h: { id: string }) => h.id)).toContain(created.body.id);
    const byAlias = await stack.http.get(`/api/v1/search?q=${encodeURIComponent(`Åbo Kierto ${i}`)}&workspace=${ws}`);
    expect(byAlias.body.items.map((h: { id: string }) => h.id)).toContain(created.body.id);
  }
  // A batch of 500 in one request: the last one is found as soon as the batch is applied.
  const changes = Array.from({ length: 500 }, (_, i) => ({ op: 'node:create', nodeType: 'Organisation', props: { name: `Öljynjalostus Sarja ${i} Ab`, orgType: 'company' } }));
  expect((await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes })).body.status).toBe('applied');
  const last = await stack.http.get(`/api/v1/search?q=${encodeURIComponent('oljynjalostus sarja 499')}&workspace=${ws}`);
  expect(last.body.items[0]).toMatchObject({ name: 'Öljynjalostus Sarja 499 Ab' });
});

test('graph filters: by type, and by city', async () => {
  const orgs = await stack.http.get('/api/v1/workspaces/demo/graph?types=Organisation,City');
  expect(new Set(orgs.body.nodes.map((n: { type: string }) => n.type))).toEqual(new Set(['Organisation', 'City']));
  const kemi = await stack.http.get('/api/v1/workspaces/demo/graph?city=city-kemi');
  expect(kemi.body.nodes.map((n: { name: string }) => n.name)).toEqual(expect.arrayContaining(['Kemi', 'Digipolis Oy']));
  expect(kemi.body.nodes.length).toBeLessThan(demoNodes.length);
  expect((await stack.http.get('/api/v1/workspaces/demo/graph?types=Dragon')).status).toBe(400);
});
