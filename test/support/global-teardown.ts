/**
 * Jest global teardown: removes every Redis key of this run (queues, idempotency keys, socket.io channels),
 * including those of the suites' own prefixes derived from it, should a suite have left any.
 */
import { loadConfig } from '../../api/infra/config';
import { createRedis } from '../../api/infra/redis';
import { deleteKeys, keyPatternsOf } from '../../scripts/services/redis-keys';

export default async function globalTeardown(): Promise<void> {
  const config = loadConfig();
  if (config.REDIS_PREFIX === 'verkosto') return; // the development prefix is never cleared
  const redis = createRedis(config);
  try {
    await deleteKeys(redis, keyPatternsOf(config.REDIS_PREFIX, { withSubPrefixes: true }));
  } catch (err) {
    process.stderr.write(`global teardown: could not remove the Redis keys under ${config.REDIS_PREFIX}: ${(err as Error).message}\n`);
  } finally {
    redis.disconnect();
  }
}
