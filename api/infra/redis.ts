import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from './config';

export type RedisPurpose = 'command' | 'blocking' | 'subscriber';

/**
 * Connection options from REDIS_URL. BullMQ gets these options rather than a connection, so that it
 * owns (and closes) the connections it makes; blocking connections need maxRetriesPerRequest: null.
 */
export function redisOptions(config: Pick<Config, 'REDIS_URL'>, purpose: RedisPurpose = 'command'): RedisOptions {
  const url = new URL(config.REDIS_URL);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: purpose === 'command' ? 3 : null,
    enableAutoPipelining: purpose === 'command',
  };
}

/** A new ioredis connection; the caller closes it. */
export function createRedis(config: Pick<Config, 'REDIS_URL'>, purpose: RedisPurpose = 'command') {
  return new Redis(redisOptions(config, purpose));
}
