/** "Did you mean ...?" over the demo network: the shared matcher behind GET .../similar. */
import { seedDemo } from '../scripts/seed';
import { startStack, type TestStack } from './support/stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
  await seedDemo(stack.config);
});
afterAll(() => stack.close());

const similar = (name: string, type = 'Organisation') => stack.http.get(`/api/v1/workspaces/demo/similar?type=${type}&name=${encodeURIComponent(name)}`);

test.each([
  ['oulun ylipisto', 'Oulun yliopisto'],
  ['University of Oulu', 'Oulun yliopisto'],
  ['Uleåborgs universitet', 'Oulun yliopisto'],
  ['OSAO', 'Oulun seudun ammattiopisto'],
  ['prizztech', 'Prizztech Oy'],
  ['Pirkanmaan Liitto ry', 'Pirkanmaan liitto'],
])('"%s" → %s first, with reasons', async (name, expected) => {
  const res = await similar(name);
  expect(res.status).toBe(200);
  expect(res.body.items[0]).toMatchObject({ name: expected, score: expect.any(Number), reasons: expect.arrayContaining([expect.any(String)]) });
  expect(res.body.items[0].score).toBeGreaterThanOrEqual(0.5);
});

test('a different organisation with a similar name is not offered as the same', async () => {
  const res = await similar('Oulun seudun ammattiopisto');
  const names = res.body.items.map((i: { name: string; score: number }) => i.name);
  expect(names[0]).toBe('Oulun seudun ammattiopisto');
  const university = res.body.items.find((i: { name: string }) => i.name === 'Oulun yliopisto');
  expect(university === undefined || university.score < 0.75).toBe(true);
});

test('people: word order and diacritics', async () => {
  const res = await similar('Makitalo Kari', 'Person');
  expect(res.body.items[0]).toMatchObject({ name: 'Kari Mäkitalo' });
});

test('sees a new entity at once, and answers 404 / 400 for bad requests', async () => {
  await stack.http.post('/api/v1/workspaces/demo/organisations?wait=true', { name: 'Åbo Akademi', orgType: 'university' });
  expect((await similar('abo akademi')).body.items[0]).toMatchObject({ name: 'Åbo Akademi' });
  expect((await stack.http.get('/api/v1/workspaces/ei-ole/similar?name=x')).status).toBe(404);
  expect((await stack.http.get('/api/v1/workspaces/demo/similar?name=')).status).toBe(400);
  expect((await stack.http.get('/api/v1/workspaces/demo/similar?name=x&type=Lohikäärme')).status).toBe(400);
});
