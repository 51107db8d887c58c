/**
 * socket.io delivery: an applied change reaches the clients in its workspace's room, with its sequence
 * number, and not the clients of another workspace; a client that comes back with its last sequence
 * number is sent exactly what it missed.
 */
import type { AppliedChange, AppliedChangeBatch } from '../domain/events';
import { connectSocket, createWorkspace, eventually, join, recordChanges, sleep, startStack, type TestSocket, type TestStack } from './support/stack';

let stack: TestStack;
let wsA: string;
let wsB: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  stack = await startStack();
  [wsA, wsB] = [await createWorkspace(stack, 'Vaasan akkuverkosto'), await createWorkspace(stack, 'Porin klusteri')];
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(() => stack.close());

async function client(workspaceId: string, lastSeq?: number) {
  const socket = await connectSocket(stack);
  sockets.push(socket);
  const changes = recordChanges(socket);
  const ack = await join(socket, workspaceId, lastSeq);
  return { socket, changes, ack };
}

test('a change reaches the clients of its workspace and not those of another', async () => {
  const inA = await client(wsA);
  const alsoInA = await client(wsA);
  const inB = await client(wsB);
  expect(inA.ack).toMatchObject({ ok: true, workspaceId: wsA });

  const res = await stack.http.post(`/api/v1/workspaces/${wsA}/organisations`, { name: 'Wärtsilä Oyj', orgType: 'company' }, { 'X-Actor': 'Åke' });
  expect(res.status).toBe(202);

  for (const c of [inA, alsoInA]) {
    const event = await eventually(() => c.changes.find((e) => e.changeId === res.body.changeId), 10_000, 'node:created in room A');
    expect(event).toMatchObject({ event: 'node:created', workspaceId: wsA, actor: 'Åke', seq: expect.any(Number), node: { id: res.body.id, name: 'Wärtsilä Oyj' } });
  }
  // B's client must not get it: give delivery the same time it took A, and more.
  await sleep(300);
  expect(inB.changes).toEqual([]);
});

test('sequence numbers increase by one per applied change, in delivery order', async () => {
  const c = await client(wsA);
  const batch = await stack.http.post(`/api/v1/workspaces/${wsA}/changes`, {
    changes: ['Vaasan yliopisto', 'Vaasan kaupunki', 'VAMK'].map((name) => ({ op: 'node:create', nodeType: 'Organisation', props: { name, orgType: 'other' } })),
  });
  expect(batch.status).toBe(202);
  await eventually(() => c.changes.length >= 3, 10_000, 'three events');
  const seqs = c.changes.map((e) => e.seq);
  expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
  expect(c.changes.map((e) => e.changeId)).toEqual(batch.body.changeIds);
});

test('a client that reconnects with its last sequence number gets the gap replayed, without reloading', async () => {
  const first = await client(wsB);
  await stack.http.post(`/api/v1/workspaces/${wsB}/cities?wait=true`, { name: 'Pori', lat: 61.4851, lon: 21.7974, nameSv: 'Björneborg' });
  const seen = await eventually(() => first.changes[0], 10_000, 'first event');
  first.socket.disconnect();

  // Changes made while the client is away.
  const missed: string[] = [];
  for (const name of ['Prizztech Oy', 'Satakuntaliitto', 'Miltton Networks Oy']) {
    missed.push((await stack.http.post(`/api/v1/workspaces/${wsB}/organisations?wait=true`, { name, orgType: 'other' })).body.changeId);
  }

  const back = await client(wsB, seen.seq);
  expect(back.ack).toMatchObject({ ok: true, replayed: 3 });
  expect(back.changes.map((e: AppliedChange) => e.changeId)).toEqual(missed);
  expect(back.changes.map((e) => e.seq)).toEqual([seen.seq + 1, seen.seq + 2, seen.seq + 3]);
  if (!back.ack.ok) throw new Error('join failed');
  expect(back.ack.lastSeq).toBe(seen.seq + 3);

  // And it is live again afterwards.
  const after = await stack.http.post(`/api/v1/workspaces/${wsB}/themes`, { name: 'Magneetit' });
  await eventually(() => back.changes.find((e) => e.changeId === after.body.changeId), 10_000, 'live event after replay');
});

test('a client joined batched gets one changes:applied per worker batch, in seq order, and its replay as one batch', async () => {
  const socket = await connectSocket(stack);
  sockets.push(socket);
  const single = recordChanges(socket);
  const batches: AppliedChangeBatch[] = [];
  socket.on('changes:applied', (b) => batches.push(b));
  const ack = await socket.timeout(10_000).emitWithAck('workspace:join', { workspaceId: wsA, batched: true });
  if (!ack.ok) throw new Error('join failed');
  const res = await stack.http.post(`/api/v1/workspaces/${wsA}/changes?wait=true`, {
    changes: ['Kemira Oyj', 'Norilsk Nickel Harjavalta Oy', 'Boliden Kokkola Oy'].map((name) => ({ op: 'node:create', nodeType: 'Organisation', props: { name, orgType: 'company' } })),
  });
  expect(res.status).toBe(200);
  const ids = res.body.changes.map((c: { changeId: string }) => c.changeId);
  await eventually(() => batches.flatMap((b) => b.changes).length >= 3, 10_000, 'the batch');
  const got = batches.flatMap((b) => b.changes);
  expect(got.map((c) => c.changeId)).toEqual(ids);
  expect(got.map((c) => c.seq)).toEqual([got[0].seq, got[0].seq + 1, got[0].seq + 2]);
  expect(batches.length).toBeLessThan(3); // applied in one transaction: one event (or two if split)
  expect(batches.every((b) => b.workspaceId === wsA)).toBe(true);
  await sleep(200);
  expect(single).toHaveLength(0); // no per-change events besides

  // A batched rejoin after missing changes gets them as one batch.
  socket.disconnect();
  const missed = await stack.http.post(`/api/v1/workspaces/${wsA}/themes?wait=true`, { name: 'Nikkelisulfaatti' });
  const back = await connectSocket(stack);
  sockets.push(back);
  const replayed: AppliedChangeBatch[] = [];
  back.on('changes:applied', (b) => replayed.push(b));
  expect(await back.timeout(10_000).emitWithAck('workspace:join', { workspaceId: wsA, batched: true, lastSeq: ack.lastSeq })).toMatchObject({ ok: true, replayed: 4 });
  await eventually(() => replayed.length === 1, 5000, 'replayed batch');
  expect(replayed[0].changes.map((c) => c.changeId)).toEqual([...ids, missed.body.changeId]);
});

test('the REST change log gives the same gap as the replay', async () => {
  const log = await stack.http.get(`/api/v1/workspaces/${wsB}/changes?after=0&limit=2`);
  expect(log.status).toBe(200);
  expect(log.body.items).toHaveLength(2);
  expect(log.body.items.map((e: AppliedChange) => e.seq)).toEqual([1, 2]);
  expect(log.body.lastSeq).toBeGreaterThanOrEqual(5);
});

test('joining an unknown workspace or with a bad payload gets an error event and a failed ack', async () => {
  const socket = await connectSocket(stack);
  sockets.push(socket);
  const errors: { code: string; field?: string }[] = [];
  socket.on('workspace:error', (e) => errors.push(e));
  expect(await join(socket, 'ei-ole-olemassa')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await socket.timeout(5000).emitWithAck('workspace:join', { workspaceId: 'x', lastSeq: -4 } as never)).toMatchObject({ ok: false, code: 'INVALID_JOIN' });
  await eventually(() => errors.length >= 2, 5000, 'two error events');
  expect(errors[1]).toMatchObject({ code: 'INVALID_JOIN', field: 'lastSeq' });
});

test('rooms work across API processes: a client on a second API gets changes applied for the first', async () => {
  const second = await startStack({ REDIS_PREFIX: stack.config.REDIS_PREFIX }, { withWorker: false });
  try {
    const socket = await connectSocket(second);
    const changes = recordChanges(socket);
    expect(await join(socket, wsA)).toMatchObject({ ok: true });
    const res = await stack.http.post(`/api/v1/workspaces/${wsA}/themes`, { name: 'Kierrätys' });
    await eventually(() => changes.find((e) => e.changeId === res.body.changeId), 10_000, 'event through the other API process');
    socket.disconnect();
  } finally {
    await second.api.close();
    await second.driver.close();
  }
});
