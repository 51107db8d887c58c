/**
 * GET …/duplicates: probable duplicate pairs among a workspace's organisations and people, each with
 * the score and the matcher's reasons; distinct entities with similar names are not listed.
 */
import { randomUUID } from 'node:crypto';
import { findDuplicatePairs } from '../api/services/duplicate-pairs';
import { findDuplicatePairsOffThread } from '../api/services/duplicate-pairs-compute';
import { scorePair } from '../domain/matching';
import { createWorkspace, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let ws: string;
const run = randomUUID().slice(0, 8);
const id = (name: string) => `${name}-${run}`;

interface Pair {
  a: { id: string; name: string };
  b: { id: string; name: string };
  score: number;
  reasons: string[];
}

const ORGS = {
  oulu: id('org-oulun-yliopisto'),
  ouluEn: id('org-university-of-oulu'),
  energia: id('org-kokkolan-energia'),
  energiaLower: id('org-kokkolan-energia-2'),
  osao: id('org-osao'),
  lapinAmk: id('org-lapin-amk'),
  turku: id('org-turun-yliopisto'),
  abo: id('org-abo-akademi'),
};
const PEOPLE = { tiina: id('person-tiina'), tiinaReversed: id('person-tiina-2'), kari: id('person-kari') };

beforeAll(async () => {
  stack = await startStack();
  ws = await createWorkspace(stack, 'Kaksoiskappaleet Åbo–Kokkola');
  const org = (nodeId: string, props: Record<string, unknown>) => ({ op: 'node:create', nodeType: 'Organisation', id: nodeId, props });
  const person = (nodeId: string, name: string) => ({ op: 'node:create', nodeType: 'Person', id: nodeId, props: { name } });
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      org(ORGS.oulu, { name: 'Oulun yliopisto', orgType: 'university', aliases: ['University of Oulu', 'Uleåborgs universitet'] }),
      org(ORGS.ouluEn, { name: 'University of Oulu', orgType: 'university' }),
      org(ORGS.energia, { name: 'Kokkolan Energia Oy', orgType: 'company' }),
      org(ORGS.energiaLower, { name: 'kokkolan energia', orgType: 'company' }),
      org(ORGS.osao, { name: 'Oulun seudun ammattiopisto', orgType: 'vocational_college', aliases: ['OSAO'] }),
      org(ORGS.lapinAmk, { name: 'Lapin ammattikorkeakoulu', orgType: 'university_of_applied_sciences' }),
      org(ORGS.turku, { name: 'Turun yliopisto', orgType: 'university' }),
      org(ORGS.abo, { name: 'Åbo Akademi', orgType: 'university' }),
      person(PEOPLE.tiina, 'Tiina Ramstedt-Sen'),
      person(PEOPLE.tiinaReversed, 'Ramstedt-Sen, Tiina'),
      person(PEOPLE.kari, 'Kari Mäkitalo'),
    ],
  });
  expect(res.body).toMatchObject({ status: 'applied' });
});
afterAll(() => stack.close());

const duplicates = (query: string) => stack.http.get(`/api/v1/workspaces/${ws}/duplicates${query}`);
const pairOf = (items: Pair[], x: string, y: string) => items.find((p) => (p.a.id === x && p.b.id === y) || (p.a.id === y && p.b.id === x));

test('organisations: the same university by its alias, and one company written two ways, with score and reasons', async () => {
  const res = await duplicates('?type=organisation');
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ workspaceId: ws, type: 'Organisation', records: 8, minScore: 0.75 });
  const items: Pair[] = res.body.items;

  const oulu = pairOf(items, ORGS.oulu, ORGS.ouluEn);
  expect(oulu).toBeDefined();
  expect(oulu!.score).toBeGreaterThanOrEqual(0.75);
  expect(oulu!.reasons.join(' ')).toMatch(/alias/);
  // The score is the shared matcher's for the pair.
  expect(oulu!.score).toBeCloseTo(
    scorePair(
      { id: 'a', type: 'Organisation', name: 'University of Oulu' },
      { id: 'b', type: 'Organisation', name: 'Oulun yliopisto', aliases: ['University of Oulu', 'Uleåborgs universitet'] },
    ).score,
    3,
  );

  const energia = pairOf(items, ORGS.energia, ORGS.energiaLower);
  expect(energia).toMatchObject({ score: expect.any(Number), reasons: [expect.any(String)] });
  expect(energia!.reasons.length).toBeGreaterThan(0);

  // Each pair once, best first.
  const keys = items.map((p) => [p.a.id, p.b.id].sort().join(' '));
  expect(new Set(keys).size).toBe(keys.length);
  expect(items.map((p) => p.score)).toEqual([...items.map((p) => p.score)].sort((x, y) => y - x));
  expect(res.body.total).toBe(items.length);
});

test('different organisations with similar names are not listed', async () => {
  const items: Pair[] = (await duplicates('?type=organisation')).body.items;
  const listed = new Set(items.flatMap((p) => [p.a.id, p.b.id]));
  for (const distinct of [ORGS.osao, ORGS.lapinAmk, ORGS.turku, ORGS.abo]) expect(listed.has(distinct)).toBe(false);
  expect(pairOf(items, ORGS.oulu, ORGS.osao)).toBeUndefined();
  expect(pairOf(items, ORGS.turku, ORGS.abo)).toBeUndefined();
  // Only the two true pairs.
  expect(items).toHaveLength(2);
});

test('people: the same name in another order', async () => {
  const res = await duplicates('?type=person');
  expect(res.body.type).toBe('Person');
  const items: Pair[] = res.body.items;
  expect(pairOf(items, PEOPLE.tiina, PEOPLE.tiinaReversed)).toMatchObject({ reasons: [expect.any(String)] });
  expect(items.some((p) => p.a.id === PEOPLE.kari || p.b.id === PEOPLE.kari)).toBe(false);
});

test('minScore and limit narrow the list; a new near-duplicate appears once the change is applied', async () => {
  const all: Pair[] = (await duplicates('?type=organisation&minScore=0.5')).body.items;
  const strict = await duplicates('?type=organisation&minScore=0.99');
  expect(strict.body.items.every((p: Pair) => p.score >= 0.99)).toBe(true);
  expect(strict.body.items.length).toBeLessThanOrEqual(all.length);
  expect((await duplicates('?type=organisation&minScore=0.5&limit=1')).body.items).toEqual(all.slice(0, 1));

  const typo = id('org-kokkolan-energia-typo');
  await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { id: typo, name: 'Kokkolan Enrgia Oy', orgType: 'company' });
  const after: Pair[] = (await duplicates('?type=organisation')).body.items;
  expect(pairOf(after, typo, ORGS.energia)).toBeDefined();
});

test('bad input: 400 with the field; unknown workspace 404', async () => {
  const badType = await duplicates('?type=project');
  expect(badType.status).toBe(400);
  expect(badType.body.error.details[0].path).toBe('query.type');
  const badScore = await duplicates('?minScore=0.1');
  expect(badScore.status).toBe(400);
  expect(badScore.body.error.details[0].path).toBe('query.minScore');
  expect((await stack.http.get('/api/v1/workspaces/ei-ole-olemassa/duplicates')).status).toBe(404);
});

test('the candidate index finds the pairs a full comparison of all pairs finds', () => {
  // A small pool with the true pairs hidden among look-alikes: blocking must not lose them.
  const records = [
    { id: 'a1', type: 'Organisation', name: 'Oulun yliopisto', aliases: ['University of Oulu'] },
    { id: 'a2', type: 'Organisation', name: 'University of Oulu' },
    { id: 'b1', type: 'Organisation', name: 'Kokkolan Energia Oy' },
    { id: 'b2', type: 'Organisation', name: 'kokkolan energia' },
    { id: 'c1', type: 'Organisation', name: 'Vaasan ammattikorkeakoulu', aliases: ['VAMK'] },
    { id: 'c2', type: 'Organisation', name: 'VAMK' },
    { id: 'd1', type: 'Organisation', name: 'Oulun Energia Oy' },
    { id: 'd2', type: 'Organisation', name: 'Kokkolan Satama Oy' },
    { id: 'd3', type: 'Organisation', name: 'Vaasan yliopisto' },
    { id: 'd4', type: 'Organisation', name: 'Oulun seudun ammattiopisto' },
  ];
  const indexed = findDuplicatePairs(records, 'Organisation', { minScore: 0.75 }).map((p) => `${p.a.id}-${p.b.id}`);
  const allPairs: string[] = [];
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      if (scorePair(records[i], records[j]).score >= 0.75) allPairs.push([records[i].id, records[j].id].sort().join('-'));
    }
  }
  expect(allPairs.length).toBeGreaterThanOrEqual(3);
  expect(indexed.sort()).toEqual(allPairs.sort());
});

test('a large workspace is computed in a thread, with the same pairs as inline', async () => {
  const records = [
    { id: 'a1', type: 'Organisation', name: 'Oulun yliopisto', aliases: ['University of Oulu'] },
    { id: 'a2', type: 'Organisation', name: 'University of Oulu' },
    { id: 'b1', type: 'Organisation', name: 'Kokkolan Energia Oy' },
    { id: 'b2', type: 'Organisation', name: 'kokkolan energia' },
    { id: 'd1', type: 'Organisation', name: 'Pörssinmäen Sähkö Oy' },
  ];
  const inThread = await findDuplicatePairsOffThread(records, 'Organisation', { minScore: 0.5 }, 0);
  expect(inThread.length).toBeGreaterThan(0);
  expect(inThread).toEqual(findDuplicatePairs(records, 'Organisation', { minScore: 0.5 }));
});
