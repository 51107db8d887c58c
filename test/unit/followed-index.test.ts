/**
 * FollowedIndex (api/services/followed-index.ts): one build, then catch-ups one at a time to the highest
 * seq asked for; requests whose seq the value reflects are answered at once; a long build answers
 * IndexBuilding after the cold wait while it goes on; a failed update fails its waiters only.
 */
import { FollowedIndex, IndexBuilding, timeSliced } from '../../api/services/followed-index';

/** Updates whose calls are recorded and whose promises the test settles by hand. */
function manualUpdates() {
  const calls: string[] = [];
  const pending: { resolve: (v: number[]) => void; reject: (e: Error) => void }[] = [];
  const next = () => new Promise<number[]>((resolve, reject) => pending.push({ resolve, reject }));
  return {
    calls,
    pending,
    updates: {
      build: (seq: number) => {
        calls.push(`build ${seq}`);
        return next();
      },
      catchUp: (value: number[], from: number, to: number) => {
        calls.push(`catchUp ${from}->${to}`);
        return next().then((more) => [...value, ...more]);
      },
    },
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('builds once, catches up to the highest seq asked for, answers at once when current', async () => {
  const m = manualUpdates();
  const followed = new FollowedIndex<number[]>(m.updates);
  const first = followed.at(3);
  const second = followed.at(2);
  expect(followed.building).toBe(true);
  m.pending.shift()!.resolve([1, 2, 3]);
  await expect(first).resolves.toEqual([1, 2, 3]);
  await expect(second).resolves.toEqual([1, 2, 3]);
  expect(followed.seq).toBe(3);
  await expect(followed.at(1)).resolves.toEqual([1, 2, 3]);

  // An announced seq starts a catch-up in the background; what comes meanwhile is caught up in one go after it.
  followed.follow(4);
  followed.follow(5);
  const during = followed.at(6);
  await tick();
  expect(m.calls).toEqual(['build 3', 'catchUp 3->4']);
  m.pending.shift()!.resolve([4]);
  await tick();
  expect(m.calls).toEqual(['build 3', 'catchUp 3->4', 'catchUp 4->6']);
  m.pending.shift()!.resolve([5, 6]);
  await expect(during).resolves.toEqual([1, 2, 3, 4, 5, 6]);
});

test('a build longer than the cold wait answers IndexBuilding and goes on', async () => {
  const m = manualUpdates();
  const followed = new FollowedIndex<number[]>(m.updates);
  await expect(followed.at(1, { coldWaitMs: 20, what: 'test index' })).rejects.toBeInstanceOf(IndexBuilding);
  expect(followed.building).toBe(true);
  const later = followed.at(1, { coldWaitMs: 5_000 });
  m.pending.shift()!.resolve([1]);
  await expect(later).resolves.toEqual([1]);
});

test('a failed catch-up fails its waiters and keeps the value; the next request tries again', async () => {
  const m = manualUpdates();
  const followed = new FollowedIndex<number[]>(m.updates);
  const built = followed.at(1);
  m.pending.shift()!.resolve([1]);
  await built;
  const failing = followed.at(2);
  await tick();
  m.pending.shift()!.reject(new Error('Neo4j went away'));
  await expect(failing).rejects.toThrow('Neo4j went away');
  expect(followed.seq).toBe(1);
  const again = followed.at(2);
  await tick();
  m.pending.shift()!.resolve([2]);
  await expect(again).resolves.toEqual([1, 2]);
});

test('timeSliced visits every item in order and gives the event loop back in between', async () => {
  const seen: number[] = [];
  let yielded = 0;
  const timer = setInterval(() => yielded++, 0);
  await timeSliced(
    Array.from({ length: 2000 }, (_, i) => i),
    (i) => {
      const until = performance.now() + 0.05;
      while (performance.now() < until);
      seen.push(i);
    },
    5,
  );
  clearInterval(timer);
  expect(seen).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  expect(yielded).toBeGreaterThan(0);
});
