/**
 * The API keeps each workspace's overlap index and catches it up from the change log instead of
 * rebuilding it. After every kind of change that alters where a project runs or what it is about, the
 * cached answers (overlaps of a project, the city and region × theme matrices) must equal those of an
 * index built from scratch. Ids carry a suffix of the run (entity ids are unique across workspaces).
 */
import { randomUUID } from 'node:crypto';
import { createGraphDb, type GraphDb } from '../api/infra/neo4j';
import { ProjectOverlaps } from '../api/services/project-overlaps';
import { createWorkspace, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let db: GraphDb;
let ws: string;
const s = randomUUID().slice(0, 8);
const id = (name: string) => `${name}-${s}`;

beforeAll(async () => {
  stack = await startStack();
  db = createGraphDb(stack.config);
  ws = await createWorkspace(stack, 'Päällekkäisyydet – välimuisti');
  const node = (nodeType: string, name: string, props: Record<string, unknown>) => ({ op: 'node:create', nodeType, id: id(name), props });
  const link = (type: string, from: string, to: string) => ({ op: 'relationship:create', data: { id: id(`${from}-${type}-${to}`), type, from: id(from), to: id(to) } });
  const project = (name: string, title: string) =>
    node('Project', name, { name: title, description: `${title}: akkujen kierrätys, mustamassan jalostus ja akkumetallien talteenotto.`, startDate: '2024-01-01', endDate: '2026-12-31', budgetEur: 300000 });
  const changes = [
    node('Region', 'pohjanmaa', { name: 'Pohjanmaa' }),
    node('Region', 'keski-pohjanmaa', { name: 'Keski-Pohjanmaa' }),
    node('City', 'vaasa', { name: 'Vaasa', lat: 63.1, lon: 21.6 }),
    node('City', 'kokkola', { name: 'Kokkola', lat: 63.8, lon: 23.1 }),
    node('City', 'pietarsaari', { name: 'Pietarsaari', lat: 63.7, lon: 22.7 }),
    node('Theme', 'kierratys', { name: 'Akkujen kierrätys', nameEn: 'Battery recycling' }),
    node('Theme', 'kemikaalit', { name: 'Akkukemikaalit', nameEn: 'Battery chemicals' }),
    node('Organisation', 'vamk', { name: 'Vaasan ammattikorkeakoulu', orgType: 'university_of_applied_sciences' }),
    node('Organisation', 'kokkolan-yhtio', { name: 'Kokkolan Akkumetalli Oy', orgType: 'company' }),
    node('Organisation', 'oulun-yhtio', { name: 'Öljynjalostus Åström Ab', orgType: 'company' }),
    project('p1', 'Akkukierrätys Vaasassa'),
    project('p2', 'Akkukierrätys Kokkolassa'),
    link('IN_REGION', 'vaasa', 'pohjanmaa'),
    link('IN_REGION', 'kokkola', 'keski-pohjanmaa'),
    link('LOCATED_IN', 'vamk', 'vaasa'),
    link('LOCATED_IN', 'kokkolan-yhtio', 'kokkola'),
    link('LEADS', 'vamk', 'p1'),
    link('LEADS', 'kokkolan-yhtio', 'p2'),
    link('PARTNER_IN', 'oulun-yhtio', 'p1'),
    link('FOCUSES_ON', 'p1', 'kierratys'),
    link('FOCUSES_ON', 'p2', 'kierratys'),
  ];
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes });
  expect(res.body.status).toBe('applied');
}, 60_000);

afterAll(async () => {
  await db?.close();
  await stack.close();
});

/** The API's (cached, caught-up) answers equal those of an index built from scratch (read 2 projects a page). */
async function expectSameAsRebuilt() {
  const fresh = new ProjectOverlaps(db, { buildPage: 2 });
  for (const by of ['city', 'region'] as const) {
    const cached = await stack.http.get(`/api/v1/workspaces/${ws}/specialisation?by=${by}`);
    expect(cached.status).toBe(200);
    expect(cached.body).toEqual(JSON.parse(JSON.stringify(await fresh.specialisation(ws, by))));
  }
  for (const p of ['p1', 'p2', 'p3']) {
    const cached = await stack.http.get(`/api/v1/workspaces/${ws}/projects/${id(p)}/overlaps?crossBoundary=none&k=10`);
    const rebuilt = await fresh.forProject(ws, id(p), 10, 'none');
    if (!rebuilt) expect(cached.status).toBe(404);
    else expect(cached.body.items).toEqual(JSON.parse(JSON.stringify(rebuilt)));
  }
}

const apply = async (changes: unknown[]) => {
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, { changes });
  expect(res.body.status).toBe('applied');
};
/** The ids of the projects behind a cell, from the per-cell endpoint (sorted). */
const cellProjectIds = async (by: string, place: string, theme: string) => {
  const res = await stack.http.get(`/api/v1/workspaces/${ws}/specialisation/projects?by=${by}&place=${id(place)}&theme=${id(theme)}&limit=500`);
  expect(res.status).toBe(200);
  expect(res.body.total).toBe(res.body.items.length);
  return res.body.items.map((p: { id: string }) => p.id).sort();
};
const cell = async (by: string, place: string, theme: string) => {
  const res = await stack.http.get(`/api/v1/workspaces/${ws}/specialisation?by=${by}`);
  return res.body.cells.find((c: { placeId: string; themeId: string }) => c.placeId === id(place) && c.themeId === id(theme));
};

test('a cached index follows new projects, new links, renamed places and moved organisations', async () => {
  const first = await stack.http.get(`/api/v1/workspaces/${ws}/projects/${id('p1')}/overlaps?k=5`);
  expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([id('p2')]);
  await expectSameAsRebuilt();

  // A new project, with its links in the same batch.
  await apply([
    { op: 'node:create', nodeType: 'Project', id: id('p3'), props: { name: 'Mustamassan jalostus Pietarsaaressa', description: 'Akkujen kierrätys ja mustamassan jalostus.' } },
    { op: 'relationship:create', data: { type: 'LOCATED_IN', from: id('p3'), to: id('pietarsaari') } },
    { op: 'relationship:create', data: { type: 'FOCUSES_ON', from: id('p3'), to: id('kierratys') } },
  ]);
  const withNew = await stack.http.get(`/api/v1/workspaces/${ws}/projects/${id('p1')}/overlaps?k=5`);
  expect(withNew.body.items.map((i: { id: string }) => i.id)).toContain(id('p3'));
  await expectSameAsRebuilt();

  // A renamed city shows in the projects run there; a city joining a region moves them into it.
  const renamed = await stack.http.patch(`/api/v1/workspaces/${ws}/cities/${id('kokkola')}?wait=true`, { name: 'Karleby–Kokkola' });
  expect(renamed.status).toBe(200);
  await apply([{ op: 'relationship:create', data: { type: 'IN_REGION', from: id('pietarsaari'), to: id('pohjanmaa') } }]);
  expect(await cellProjectIds('region', 'pohjanmaa', 'kierratys')).toEqual([id('p1'), id('p3')].sort());
  await expectSameAsRebuilt();

  // An organisation located in a second city: its project is now run there too.
  await apply([{ op: 'relationship:create', data: { type: 'LOCATED_IN', from: id('oulun-yhtio'), to: id('kokkola') } }]);
  expect(await cellProjectIds('city', 'kokkola', 'kierratys')).toEqual([id('p1'), id('p2')].sort());
  await expectSameAsRebuilt();

  // A new theme link and an edited project.
  await apply([{ op: 'relationship:create', data: { type: 'FOCUSES_ON', from: id('p2'), to: id('kemikaalit') } }]);
  await stack.http.patch(`/api/v1/workspaces/${ws}/projects/${id('p2')}?wait=true`, { name: 'Akkukemikaalit Kokkolassa', budgetEur: 900000 });
  expect((await cell('city', 'kokkola', 'kemikaalit')).euros).toBe(900000);
  await expectSameAsRebuilt();
}, 60_000);

test('removed links, deleted organisations and deleted projects leave the cached index', async () => {
  const removed = await stack.http.delete(`/api/v1/workspaces/${ws}/relationships/${id('p2-FOCUSES_ON-kierratys')}?wait=true`);
  expect(removed.status).toBe(200);
  expect(await cellProjectIds('city', 'kokkola', 'kierratys')).toEqual([id('p1')]);
  await expectSameAsRebuilt();

  const org = await stack.http.delete(`/api/v1/workspaces/${ws}/organisations/${id('oulun-yhtio')}?wait=true`);
  expect(org.status).toBe(200);
  expect(await cell('city', 'kokkola', 'kierratys')).toBeUndefined();
  await expectSameAsRebuilt();

  const project = await stack.http.delete(`/api/v1/workspaces/${ws}/projects/${id('p3')}?wait=true`);
  expect(project.status).toBe(200);
  expect((await stack.http.get(`/api/v1/workspaces/${ws}/projects/${id('p3')}/overlaps`)).status).toBe(404);
  const overlaps = await stack.http.get(`/api/v1/workspaces/${ws}/projects/${id('p1')}/overlaps?crossBoundary=none&k=5`);
  expect(overlaps.body.items.map((i: { id: string }) => i.id)).not.toContain(id('p3'));
  await expectSameAsRebuilt();
}, 60_000);
