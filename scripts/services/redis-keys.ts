/** Deleting a run's Redis keys (tests and benchmarks use a prefix of their own). */
import type { Redis } from 'ioredis';

/**
 * The key patterns written under a prefix: BullMQ and app keys (`p:*`) and socket.io channels
 * (`p-socket.io*`). withSubPrefixes also takes the keys of prefixes derived from it (`p-<suite>:*`, as
 * test suites and benchmark scenarios use): only for a run's own random prefix, never the service's.
 */
export const keyPatternsOf = (prefix: string, opts: { withSubPrefixes?: boolean } = {}) =>
  opts.withSubPrefixes ? [`${prefix}:*`, `${prefix}-*`] : [`${prefix}:*`, `${prefix}-socket.io*`];

/** SCAN + UNLINK every key matching the patterns; returns how many were removed. */
export async function deleteKeys(redis: Redis, patterns: string[]): Promise<number> {
  let removed = 0;
  for (const match of patterns) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
      if (keys.length) removed += await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  return removed;
}
