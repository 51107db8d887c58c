/**
 * A change that fails does not block the others in its batch; it retries when it may still succeed,
 * and lands in the visible failed list with its reason, announced to the workspace's clients.
 */
import { connectSocket, createWorkspace, cypher, eventually, join, startStack, type TestStack } from './support/stack';
import { randomUUID } from 'node:crypto';
import type { Change } from '../domain/changes';
import type { ChangeFailed } from '../domain/events';
import { jobOptions } from '../api/infra/queue';

let stack: TestStack;
let ws: string;
// Entity ids are unique across workspaces, so each run makes its own.
const tornio = `city-tornio-${randomUUID().slice(0, 6)}`;
const outokumpu = `org-outokumpu-${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  stack = await startStack({ CHANGE_ATTEMPTS: 3, CHANGE_BACKOFF_MS: 20 });
  ws = await createWorkspace(stack);
});
afterAll(() => stack.close());

test('in a batch request, the bad change is rejected and the rest are applied in order', async () => {
  const socket = await connectSocket(stack);
  const failures: ChangeFailed[] = [];
  socket.on('change:failed', (f) => failures.push(f));
  await join(socket, ws);
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [
      { op: 'node:create', nodeType: 'City', id: tornio, props: { name: 'Tornio', lat: 65.8481, lon: 24.1466, nameSv: 'Torneå' } },
      { op: 'node:create', nodeType: 'Organisation', id: outokumpu, props: { name: 'Outokumpu Oyj', orgType: 'company' } },
      // FOCUSES_ON must end at a theme: valid data, but it cannot be applied.
      { op: 'relationship:create', data: { type: 'FOCUSES_ON', from: outokumpu, to: tornio } },
      { op: 'relationship:create', data: { type: 'LOCATED_IN', from: outokumpu, to: tornio } },
    ],
  });
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('partial');
  expect(res.body.applied).toBe(3);
  expect(res.body.failed).toEqual([{ changeId: res.body.changes[2].changeId, code: 'TO_TYPE_NOT_ALLOWED', reason: expect.any(String) }]);
  expect(await cypher(stack, "MATCH (:Organisation {id: $outokumpu})-[r]->(:City {id: $tornio}) RETURN type(r) AS t", { tornio, outokumpu })).toEqual([{ t: 'LOCATED_IN' }]);

  const failed = await stack.http.get(`/api/v1/workspaces/${ws}/changes/failed`);
  expect(failed.body.items[0]).toMatchObject({ changeId: res.body.changes[2].changeId, code: 'TO_TYPE_NOT_ALLOWED', op: 'relationship:create', attempts: 1 });
  await eventually(() => failures.find((f) => f.changeId === res.body.changes[2].changeId), 5000, 'change:failed event');
  socket.disconnect();
});

test('single changes sent at once: the bad one fails alone, the others are applied', async () => {
  const { createChangesQueue } = await import('../api/infra/queue');
  const queue = createChangesQueue(stack.config);
  const at = new Date().toISOString();
  const good: Change[] = ['Kemin Digipolis', 'Lapin ammattikorkeakoulu', 'Luonnonvarakeskus', 'Sitra'].map((name) => ({
    id: randomUUID(),
    op: 'node:create',
    workspaceId: ws,
    actor: 'testi',
    at,
    nodeType: 'Organisation',
    nodeId: `org-${randomUUID().slice(0, 8)}`,
    props: { name, orgType: 'other' },
  }));
  // Valid data, but the id belongs to a city: it can never be applied (the API's precheck would refuse it).
  const bad: Change = { id: randomUUID(), op: 'node:create', workspaceId: ws, actor: 'testi', at, nodeType: 'Theme', nodeId: tornio, props: { name: 'Tornio?' } };
  try {
    const changes = [good[0], good[1], bad, good[2], good[3]];
    await queue.addBulk(changes.map((change) => ({ name: 'change:apply' as const, data: { change }, opts: jobOptions(stack.config, change.id) })));
    const applied = await eventually(async () => {
      const rows = await cypher<{ id: string; appliedAt: string }>(stack, 'MATCH (c:Change) WHERE c.id IN $ids RETURN c.id AS id, toString(c.appliedAt) AS appliedAt', { ids: good.map((g) => g.id) });
      return rows.length === good.length && rows;
    }, 10_000, 'the good changes');
    expect(applied).toHaveLength(good.length);
    const failed = await eventually(async () => (await stack.http.get(`/api/v1/workspaces/${ws}/changes/failed`)).body.items.find((f: { changeId: string }) => f.changeId === bad.id), 10_000, 'failed entry');
    expect(failed).toMatchObject({ code: 'ID_TAKEN', attempts: 1 });
    expect(await cypher(stack, 'MATCH (n:Entity {id: $tornio}) RETURN labels(n) AS l', { tornio })).toEqual([{ l: expect.not.arrayContaining(['Theme']) }]);
  } finally {
    await queue.close();
  }
});

test('a change that may succeed later is retried with backoff, then lands in the failed list', async () => {
  // Queued straight onto the queue with a link to a node that never appears (the API would refuse it).
  const res = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, {
    changes: [{ op: 'relationship:create', data: { type: 'LOCATED_IN', from: outokumpu, to: 'city-ei-koskaan' } }],
  });
  expect(res.status).toBe(200);
  expect(res.body.failed).toEqual([{ changeId: res.body.changes[0].changeId, code: 'TO_NOT_FOUND', reason: expect.any(String) }]);
  const failed = await stack.http.get(`/api/v1/workspaces/${ws}/changes/failed`);
  expect(failed.body.items[0]).toMatchObject({ changeId: res.body.changes[0].changeId, code: 'TO_NOT_FOUND', attempts: 3 });
});

test('a job whose payload is not a change fails at once, without retries', async () => {
  const { createChangesQueue } = await import('../api/infra/queue');
  const queue = createChangesQueue(stack.config);
  try {
    const job = await queue.add('change:apply', { change: { nonsense: true } } as never, { attempts: 5, backoff: { type: 'fixed', delay: 10 } });
    await eventually(async () => (await job.getState()) === 'failed', 10_000, 'failed job');
    const stored = await queue.getJob(job.id!);
    expect(stored?.attemptsMade).toBe(1);
    expect(stored?.failedReason).toMatch(/^MALFORMED_JOB: /);
  } finally {
    await queue.close();
  }
});

test('applyBatch: one transaction for the batch, the bad change rejected inside it, log numbered without gaps', async () => {
  const { applyBatch } = await import('../worker/apply-changes');
  const { createGraphDb } = await import('../api/infra/neo4j');
  const db = createGraphDb(stack.config);
  const at = new Date().toISOString();
  const make = (name: string, nodeId = `org-${randomUUID().slice(0, 8)}`): Change => ({ id: randomUUID(), op: 'node:create', workspaceId: ws, actor: 'testi', at, nodeType: 'Organisation', nodeId, props: { name, orgType: 'company' } });
  const changes = [make('Boliden Harjavalta Oy'), make('Norilsk Nickel Harjavalta', tornio), make('Freeport Cobalt Oy')];
  try {
    const outcomes = await applyBatch(db, changes);
    expect(outcomes.map((o) => ('applied' in o ? 'applied' : o.rejected.code))).toEqual(['applied', 'ID_TAKEN', 'applied']);
    const rows = await cypher<{ seq: number; appliedAt: string }>(stack, 'MATCH (c:Change) WHERE c.id IN $ids RETURN c.seq AS seq, toString(c.appliedAt) AS appliedAt ORDER BY seq', { ids: changes.map((c) => c.id) });
    expect(rows).toHaveLength(2);
    expect(rows[1].seq).toBe(rows[0].seq + 1);
    // datetime() is fixed within a transaction: one appliedAt means one transaction.
    expect(rows[0].appliedAt).toBe(rows[1].appliedAt);
    // Applying the same batch again changes nothing: the log knows these changes.
    const again = await applyBatch(db, changes);
    expect(again.map((o) => ('applied' in o ? o.applied.seq : null))).toEqual([rows[0].seq, null, rows[1].seq]);
  } finally {
    await db.close();
  }
});
