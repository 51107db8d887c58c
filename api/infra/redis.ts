import { Redis } from 'ioredis';
import type { Config } from './config';

/**
 * A new ioredis connection. BullMQ workers and socket.io subscribers need their own connection each,
 * and BullMQ requires maxRetriesPerRequest: null on blocking connections.
 */
export function createRedis(config: Pick<Config, 'REDIS_URL'>, purpose: 'command' | 'blocking' | 'subscriber' = 'command') {
  return new Redis(config.REDIS_URL, {
    maxRetriesPerRequest: purpose === 'command' ? 3 : null,
    enableAutoPipelining: purpose === 'command',
    lazyConnect: false,
  });
}
