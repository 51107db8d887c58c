/**
 * The long-lived connections a process needs, made once from the config and closed together.
 * The API and the worker each build one; tests build one per suite against the real services.
 */
import type { Redis } from 'ioredis';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { createGraphDb, type GraphDb } from './neo4j';
import { createRedis } from './redis';

export interface CoreServices {
  config: Config;
  logger: Logger;
  db: GraphDb;
  /** Commands: idempotency keys, the failed-change lists. */
  redis: Redis;
  close(): Promise<void>;
}

export function createCoreServices(config: Config, name: string): CoreServices {
  const logger = createLogger(config, name);
  const db = createGraphDb(config);
  const redis = createRedis(config);
  return {
    config,
    logger,
    db,
    redis,
    async close() {
      await Promise.allSettled([db.close(), redis.quit()]);
    },
  };
}

/** Redis keys this service owns, all under the configured prefix. */
export const redisKeys = (config: Pick<Config, 'REDIS_PREFIX'>) => ({
  idempotency: (workspaceId: string, key: string) => `${config.REDIS_PREFIX}:idem:${workspaceId}:${key}`,
  failed: (workspaceId: string) => `${config.REDIS_PREFIX}:failed:${workspaceId}`,
  jobOfChange: (changeId: string) => `${config.REDIS_PREFIX}:change-job:${changeId}`,
  /** Facilitator session by the SHA-256 of its cookie token; login failures by the SHA-256 of the e-mail. */
  session: (tokenHash: string) => `${config.REDIS_PREFIX}:session:${tokenHash}`,
  loginFailures: (emailHash: string) => `${config.REDIS_PREFIX}:login-fail:${emailHash}`,
  /** Workshop participant by the SHA-256 of their token. */
  participant: (tokenHash: string) => `${config.REDIS_PREFIX}:participant:${tokenHash}`,
  /** Hash socketId -> presence entry, and its revision counter; heartbeat of an API process. */
  workshopPresence: (workshopId: string) => `${config.REDIS_PREFIX}:presence:${workshopId}`,
  workshopPresenceRev: (workshopId: string) => `${config.REDIS_PREFIX}:presence-rev:${workshopId}`,
  apiInstance: (instanceId: string) => `${config.REDIS_PREFIX}:api-instance:${instanceId}`,
});
