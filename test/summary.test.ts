/**
 * GET /workspaces/:ws/summary: the printable summary's figures, from the stored graph and the stored
 * metrics of a small workspace built here (counts by type, cities, projects' euros, top actors,
 * brokers, communities), and its errors.
 */
import { createWorkspace, eventually, startStack, type TestStack } from './support/stack';
import { changeBuilders } from './support/changes';

let stack: TestStack;
let ws: string;
const p = (s: string) => `${ws}-${s}`;

beforeAll(async () => {
  stack = await startStack({ METRICS_DEBOUNCE_MS: 300 });
  ws = await createWorkspace(stack, 'Yhteenveto Jyväskylä–Åbo');
  const { node, link } = changeBuilders(p);
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes`, {
    changes: [
      node('City', 'jkl', { name: 'Jyväskylä', lat: 62.2426, lon: 25.7473 }),
      node('City', 'abo', { name: 'Åbo', lat: 60.4518, lon: 22.2666 }),
      node('Organisation', 'jyu', { name: 'Jyväskylän yliopisto', orgType: 'university' }),
      node('Organisation', 'jamk', { name: 'Jyväskylän ammattikorkeakoulu', orgType: 'university_of_applied_sciences' }),
      node('Organisation', 'abo-akad', { name: 'Åbo Akademi', orgType: 'university' }),
      node('Organisation', 'bridge', { name: 'Sähkö & Öljy Oy', orgType: 'company' }),
      node('Project', 'akku', { name: 'Akkuälyä', budgetEur: 1_200_000, euShareEur: 840_000 }),
      node('Project', 'kierto', { name: 'Kiertotalous Åbo', budgetEur: 300_000 }),
      node('Project', 'idea', { name: 'Idea ilman budjettia' }),
      link('LOCATED_IN', 'jyu', 'jkl'),
      link('LOCATED_IN', 'jamk', 'jkl'),
      link('LOCATED_IN', 'bridge', 'jkl'),
      link('LOCATED_IN', 'abo-akad', 'abo'),
      link('COOPERATES_WITH', 'jyu', 'jamk'),
      link('COOPERATES_WITH', 'jamk', 'bridge'),
      link('COOPERATES_WITH', 'bridge', 'abo-akad'),
      link('LEADS', 'jyu', 'akku'),
      link('PARTNER_IN', 'bridge', 'akku'),
      link('LEADS', 'abo-akad', 'kierto'),
    ],
  });
  expect(res.status).toBe(202);
}, 60_000);
afterAll(async () => {
  await stack.close();
});

type Actor = { id: string; value: number };

test('the summary counts the workspace and ranks its actors from the stored metrics', async () => {
  const summary = await eventually(
    async () => {
      const res = await stack.http.get(`/api/v1/workspaces/${ws}/summary`);
      // Metrics are computed after a debounce, maybe first over part of the batch: wait for the whole graph's.
      const whole = res.body?.communities?.largest?.reduce((n: number, c: { size: number }) => n + c.size, 0) === 9;
      // Node metrics and the workspace's summary are two writes: wait until both are of the same run.
      const sameRun = res.body?.communities?.count === res.body?.communities?.largest?.length;
      return res.status === 200 && whole && sameRun && res.body.topActors.pagerank.length === 7 && res.body.brokers.length > 0
        ? res.body
        : null;
    },
    30_000,
    'summary with the stored metrics of the whole graph',
  );

  expect(summary.counts.nodeTypes).toEqual([
    { type: 'Organisation', count: 4 },
    { type: 'Project', count: 3 },
    { type: 'City', count: 2 },
  ]);
  expect(summary.counts).toMatchObject({ nodes: 9, relationships: 10 });
  expect(summary.counts.relationshipTypes).toEqual(
    expect.arrayContaining([
      { type: 'LOCATED_IN', count: 4 },
      { type: 'COOPERATES_WITH', count: 3 },
      { type: 'LEADS', count: 2 },
      { type: 'PARTNER_IN', count: 1 },
    ]),
  );

  expect(summary.cities).toEqual([
    { id: p('jkl'), name: 'Jyväskylä', organisations: 3, projects: 1 },
    { id: p('abo'), name: 'Åbo', organisations: 1, projects: 1 },
  ]);

  expect(summary.projects).toMatchObject({ count: 3, withBudget: 2, budgetEur: 1_500_000, euShareEur: 840_000 });
  expect(summary.projects.top.map((t: { name: string; lead: string | null }) => [t.name, t.lead])).toEqual([
    ['Akkuälyä', 'Jyväskylän yliopisto'],
    ['Kiertotalous Åbo', 'Åbo Akademi'],
  ]);

  // Ranked lists hold actors only (no cities), highest first.
  for (const metric of ['pagerank', 'betweenness', 'degree'] as const) {
    const list: Actor[] = summary.topActors[metric];
    expect(list.map((a) => a.id)).not.toContain(p('jkl'));
    expect(list.map((a) => a.value)).toEqual([...list.map((a) => a.value)].sort((a, b) => b - a));
  }
  // The company joins Jyväskylä's organisations to Åbo's: the most between, and the broker of two cities.
  expect(summary.topActors.betweenness[0].id).toBe(p('bridge'));
  expect(summary.brokers).toEqual([expect.objectContaining({ id: p('bridge'), name: 'Sähkö & Öljy Oy', brokerCities: 2 })]);

  expect(summary.communities.count).toBeGreaterThan(0);
  expect(summary.communities.modularity).toEqual(expect.any(Number));
});

test('?top limits the ranked lists', async () => {
  const res = await stack.http.get(`/api/v1/workspaces/${ws}/summary?top=2`);
  expect(res.status).toBe(200);
  expect(res.body.topActors.degree).toHaveLength(2);
  expect(res.body.cities).toHaveLength(2);
});

test('bad input and unknown workspaces are refused with the field and reason', async () => {
  const bad = await stack.http.get(`/api/v1/workspaces/${ws}/summary?top=0`);
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toMatch(/top/);
  const missing = await stack.http.get('/api/v1/workspaces/no-such-workspace-h9render/summary');
  expect(missing.status).toBe(404);
});
