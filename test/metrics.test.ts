/**
 * Network metrics in the running system: after changes to a workspace the debounced metrics job runs,
 * the values are stored on the nodes (without entries in the change log), 'metrics:updated' reaches
 * the socket clients in the workspace's room, and the top and summary endpoints answer from the store.
 */
import type { MetricsUpdated } from '../domain/events';
import { MetricsScheduler } from '../worker/metrics/job';
import { connectSocket, createWorkspace, cypher, eventually, join, snapshot, startStack, type TestSocket, type TestStack } from './support/stack';

let stack: TestStack;
let ws: string;
let socket: TestSocket;
/** Joined like a workshop phone: without metrics. */
let phone: TestSocket;
const updates: MetricsUpdated[] = [];
const phoneUpdates: MetricsUpdated[] = [];
const MIN_INTERVAL_MS = 1500;

beforeAll(async () => {
  stack = await startStack({ METRICS_DEBOUNCE_MS: 300, METRICS_MIN_INTERVAL_MS: MIN_INTERVAL_MS });
  ws = await createWorkspace(stack, 'Akkuverkosto Vaasa–Oulu');
  socket = await connectSocket(stack);
  socket.on('metrics:updated', (m) => updates.push(m));
  await join(socket, ws);
  phone = await connectSocket(stack);
  phone.on('metrics:updated', (m) => phoneUpdates.push(m));
  expect(await phone.timeout(10_000).emitWithAck('workspace:join', { workspaceId: ws, metrics: false })).toMatchObject({ ok: true });
});
afterAll(async () => {
  socket?.disconnect();
  phone?.disconnect();
  await stack.close();
});

const org = (id: string, name: string) => ({ op: 'node:create', nodeType: 'Organisation', id, props: { name, orgType: 'other' } });
const city = (id: string, name: string, lat: number, lon: number) => ({ op: 'node:create', nodeType: 'City', id, props: { name, lat, lon } });
const link = (type: string, from: string, to: string) => ({ op: 'relationship:create', data: { type, from, to } });

test('changes lead to one debounced computation, stored on the nodes, announced to the room and served by the API', async () => {
  const p = (s: string) => `${ws}-${s}`;
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes`, {
    changes: [
      city(p('oulu'), 'Oulu', 65.0121, 25.4651),
      city(p('vaasa'), 'Vaasa', 63.0951, 21.6165),
      org(p('o1'), 'Oulun yliopisto'),
      org(p('o2'), 'Business Oulu'),
      org(p('v1'), 'Vaasan yliopisto'),
      org(p('v2'), 'VEBIC'),
      org(p('k'), 'Kokkolan teollisuuspuisto'),
      link('LOCATED_IN', p('o1'), p('oulu')),
      link('LOCATED_IN', p('o2'), p('oulu')),
      link('LOCATED_IN', p('v1'), p('vaasa')),
      link('LOCATED_IN', p('v2'), p('vaasa')),
      link('COOPERATES_WITH', p('o1'), p('o2')),
      link('COOPERATES_WITH', p('v1'), p('v2')),
      link('COOPERATES_WITH', p('o2'), p('k')),
      link('COOPERATES_WITH', p('k'), p('v1')),
    ],
  });
  expect({ status: res.status, body: res.status === 202 ? {} : res.body }).toEqual({ status: 202, body: {} });

  const event = await eventually(() => updates.find((u) => u.nodes.length === 7), 20_000, 'metrics:updated with all 7 nodes');
  expect(event).toMatchObject({ workspaceId: ws, computedAt: expect.any(String), modularity: expect.any(Number), algorithmNotes: expect.arrayContaining([expect.stringMatching(/^betweenness: exact/)]) });
  const k = event.nodes.find((n) => n.id === p('k'));
  expect(k).toMatchObject({ degree: 2, broker: true, brokerCities: 2 });
  expect(k!.betweenness).toBeGreaterThan(0);
  // The burst of 15 changes (one or a few batches) made one computation, not one per change.
  expect(updates.length).toBeLessThanOrEqual(2);

  // Stored on the nodes, as metrics_* properties; derived data makes no change-log entries.
  const [stored] = await cypher<{ degree: number; broker: boolean; pagerank: number }>(
    stack,
    'MATCH (n:Entity {id: $id}) RETURN n.metrics_degree AS degree, n.metrics_broker AS broker, n.metrics_pagerank AS pagerank',
    { id: p('k') },
  );
  expect(stored).toMatchObject({ degree: 2, broker: true });
  expect(stored.pagerank).toBeCloseTo(k!.pagerank, 10);
  expect((await snapshot(stack, ws)).changes).toBe(16); // the workspace and the 15 changes

  const top = await stack.http.get(`/api/v1/workspaces/${ws}/metrics?metric=betweenness&type=Organisation&limit=2`);
  expect(top.status).toBe(200);
  expect(top.body.items).toHaveLength(2);
  expect(top.body.items[0]).toMatchObject({ id: p('k'), type: 'Organisation', name: 'Kokkolan teollisuuspuisto', metrics: { broker: true, degree: 2 } });
  expect(top.body.items.every((i: { type: string }) => i.type === 'Organisation')).toBe(true);

  const inOulu = await stack.http.get(`/api/v1/workspaces/${ws}/metrics?metric=degree&type=Organisation&city=${p('oulu')}`);
  // As in the graph filter: located in Oulu, or touching something that is (k cooperates with o2).
  expect(inOulu.body.items.map((i: { id: string }) => i.id).sort()).toEqual([p('k'), p('o1'), p('o2')]);

  // The summary is that of the latest computation (a burst spread over batches may make a second one).
  const summary = await eventually(async () => {
    const r = await stack.http.get(`/api/v1/workspaces/${ws}/metrics/summary`);
    return r.status === 200 && r.body.computedAt === updates[updates.length - 1].computedAt && r;
  }, 10_000, 'summary of the latest computation');
  const latest = updates[updates.length - 1];
  expect(summary.body).toMatchObject({ workspaceId: ws, nodeCount: 7, communityCount: latest.communityCount });
  expect(summary.body.modularity).toBeCloseTo(latest.modularity, 10);
  expect(summary.body.notes).toEqual(latest.algorithmNotes);
});

test('a later change recomputes: the new node gets its metrics', async () => {
  const before = updates.length;
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { id: `${ws}-n1`, name: 'Keliber Oy', orgType: 'company' });
  expect(res.status).toBe(201);
  const event = await eventually(() => updates.slice(before).find((u) => u.nodes.some((n) => n.id === `${ws}-n1`)), 20_000, 'recomputed metrics');
  expect(event.nodes.find((n) => n.id === `${ws}-n1`)).toMatchObject({ degree: 0, kcore: 0, broker: false });
  // Runs start METRICS_MIN_INTERVAL_MS apart however fast changes come (computedAt is stamped after
  // computing, so allow for the difference in computing time between two runs).
  const times = updates.map((u) => Date.parse(u.computedAt));
  for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(MIN_INTERVAL_MS - 250);
  // The phone, joined without metrics, got the changes but none of the metrics events.
  expect(phoneUpdates).toHaveLength(0);
});

test('the spacing: the debounce at first, then the minimum interval or 4 times the last run, whichever is longer', () => {
  const scheduler = new MetricsScheduler({ ...stack.config, METRICS_DEBOUNCE_MS: 300, METRICS_MIN_INTERVAL_MS: 10_000 });
  try {
    expect(scheduler.delayFor('ws-uusi')).toBe(300);
    scheduler.noteRun('ws-a', 500);
    const now = Date.now();
    // Started 500 ms ago: 9.5 s to go.
    expect(scheduler.delayFor('ws-a', now)).toBeGreaterThan(9_400);
    expect(scheduler.delayFor('ws-a', now + 9_450)).toBe(300);
    expect(scheduler.spacingLeft('ws-a', now + 10_000)).toBe(0);
    scheduler.noteRun('ws-b', 5_000);
    // 4 × 5 s from its start, 5 s ago.
    expect(scheduler.delayFor('ws-b', Date.now())).toBeGreaterThan(14_900);
  } finally {
    void scheduler.close();
  }
});

test('bad queries are 400 with the field, an unknown workspace is 404', async () => {
  const bad = await stack.http.get(`/api/v1/workspaces/${ws}/metrics?metric=shoesize`);
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].path).toContain('metric');
  expect((await stack.http.get(`/api/v1/workspaces/${ws}/metrics?limit=0`)).status).toBe(400);
  expect((await stack.http.get('/api/v1/workspaces/ws-nope/metrics')).status).toBe(404);
  expect((await stack.http.get('/api/v1/workspaces/ws-nope/metrics/summary')).status).toBe(404);
});
