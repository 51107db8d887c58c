/**
 * The bulk path of imports against the real services: each chunk of up to 2,000 planned rows is ONE
 * 'import:chunk' change on the changes queue, applied by the worker with UNWIND queries, logged as one
 * change-log record ('import:applied') and announced as one event. Covers the log, the live events
 * (batched and per-event clients, and a replay on join), idempotency (same file again; the same chunk
 * job again), and rows the worker cannot apply (reported by row, the others stored).
 */
import { randomUUID } from 'node:crypto';
import { Job, type QueueEvents } from 'bullmq';
import type { ImportChunkChange } from '../domain/changes';
import type { AppliedChange, AppliedChangeBatch } from '../domain/events';
import type { ImportStatus } from '../domain/imports';
import { FINAL_IMPORT_STATES } from '../domain/imports';
import type { JobResult } from '../domain/jobs';
import type { ChangesQueue } from '../api/infra/queue';
import { connectSocket, createWorkspace, cypher, eventually, join, snapshot, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let queue: ChangesQueue;
let queueEvents: QueueEvents;

beforeAll(async () => {
  stack = await startStack();
  const { createChangesQueue, createChangesQueueEvents } = await import('../api/infra/queue');
  queue = createChangesQueue(stack.config);
  queueEvents = createChangesQueueEvents(stack.config);
  await queueEvents.waitUntilReady();
});
afterAll(async () => {
  await queueEvents?.close();
  await queue?.close();
  await stack?.close();
});

type Imported = Extract<AppliedChange, { event: 'import:applied' }>;

async function importCsv(ws: string, csv: string, query: Record<string, string> = {}): Promise<ImportStatus> {
  const qs = new URLSearchParams(query).toString();
  const res = await fetch(`${stack.api.url}/api/v1/workspaces/${ws}/imports${qs ? `?${qs}` : ''}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
  expect(res.status).toBe(202);
  const { importId } = (await res.json()) as ImportStatus;
  return eventually(async () => {
    const status = (await stack.http.get<ImportStatus>(`/api/v1/workspaces/${ws}/imports/${importId}`)).body;
    return FINAL_IMPORT_STATES.includes(status.state) ? status : undefined;
  }, 120_000, `import ${importId}`);
}

async function applyJob(change: ImportChunkChange, jobId: string): Promise<JobResult> {
  const { jobOptions } = await import('../api/infra/queue');
  await queue.add('changes:apply', { changes: [change] }, jobOptions(stack.config, jobId));
  const job = await Job.fromId<unknown, JobResult>(queue, jobId);
  return job!.waitUntilFinished(queueEvents, 30_000);
}

const chunkChange = (ws: string, nodes: ImportChunkChange['nodes']): ImportChunkChange => ({
  id: randomUUID(),
  op: 'import:chunk',
  workspaceId: ws,
  actor: 'import-test',
  at: new Date().toISOString(),
  importId: randomUUID(),
  chunk: 0,
  nodes,
  links: [],
});

test('4,500 rows are three chunk changes: one log record and one live event each, replayed on join; the same file again changes nothing', async () => {
  const ws = await createWorkspace(stack);
  const before = await snapshot(stack, ws);
  const batched = await connectSocket(stack);
  const single = await connectSocket(stack);
  try {
    const batches: AppliedChangeBatch[] = [];
    const events: Imported[] = [];
    batched.on('changes:applied', (b) => batches.push(b));
    single.on('import:applied', (e) => events.push(e));
    expect(await batched.timeout(10_000).emitWithAck('workspace:join', { workspaceId: ws, batched: true })).toMatchObject({ ok: true });
    expect(await join(single, ws)).toMatchObject({ ok: true });

    const lines = ['id;name;orgType;aliases'];
    for (let i = 0; i < 4500; i++) lines.push(`bulk-${i}-${ws};Äänekosken Öljy ${i} Oy;company;Åbo ${i}`);
    const csv = lines.join('\n');
    const status = await importCsv(ws, csv, { entityType: 'Organisation' });
    expect(status.state).toBe('done');
    expect(status.progress).toMatchObject({ rowsRead: 4500, rowsApplied: 4500, created: 4500, failed: 0 });

    // The log: one record per chunk, numbered on from the workspace's last change.
    const after = await snapshot(stack, ws);
    expect(after).toMatchObject({ nodes: before.nodes + 4500, lastSeq: before.lastSeq + 3, changes: before.changes + 3 });
    const logged = await cypher<{ id: string; seq: number; op: string; actor: string; event: string }>(
      stack,
      'MATCH (c:Change) WHERE c.workspaceId = $ws AND c.seq > $seq RETURN c.id AS id, c.seq AS seq, c.op AS op, c.actor AS actor, c.event AS event ORDER BY c.seq',
      { ws, seq: before.lastSeq },
    );
    expect(logged.map((l) => l.op)).toEqual(['import:applied', 'import:applied', 'import:applied']);
    const chunks = logged.map((l) => JSON.parse(l.event) as Imported);
    expect(chunks.map((c) => [c.chunk, c.created.nodes.length, c.updated.nodes.length, c.failedRows.length])).toEqual([
      [0, 2000, 0, 0],
      [1, 2000, 0, 0],
      [2, 500, 0, 0],
    ]);
    expect(chunks.every((c) => c.importId === status.importId && c.actor === logged[0].actor)).toBe(true);
    expect(chunks[2].created.nodes.at(-1)).toMatchObject({ id: `bulk-4499-${ws}`, type: 'Organisation', name: 'Äänekosken Öljy 4499 Oy', aliases: ['Åbo 4499'], version: 1 });
    const [stored] = await cypher<{ node: Record<string, unknown> }>(stack, 'MATCH (n:Organisation {id: $id}) RETURN n {.*, createdAt: toString(n.createdAt)} AS node', { id: `bulk-4499-${ws}` });
    expect(stored.node).toMatchObject({ name: 'Äänekosken Öljy 4499 Oy', orgType: 'company', aliases: ['Åbo 4499'], version: 1, searchText: expect.stringContaining('Åbo 4499') });
    expect(new Date(String(stored.node.createdAt)).toISOString()).toBe(chunks[2].created.nodes.at(-1)!.createdAt);
    // A chunk is not undoable from the log, and says so.
    const undo = await stack.http.post(`/api/v1/workspaces/${ws}/merges/${logged[0].id}/undo`, undefined, { 'idempotency-key': randomUUID(), 'x-actor': 'editor:tiina' });
    expect(undo.status).toBe(422);
    expect(undo.body.error).toMatchObject({ code: 'NOT_UNDOABLE', message: expect.stringMatching(/chunk of an import/) });

    // Live: one event per chunk to each kind of client, in seq order.
    await eventually(() => events.length === 3, 10_000, 'three import:applied events');
    expect(events.map((e) => e.seq)).toEqual(logged.map((l) => l.seq));
    const viaBatches = await eventually(() => {
      const got = batches.flatMap((b) => b.changes).filter((c): c is Imported => c.event === 'import:applied');
      return got.length === 3 && got;
    }, 10_000, 'three chunks in changes:applied');
    expect(viaBatches.reduce((n, c) => n + c.created.nodes.length, 0)).toBe(4500);

    // A client that was away gets the chunks from the log when it joins again.
    const late = await connectSocket(stack);
    try {
      const replayed: AppliedChangeBatch[] = [];
      late.on('changes:applied', (b) => replayed.push(b));
      const ack = await late.timeout(10_000).emitWithAck('workspace:join', { workspaceId: ws, lastSeq: before.lastSeq, batched: true });
      expect(ack).toMatchObject({ ok: true, replayed: 3, lastSeq: after.lastSeq });
      await eventually(() => replayed.flatMap((b) => b.changes).length === 3, 5000, 'replay');
    } finally {
      late.disconnect();
    }

    // The same file again: nothing to apply, nothing logged.
    const again = await importCsv(ws, csv, { entityType: 'Organisation' });
    expect(again.state).toBe('done');
    expect(again.progress).toMatchObject({ created: 0, updated: 0, unchanged: 4500, rowsApplied: 4500, failed: 0 });
    expect(await snapshot(stack, ws)).toEqual(after);

    // A changed row is an update: one chunk with just that node, logged with its new state.
    const changed = csv.replace(`bulk-7-${ws};Äänekosken Öljy 7 Oy;company;Åbo 7`, `bulk-7-${ws};Äänekosken Öljy 7 Oy;consultancy;Åbo 7`);
    const third = await importCsv(ws, changed, { entityType: 'Organisation' });
    expect(third.progress).toMatchObject({ created: 0, updated: 1, unchanged: 4499 });
    const [last] = await cypher<{ event: string }>(stack, 'MATCH (c:Change) WHERE c.workspaceId = $ws AND c.seq = $seq RETURN c.event AS event', { ws, seq: after.lastSeq + 1 });
    expect((JSON.parse(last.event) as Imported).updated.nodes).toEqual([expect.objectContaining({ id: `bulk-7-${ws}`, orgType: 'consultancy', version: 2 })]);
  } finally {
    batched.disconnect();
    single.disconnect();
  }
}, 180_000);

test('the same chunk job again changes nothing: it answers with the logged seq', async () => {
  const ws = await createWorkspace(stack);
  const change = chunkChange(ws, [
    { row: 2, nodeType: 'Organisation', nodeId: `again-1-${ws}`, props: { name: 'Vaasan Sähkö Oy', orgType: 'company' } },
    { row: 3, nodeType: 'Theme', nodeId: `again-2-${ws}`, props: { name: 'Kiertotalous' } },
  ]);
  const first = await applyJob(change, `${change.id}-a`);
  expect(first.applied).toHaveLength(1);
  const once = await snapshot(stack, ws);
  const second = await applyJob(change, `${change.id}-b`);
  expect(second.applied).toEqual(first.applied);
  expect(await snapshot(stack, ws)).toEqual(once);
});

test('rows the worker cannot apply are reported by row; the rest of the chunk, and of the import, is stored', async () => {
  const ws = await createWorkspace(stack);
  const other = await createWorkspace(stack);
  // An id that another workspace took after the import planned it as new.
  await cypher(stack, 'MATCH (w:Workspace {id: $other}) CREATE (:Entity:Organisation {id: $id, name: "Muu Oy", version: 1})-[:IN_WORKSPACE]->(w)', { other, id: `taken-${ws}` });
  const change = chunkChange(ws, [
    { row: 2, nodeType: 'Organisation', nodeId: `free-${ws}`, props: { name: 'Porin Metalli Oy', orgType: 'company' } },
    { row: 3, sheet: 'Organisations', nodeType: 'Organisation', nodeId: `taken-${ws}`, props: { name: 'Kokkolan Akku Oy', orgType: 'company' } },
  ]);
  const result = await applyJob(change, change.id);
  expect(result.importRowFailures).toEqual([{ row: 3, sheet: 'Organisations', code: 'ID_TAKEN', reason: expect.any(String) }]);
  const [logged] = await cypher<{ event: string }>(stack, 'MATCH (c:Change {id: $id}) RETURN c.event AS event', { id: change.id });
  const event = JSON.parse(logged.event) as Imported;
  expect(event.created.nodes.map((n) => n.id)).toEqual([`free-${ws}`]);
  expect(event.failedRows).toEqual(result.importRowFailures);
  expect((await snapshot(stack, ws)).nodes).toBe(1); // Porin Metalli

  // Through an import: link ids are unique per type across workspaces, so a link whose id another
  // workspace uses cannot be created. The chunk fails as a whole; its rows go again one by one and only
  // that row fails.
  const nodes = ['id,name,type,orgType', `a-${ws},Oulun Vety Oy,Organisation,company`, `b-${ws},Kemin Kaivos Oy,Organisation,company`, `c-${ws},Raahen Teräs Oy,Organisation,company`].join('\n');
  expect((await importCsv(ws, nodes)).progress).toMatchObject({ created: 3 });
  const x = `x-${other}`;
  const y = `y-${other}`;
  await cypher(stack, 'MATCH (w:Workspace {id: $other}) CREATE (x:Entity:Organisation {id: $x, name: "X", version: 1})-[:IN_WORKSPACE]->(w), (y:Entity:Organisation {id: $y, name: "Y", version: 1})-[:IN_WORKSPACE]->(w), (x)-[:COOPERATES_WITH {id: $rel}]->(y)', { other, x, y, rel: `shared-link-${ws}` });
  const links = ['id,type,source,target', `ab-${ws},COOPERATES_WITH,a-${ws},b-${ws}`, `shared-link-${ws},COOPERATES_WITH,b-${ws},c-${ws}`, `ac-${ws},COOPERATES_WITH,a-${ws},c-${ws}`].join('\n');
  const status = await importCsv(ws, links, { entityType: 'Relationship' });
  expect(status.state).toBe('done');
  expect(status.progress).toMatchObject({ rowsRead: 3, rowsApplied: 3, created: 2, failed: 1 });
  expect(status.issues).toEqual([expect.objectContaining({ row: 3, reason: expect.stringMatching(/APPLY_FAILED/) })]);
  const stored = await cypher<{ id: string }>(stack, 'MATCH (:Workspace {id: $ws})<-[:IN_WORKSPACE]-(a)-[r:COOPERATES_WITH]->() RETURN r.id AS id ORDER BY id', { ws });
  expect(stored.map((r) => r.id)).toEqual([`ab-${ws}`, `ac-${ws}`]);
}, 60_000);
