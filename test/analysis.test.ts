/**
 * Network analysis API: a node's ego network (1-3 steps), shortest introduction paths between two
 * actors, and material flows with side streams that have no taker. On a small graph built here with
 * ä/ö/å names; the expected answers are worked out from the same link list by a breadth-first search.
 */
import { randomUUID } from 'node:crypto';
import { NODE_SCHEMAS } from '../domain/entities';
import { RelationshipCreateSchema } from '../domain/relationships';
import { seedDemo } from '../scripts/seed';
import { symbiosisOrganisations, symbiosisRelationships, symbiosisStreams } from '../scripts/seed/demo-symbiosis';
import { createWorkspace, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let ws: string;
const run = randomUUID().slice(0, 8);
const id = (name: string) => `${name}-${run}`;

const P = { aija: id('person-aija'), asa: id('person-asa'), orjan: id('person-orjan') };
const O = { oulu: id('org-oulun-oy'), abo: id('org-abo-foretag'), kemi: id('org-kemin-ky'), vali: id('org-vali-oy') };
const T = { kierto: id('theme-kiertotalous') };
const S = { tuhka: id('stream-lentotuhka'), kuori: id('stream-kuorijate') };
const EMAIL = 'aija.aarnio@example.fi';

type Link = [type: string, from: string, to: string, props?: Record<string, unknown>];
const LINKS: Link[] = [
  ['WORKS_AT', P.aija, O.oulu],
  ['WORKS_AT', P.asa, O.kemi],
  ['COOPERATES_WITH', O.oulu, O.abo],
  ['COOPERATES_WITH', O.abo, O.kemi],
  ['COOPERATES_WITH', O.oulu, O.vali],
  ['COOPERATES_WITH', O.vali, O.kemi],
  ['FOCUSES_ON', O.abo, T.kierto],
  ['SUPPLIES', O.oulu, O.abo, { material: 'kuona', tonnesPerYear: 500 }],
  ['SUPPLIES', O.vali, O.kemi, { material: 'höyry', tonnesPerYear: 1500 }],
  ['PRODUCES', O.kemi, S.tuhka],
  ['PRODUCES', O.oulu, S.kuori],
  ['SUPPLIES', S.kuori, O.vali, { material: 'kuori', tonnesPerYear: 200 }],
];

/** Distance of every node reachable from start, links taken in either direction. */
function distances(start: string): Map<string, number> {
  const dist = new Map([[start, 0]]);
  let frontier = [start];
  while (frontier.length) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const [, a, b] of LINKS) {
        const other = a === n ? b : b === n ? a : null;
        if (other && !dist.has(other)) {
          dist.set(other, dist.get(n)! + 1);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return dist;
}

const api = (path: string) => stack.http.get(`/api/v1/workspaces/${ws}${path}`);

beforeAll(async () => {
  stack = await startStack();
  ws = await createWorkspace(stack, 'Analyysi Äänekoski–Åbo');
  const node = (nodeType: string, nodeId: string, props: Record<string, unknown>) => ({ op: 'node:create', nodeType, id: nodeId, props });
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      node('Person', P.aija, { name: 'Äijä Aarnio', email: EMAIL, phone: '+358 40 123 4567' }),
      node('Person', P.asa, { name: 'Åsa Öberg' }),
      node('Person', P.orjan, { name: 'Örjan Ödman' }),
      node('Organisation', O.oulu, { name: 'Oulun Öljy Oy', orgType: 'company' }),
      node('Organisation', O.abo, { name: 'Åbo Företag Ab', orgType: 'company' }),
      node('Organisation', O.kemi, { name: 'Kemin Sivuvirrat Ky', orgType: 'company' }),
      node('Organisation', O.vali, { name: 'Välittäjä Oy', orgType: 'development_company' }),
      node('Theme', T.kierto, { name: 'Kiertotalous' }),
      node('SideStream', S.tuhka, { name: 'Lentotuhka', material: 'tuhka', tonnesPerYear: 4000 }),
      node('SideStream', S.kuori, { name: 'Kuorijäte', material: 'kuori', tonnesPerYear: 200 }),
      ...LINKS.map(([type, from, to, props]) => ({ op: 'relationship:create', data: { type, from, to, ...props } })),
    ],
  });
  expect(res.body).toMatchObject({ status: 'applied' });
});
afterAll(() => stack.close());

describe('GET …/nodes/:id/ego', () => {
  test.each([1, 2, 3])('depth %i holds exactly the nodes within that many steps, with their distance', async (depth) => {
    const res = await api(`/nodes/${O.oulu}/ego?depth=${depth}`);
    expect(res.status).toBe(200);
    const expected = [...distances(O.oulu)].filter(([, d]) => d <= depth);
    expect(res.body.nodes.map((n: { id: string; distance: number }) => [n.id, n.distance]).sort()).toEqual(expected.sort());
    const ids = new Set(expected.map(([n]) => n));
    const expectedEdges = LINKS.filter(([, a, b]) => ids.has(a) && ids.has(b)).map(([type, a, b]) => `${type} ${a} ${b}`);
    expect(res.body.edges.map((e: { type: string; source: string; target: string }) => `${e.type} ${e.source} ${e.target}`).sort()).toEqual(
      expectedEdges.sort(),
    );
  });

  test('the three depths grow (the graph is built so that each step adds nodes)', async () => {
    const counts = await Promise.all([1, 2, 3].map(async (d) => (await api(`/nodes/${O.oulu}/ego?depth=${d}`)).body.nodes.length));
    expect(counts[0]).toBeLessThan(counts[1]);
    expect(counts[1]).toBeLessThan(counts[2]);
  });

  test('people appear without contact details', async () => {
    const res = await api(`/nodes/${P.aija}/ego?depth=2`);
    expect(res.status).toBe(200);
    const aija = res.body.nodes.find((n: { id: string }) => n.id === P.aija);
    expect(aija).toMatchObject({ name: 'Äijä Aarnio', distance: 0 });
    expect(JSON.stringify(res.body)).not.toContain(EMAIL);
    expect(JSON.stringify(res.body)).not.toContain('123 4567');
  });

  test('400 for a depth outside 1..3, 404 for an unknown node or workspace', async () => {
    for (const depth of ['0', '4', 'kaksi']) {
      const res = await api(`/nodes/${O.oulu}/ego?depth=${depth}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('depth');
    }
    expect((await api(`/nodes/${id('ei-ole')}/ego`)).status).toBe(404);
    expect((await stack.http.get(`/api/v1/workspaces/${id('ws-ei-ole')}/nodes/${O.oulu}/ego`)).status).toBe(404);
  });
});

describe('GET …/paths', () => {
  test('lists every shortest introduction path, each a real chain of links', async () => {
    const res = await api(`/paths?from=${P.aija}&to=${P.asa}&max=6`);
    expect(res.status).toBe(200);
    const length = distances(P.aija).get(P.asa)!;
    expect(res.body.length).toBe(length);
    const chains = res.body.paths.map((p: { nodes: { id: string; name: string }[]; edges: { type: string; source: string; target: string }[] }) => {
      expect(p.nodes).toHaveLength(length + 1);
      expect(p.edges).toHaveLength(length);
      p.edges.forEach((e, i) => {
        expect([e.source, e.target].sort()).toEqual([p.nodes[i]!.id, p.nodes[i + 1]!.id].sort());
        expect(LINKS.some(([type, a, b]) => type === e.type && a === e.source && b === e.target)).toBe(true);
      });
      return p.nodes.map((n) => n.name).join(' → ');
    });
    expect(chains.sort()).toEqual([
      'Äijä Aarnio → Oulun Öljy Oy → Välittäjä Oy → Kemin Sivuvirrat Ky → Åsa Öberg',
      'Äijä Aarnio → Oulun Öljy Oy → Åbo Företag Ab → Kemin Sivuvirrat Ky → Åsa Öberg',
    ].sort());
    expect(JSON.stringify(res.body)).not.toContain(EMAIL);
  });

  test('a max shorter than the shortest path, or no connection at all, gives no path', async () => {
    const short = await api(`/paths?from=${P.aija}&to=${P.asa}&max=${distances(P.aija).get(P.asa)! - 1}`);
    expect(short.status).toBe(200);
    expect(short.body).toMatchObject({ length: null, paths: [] });
    const none = await api(`/paths?from=${P.aija}&to=${P.orjan}`);
    expect(none.body).toMatchObject({ length: null, paths: [] });
  });

  test('400 for missing or equal ends and a max outside 1..6; 404 for an unknown end', async () => {
    expect((await api(`/paths?from=${P.aija}`)).status).toBe(400);
    const same = await api(`/paths?from=${P.aija}&to=${P.aija}`);
    expect(same.status).toBe(400);
    expect(JSON.stringify(same.body)).toContain('to');
    expect((await api(`/paths?from=${P.aija}&to=${P.asa}&max=7`)).status).toBe(400);
    expect((await api(`/paths?from=${P.aija}&to=${id('ei-ole')}`)).status).toBe(404);
  });
});

describe('GET …/material-flows', () => {
  test('SUPPLIES flows largest first, and side streams no SUPPLIES leaves', async () => {
    const res = await api('/material-flows');
    expect(res.status).toBe(200);
    const supplies = LINKS.filter(([type]) => type === 'SUPPLIES');
    expect(res.body.flows).toHaveLength(supplies.length);
    const tonnes = res.body.flows.map((f: { tonnesPerYear: number }) => f.tonnesPerYear);
    expect(tonnes).toEqual([...tonnes].sort((a, b) => b - a));
    expect(res.body.flows[0]).toMatchObject({ source: O.vali, target: O.kemi, material: 'höyry', sourceName: 'Välittäjä Oy' });
    expect(res.body.untakenStreams).toEqual([
      { id: S.tuhka, name: 'Lentotuhka', nameEn: null, nameSv: null, material: 'tuhka', tonnesPerYear: 4000, producers: [{ id: O.kemi, name: 'Kemin Sivuvirrat Ky' }] },
    ]);
  });

  test('SUPPLIES may not start at a theme (the link rules hold for side streams too)', async () => {
    const res = await stack.http.post(`/api/v1/workspaces/${ws}/relationships?wait=true`, { type: 'SUPPLIES', from: T.kierto, to: O.kemi });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('the illustrative Kemi-Tornio symbiosis of the demo', () => {
  test('is valid under the schemas, marked illustrative, and served by …/material-flows after the seed', async () => {
    for (const n of [...symbiosisOrganisations, ...symbiosisStreams]) expect([n.id, NODE_SCHEMAS[n.type].safeParse(n.props).error?.issues ?? []]).toEqual([n.id, []]);
    for (const r of symbiosisRelationships) {
      expect([r.id, RelationshipCreateSchema.safeParse({ ...r.props, id: r.id, type: r.type, from: r.from, to: r.to }).error?.issues ?? []]).toEqual([r.id, []]);
      if (r.type !== 'LOCATED_IN') expect(r.props?.note).toMatch(/illustrative/);
    }
    for (const s of symbiosisStreams) expect(s.props.description).toMatch(/illustrative/);
    await seedDemo(stack.config);
    const res = await stack.http.get('/api/v1/workspaces/demo/material-flows');
    expect(res.status).toBe(200);
    const flowIds = res.body.flows.map((f: { id: string }) => f.id);
    for (const r of symbiosisRelationships.filter((x) => x.type === 'SUPPLIES')) expect(flowIds).toContain(r.id);
    const untaken = res.body.untakenStreams.map((x: { id: string }) => x.id);
    for (const s of symbiosisStreams) expect(untaken).toContain(s.id);
  });
});
