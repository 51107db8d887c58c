/**
 * Create, read, update and delete of every node type through the API: each write goes through the
 * queue and the worker, and what Neo4j stores is checked directly.
 */
import { COLLECTIONS, type NodeType } from '../domain/entities';
import { createWorkspace, cypher, startStack, type TestStack } from './support/stack';

const SAMPLES: Record<Exclude<NodeType, 'Workspace'>, { create: Record<string, unknown>; update: Record<string, unknown> }> = {
  Organisation: { create: { name: 'Jyväskylän yliopisto', orgType: 'university', aliases: ['JYU'] }, update: { nameEn: 'University of Jyväskylä' } },
  City: { create: { name: 'Hämeenlinna', lat: 60.9959, lon: 24.4643, nameSv: 'Tavastehus' }, update: { description: 'Kanta-Hämeen keskus' } },
  Region: { create: { name: 'Kanta-Häme', nameEn: 'Tavastia Proper' }, update: { description: 'Maakunta' } },
  Country: { create: { name: 'Sverige', code: 'SE' }, update: { aliases: ['Ruotsi', 'Sweden'] } },
  Project: {
    create: { name: 'Älykäs vesienkäsittely', startDate: '2024-01-01', endDate: '2025-12-31', budgetEur: 500000, euShareEur: 350000, goals: ['Vähemmän jätevettä'] },
    update: { status: 'running' },
  },
  WorkPackage: { create: { name: 'TP1 Viestintä', code: 'WP1' }, update: { description: 'Viestintä ja näkyvyys' } },
  Person: { create: { name: 'Åsa Öhman', title: 'projektipäällikkö', email: 'asa.ohman@example.fi' }, update: { title: 'erityisasiantuntija' } },
  Theme: { create: { name: 'Vedenkäsittely', nameEn: 'Water treatment', nameSv: 'Vattenrening' }, update: { kind: 'skill' } },
  Programme: { create: { name: 'Interreg Aurora', nameEn: 'Interreg Aurora' }, update: { description: '2021–2027' } },
  Cluster: { create: { name: 'Pohjoisen vetyklusteri' }, update: { nameEn: 'Northern hydrogen cluster' } },
  SideStream: { create: { name: 'Sivuvirran lämpö', material: 'hukkalämpö', tonnesPerYear: 1200 }, update: { nameSv: 'Spillvärme' } },
};

const collectionOf = (type: NodeType) => Object.entries(COLLECTIONS).find(([, t]) => t === type)![0];

let stack: TestStack;
let ws: string;

beforeAll(async () => {
  stack = await startStack();
  ws = await createWorkspace(stack);
});
afterAll(() => stack.close());

describe.each(Object.keys(SAMPLES) as (keyof typeof SAMPLES)[])('%s', (type) => {
  const { create, update } = SAMPLES[type];
  const base = () => `/api/v1/workspaces/${ws}/${collectionOf(type)}`;

  test('create, read, update and delete reach Neo4j through the worker', async () => {
    const created = await stack.http.post(`${base()}?wait=true`, create, { 'X-Actor': 'Testaaja Ärjä' });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const { email, ...shown } = create; // personal data is stored but never in public answers
    expect(created.body.node).toMatchObject({ ...shown, id, type, version: 1 });
    expect(created.body.node.email).toBeUndefined();
    expect(email === undefined || type === 'Person').toBe(true);

    const [stored] = await cypher<{ labels: string[]; props: Record<string, unknown>; ws: boolean }>(
      stack,
      'MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels, properties(n) AS props, EXISTS { (n)-[:IN_WORKSPACE]->(:Workspace {id: $ws}) } AS ws',
      { id, ws },
    );
    expect(stored.labels).toEqual(expect.arrayContaining(['Entity', type]));
    expect(stored.ws).toBe(true);
    expect(stored.props).toMatchObject(create); // including the e-mail, stored but not shown
    const [logged] = await cypher<{ actor: string; op: string }>(stack, 'MATCH (c:Change {id: $id}) RETURN c.actor AS actor, c.op AS op', {
      id: created.body.changeId,
    });
    expect(logged).toEqual({ actor: 'Testaaja Ärjä', op: 'node:created' });

    const read = await stack.http.get(`${base()}/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.node).toMatchObject({ id, name: create.name });

    const listed = await stack.http.get(`${base()}?q=${encodeURIComponent(String(create.name).slice(0, 4).toLowerCase())}`);
    expect(listed.body.items.map((n: { id: string }) => n.id)).toContain(id);

    const updated = await stack.http.patch(`${base()}/${id}?wait=true`, { ...update, baseVersion: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body.node).toMatchObject({ ...update, version: 2 });
    const [afterUpdate] = await cypher<{ props: Record<string, unknown> }>(stack, 'MATCH (n:Entity {id: $id}) RETURN properties(n) AS props', { id });
    expect(afterUpdate.props).toMatchObject({ ...create, ...update, version: 2 });

    const deleted = await stack.http.delete(`${base()}/${id}?wait=true`);
    expect(deleted.status).toBe(200);
    expect(await cypher(stack, 'MATCH (n:Entity {id: $id}) RETURN n', { id })).toHaveLength(0);
    expect((await stack.http.get(`${base()}/${id}`)).status).toBe(404);
  });
});

test('without ?wait the API answers 202 with the change id, and the change is applied later', async () => {
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/themes`, { name: 'Teollinen symbioosi' });
  expect(res.status).toBe(202);
  expect(res.body).toMatchObject({ status: 'queued', changeId: expect.any(String), id: expect.stringMatching(/^theme-teollinen-symbioosi-/) });
  const status = async () => (await stack.http.get(`/api/v1/workspaces/${ws}/changes/${res.body.changeId}`)).body;
  for (let i = 0; i < 200 && (await status()).status !== 'applied'; i++) await new Promise((r) => setTimeout(r, 25));
  expect(await status()).toMatchObject({ status: 'applied', seq: expect.any(Number) });
  expect(await cypher(stack, 'MATCH (n:Theme {id: $id}) RETURN n.name AS name', { id: res.body.id })).toEqual([{ name: 'Teollinen symbioosi' }]);
});

test('a stale edit gets 409 with the current version and changes nothing', async () => {
  const created = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name: 'Centria-ammattikorkeakoulu', orgType: 'university_of_applied_sciences' });
  await stack.http.patch(`/api/v1/workspaces/${ws}/organisations/${created.body.id}?wait=true`, { description: 'ensimmäinen', baseVersion: 1 });
  const stale = await stack.http.patch(`/api/v1/workspaces/${ws}/organisations/${created.body.id}?wait=true`, { description: 'toinen', baseVersion: 1 });
  expect(stale.status).toBe(409);
  expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
  expect(await cypher(stack, 'MATCH (n {id: $id}) RETURN n.description AS d', { id: created.body.id })).toEqual([{ d: 'ensimmäinen' }]);
});

test('people’s contact details are stored, shown to editors only', async () => {
  const editor = await startStack({ EDITOR_TOKEN: 'editor-token-for-tests-1234' });
  try {
    const wsE = await createWorkspace(editor);
    const created = await editor.http.post(`/api/v1/workspaces/${wsE}/people?wait=true`, { name: 'Tiina Ämmälä', email: 'tiina@example.fi', phone: '+358 40 123 4567' });
    const path = `/api/v1/workspaces/${wsE}/people/${created.body.id}`;
    expect((await editor.http.get(path)).body.node.email).toBeUndefined();
    expect((await editor.http.get(path, { authorization: 'Bearer wrong-token-wrong-token' })).body.node.phone).toBeUndefined();
    expect((await editor.http.get(path, { authorization: 'Bearer editor-token-for-tests-1234' })).body.node).toMatchObject({ email: 'tiina@example.fi', phone: '+358 40 123 4567' });
    const graph = await editor.http.get(`/api/v1/workspaces/${wsE}/graph`);
    expect(JSON.stringify(graph.body)).not.toContain('tiina@example.fi');
  } finally {
    await editor.close();
  }
});
