/**
 * Merging duplicates and undoing a merge from the change log (POST …/merges, …/merges/:changeId/undo),
 * against the real Neo4j, Redis and socket.io: links move, a link the survivor already has collapses
 * into it, the survivor takes the fields it lacked, and undo gives back exactly the graph of before
 * (metrics are left out of the comparison: the metrics job recomputes them after every change).
 */
import { randomUUID } from 'node:crypto';
import type { AppliedChange } from '../domain/events';
import { connectSocket, createWorkspace, cypher, eventually, join, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let ws: string;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());
beforeEach(async () => {
  ws = await createWorkspace(stack, 'Yhdistämisen verkosto');
});

const write = (path: string, body?: unknown) => stack.http.post(`/api/v1/workspaces/${ws}/${path}?wait=true`, body, { 'idempotency-key': randomUUID(), 'x-actor': 'editor:tiina' });
async function add(collection: string, body: Record<string, unknown>): Promise<string> {
  const res = await write(collection, body);
  expect(res.status).toBe(201);
  return res.body.id;
}
async function link(type: string, from: string, to: string, props: Record<string, unknown> = {}): Promise<string> {
  const res = await write('relationships', { type, from, to, ...props });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** The workspace's nodes and links as stored, without the bookkeeping that a merge and its undo change (version, updatedAt). */
async function graphOf() {
  const nodes = await cypher<{ node: Record<string, unknown> }>(
    stack,
    `MATCH (n:Entity)-[:IN_WORKSPACE]->(:Workspace {id: $ws}) RETURN n {.*, labels: labels(n)} AS node ORDER BY n.id`,
    { ws },
  );
  const links = await cypher<{ link: Record<string, unknown> }>(
    stack,
    `MATCH (a:Entity)-[:IN_WORKSPACE]->(:Workspace {id: $ws}) MATCH (a)-[r]->(b:Entity) WHERE type(r) <> 'IN_WORKSPACE'
     RETURN r {.*, type: type(r), source: a.id, target: b.id} AS link ORDER BY r.id`,
    { ws },
  );
  const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !['version', 'updatedAt'].includes(k) && !k.startsWith('metrics_')));
  return { nodes: nodes.map((r) => strip(r.node)), links: links.map((r) => strip(r.link)) };
}

async function duplicatePair() {
  const survivor = await add('organisations', { name: 'Oulun yliopisto', orgType: 'university', aliases: ['OY'], businessId: '0245894-7' });
  const merged = await add('organisations', { name: 'University of Oulu', orgType: 'university', aliases: ['UniOulu'], website: 'https://www.oulu.fi', nameSv: 'Uleåborgs universitet' });
  const project = await add('projects', { name: 'Akkumineraalien kiertotalous' });
  const city = await add('cities', { name: 'Oulu', lat: 65.0121, lon: 25.4651, nameSv: 'Uleåborg' });
  const person = await add('people', { name: 'Päivi Äijälä', email: 'paivi.aijala@example.fi' });
  const own = await link('PARTNER_IN', survivor, project, { role: 'osatoteuttaja' });
  const twin = await link('PARTNER_IN', merged, project, { role: 'partner', note: 'WP2 "kierrätys"', startDate: '2024-01-01' });
  const located = await link('LOCATED_IN', merged, city);
  const works = await link('WORKS_AT', person, merged, { role: 'tutkijatohtori' });
  const between = await link('COOPERATES_WITH', survivor, merged);
  return { survivor, merged, project, city, person, own, twin, located, works, between };
}

test('a merge collapses a parallel link into the survivor\'s, fills missing fields, and is undone exactly from the change log', async () => {
  const g = await duplicatePair();
  const before = await graphOf();
  const socket = await connectSocket(stack);
  const seen: AppliedChange[] = [];
  socket.on('node:merged', (c) => seen.push(c));
  socket.on('node:unmerged', (c) => seen.push(c));
  expect(await join(socket, ws)).toMatchObject({ ok: true });

  const merge = await write('merges', { survivorId: g.survivor, mergedId: g.merged });
  expect(merge.status).toBe(200);
  expect(merge.body.collapsedEdges).toEqual([{ id: g.twin, into: g.own }]);
  expect(merge.body.movedEdges.map((e: { id: string }) => e.id).sort()).toEqual([g.located, g.works].sort());
  expect(merge.body.node).toMatchObject({ name: 'Oulun yliopisto', website: 'https://www.oulu.fi', nameSv: 'Uleåborgs universitet', businessId: '0245894-7' });
  expect(merge.body.node.aliases).toEqual(['OY', 'University of Oulu', 'UniOulu']);

  const merged = await graphOf();
  const partnerLinks = merged.links.filter((l) => l.type === 'PARTNER_IN');
  expect(partnerLinks).toHaveLength(1);
  // The survivor's link keeps its own role and takes what it lacked.
  expect(partnerLinks[0]).toMatchObject({ id: g.own, source: g.survivor, role: 'osatoteuttaja', note: 'WP2 "kierrätys"', startDate: '2024-01-01' });
  expect(merged.nodes.map((n) => n.id)).not.toContain(g.merged);
  expect(merged.links.map((l) => l.id)).not.toContain(g.between);
  // Not taken over: who created the merged node (it had none here) and its metrics.
  expect(merged.nodes.find((n) => n.id === g.survivor)).not.toHaveProperty('createdBy');

  const undo = await write(`merges/${merge.body.changeId}/undo`);
  expect(undo.status).toBe(200);
  expect(undo.body).toMatchObject({ id: g.survivor, mergeChangeId: merge.body.changeId, restored: { id: g.merged, name: 'University of Oulu' } });
  expect(undo.body.edges.map((e: { id: string }) => e.id).sort()).toEqual([g.twin, g.located, g.works, g.between].sort());
  // The graph is what it was before the merge (apart from versions and update times).
  expect(await graphOf()).toEqual(before);
  // Contact details of people stay out of events: the restored organisation's person link is there, not an e-mail.
  expect(JSON.stringify(undo.body)).not.toContain('example.fi');

  // Both reached the room, in order; the change log has both.
  await eventually(() => seen.length === 2, 5000, 'merge and unmerge events');
  expect(seen.map((c) => c.event)).toEqual(['node:merged', 'node:unmerged']);
  const log = await stack.http.get(`/api/v1/workspaces/${ws}/changes?after=${merge.body.seq - 1}`);
  expect(log.body.items.map((c: { event: string }) => c.event)).toEqual(['node:merged', 'node:unmerged']);
  expect(JSON.stringify(log.body.items)).not.toContain('undo');
  socket.disconnect();

  // Once only; other changes are not merges; unknown ones are 404.
  const again = await write(`merges/${merge.body.changeId}/undo`);
  expect(again.status).toBe(409);
  expect(again.body.error.code).toBe('ALREADY_UNMERGED');
  const notMerge = await write(`merges/${undo.body.changeId}/undo`);
  expect(notMerge.status).toBe(422);
  expect(notMerge.body.error.code).toBe('NOT_A_MERGE');
  expect((await write(`merges/${randomUUID()}/undo`)).status).toBe(404);
  expect((await write('merges/ei-uuid/undo')).status).toBe(400);
});

test('the merged node can be merged again after an undo, and the undo of a replayed request applies once', async () => {
  const g = await duplicatePair();
  const first = await write('merges', { survivorId: g.survivor, mergedId: g.merged });
  const key = randomUUID();
  const undo = (k: string) => stack.http.post(`/api/v1/workspaces/${ws}/merges/${first.body.changeId}/undo?wait=true`, undefined, { 'idempotency-key': k });
  const [a, b] = await Promise.all([undo(key), undo(key)]);
  expect([a.status, b.status]).toEqual([200, 200]);
  expect(b.body.changeId).toBe(a.body.changeId);
  const [{ n }] = await cypher<{ n: number }>(stack, 'MATCH (c:Change) WHERE c.workspaceId = $ws AND c.op = "node:unmerged" RETURN count(c) AS n', { ws });
  expect(n).toBe(1);

  const second = await write('merges', { survivorId: g.merged, mergedId: g.survivor });
  expect(second.status).toBe(200);
  expect(second.body.node).toMatchObject({ id: g.merged, businessId: '0245894-7' });
  expect(second.body.node.aliases).toEqual(expect.arrayContaining(['UniOulu', 'Oulun yliopisto', 'OY']));
});

test('bad merges are refused with the field and nothing changes', async () => {
  const g = await duplicatePair();
  const before = await graphOf();
  const cases: [unknown, number, string][] = [
    [{ survivorId: g.survivor, mergedId: g.survivor }, 400, 'mergedId'],
    [{ survivorId: g.survivor, mergedId: g.project }, 422, 'mergedId'],
    [{ survivorId: g.survivor, mergedId: 'org-ei-ole' }, 422, 'mergedId'],
    [{ survivorId: g.survivor }, 400, 'mergedId'],
  ];
  for (const [body, status, field] of cases) {
    const res = await write('merges', body);
    expect(res.status).toBe(status);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  }
  expect(await graphOf()).toEqual(before);
});
