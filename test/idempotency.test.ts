/** An Idempotency-Key makes a retried request apply once; a reused key with another body is refused. */
import { randomUUID } from 'node:crypto';
import { createWorkspace, cypher, snapshot, startStack, type TestStack } from './support/stack';

let stack: TestStack;
let ws: string;

beforeAll(async () => {
  stack = await startStack();
  ws = await createWorkspace(stack);
});
afterAll(() => stack.close());

test('the same request sent three times with one key creates one node and one change', async () => {
  const key = randomUUID();
  const body = { name: 'Keski-Pohjanmaan koulutusyhtymä', orgType: 'vocational_college' };
  const before = await snapshot(stack, ws);
  const answers = await Promise.all([1, 2, 3].map(() => stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, body, { 'Idempotency-Key': key })));
  for (const a of answers) expect([201, 202]).toContain(a.status);
  expect(new Set(answers.map((a) => a.body.changeId)).size).toBe(1);
  expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);

  // A late retry, after the change was applied, still answers with the same change and node.
  const late = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, body, { 'Idempotency-Key': key });
  expect(late.status).toBe(201);
  expect(late.body).toMatchObject({ changeId: answers[0].body.changeId, id: answers[0].body.id });

  const rows = await cypher(stack, 'MATCH (n:Organisation {name: $name})-[:IN_WORKSPACE]->(:Workspace {id: $ws}) RETURN n.id AS id', { name: body.name, ws });
  expect(rows).toHaveLength(1);
  const after = await snapshot(stack, ws);
  expect(after.nodes - before.nodes).toBe(1);
  expect(after.changes - before.changes).toBe(1);
});

test('a retried batch applies once', async () => {
  const key = randomUUID();
  const body = { changes: ['Turun kaupunki', 'Lappeenrannan kaupunki'].map((name) => ({ op: 'node:create', nodeType: 'Organisation', props: { name, orgType: 'city' } })) };
  const before = await snapshot(stack, ws);
  const first = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, body, { 'Idempotency-Key': key });
  const second = await stack.http.post(`/api/v1/workspaces/${ws}/changes?wait=true`, body, { 'Idempotency-Key': key });
  expect(first.status).toBe(200);
  expect(second.body.changes).toEqual(first.body.changes);
  const after = await snapshot(stack, ws);
  expect(after.changes - before.changes).toBe(2);
});

test('reusing a key for a different body is a 422 and stores nothing', async () => {
  const key = randomUUID();
  await stack.http.post(`/api/v1/workspaces/${ws}/themes?wait=true`, { name: 'Akkukemikaalit' }, { 'Idempotency-Key': key });
  const before = await snapshot(stack, ws);
  const reused = await stack.http.post(`/api/v1/workspaces/${ws}/themes?wait=true`, { name: 'Jotain muuta' }, { 'Idempotency-Key': key });
  expect(reused.status).toBe(422);
  expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await snapshot(stack, ws)).toEqual(before);
});

test('a key whose request failed validation can be used again for the corrected request', async () => {
  const key = randomUUID();
  const wrong = await stack.http.post(`/api/v1/workspaces/${ws}/relationships`, { type: 'LOCATED_IN', from: 'ei-ole', to: 'ei-ole-2' }, { 'Idempotency-Key': key });
  expect(wrong.status).toBe(422);
  const city = await stack.http.post(`/api/v1/workspaces/${ws}/cities?wait=true`, { name: 'Kuopio', lat: 62.8924, lon: 27.677 });
  const org = await stack.http.post(`/api/v1/workspaces/${ws}/organisations?wait=true`, { name: 'Savonia', orgType: 'university_of_applied_sciences' });
  const right = await stack.http.post(`/api/v1/workspaces/${ws}/relationships?wait=true`, { type: 'LOCATED_IN', from: org.body.id, to: city.body.id }, { 'Idempotency-Key': key });
  expect(right.status).toBe(201); // the refused request freed its key
  const again = await stack.http.post(`/api/v1/workspaces/${ws}/relationships?wait=true`, { type: 'LOCATED_IN', from: org.body.id, to: city.body.id }, { 'Idempotency-Key': key });
  expect(again.body.changeId).toBe(right.body.changeId);
  expect(await cypher(stack, 'MATCH (:Entity {id: $o})-[r:LOCATED_IN]->() RETURN r.id AS id', { o: org.body.id })).toEqual([{ id: right.body.id }]);
});
