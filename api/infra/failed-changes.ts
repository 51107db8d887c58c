/**
 * The visible list of changes that were finally not applied, per workspace, newest first. The worker
 * writes it; GET /api/v1/workspaces/:id/changes/failed reads it. Bounded, so it cannot grow forever.
 */
import type { Redis } from 'ioredis';
import type { ChangeOp } from '../../domain/changes';
import type { Config } from './config';
import { redisKeys } from './services';

export interface FailedChange {
  changeId: string;
  workspaceId: string;
  op: ChangeOp;
  actor: string;
  code: string;
  reason: string;
  attempts: number;
  failedAt: string;
  /** The change as submitted, so that someone can correct and resend it. */
  change: unknown;
}

const KEEP = 1000;

export async function recordFailedChanges(redis: Redis, config: Pick<Config, 'REDIS_PREFIX'>, failures: FailedChange[]): Promise<void> {
  if (!failures.length) return;
  const pipeline = redis.pipeline();
  for (const f of failures) {
    const key = redisKeys(config).failed(f.workspaceId);
    pipeline.lpush(key, JSON.stringify(f)).ltrim(key, 0, KEEP - 1);
  }
  await pipeline.exec();
}

export async function listFailedChanges(redis: Redis, config: Pick<Config, 'REDIS_PREFIX'>, workspaceId: string, limit: number): Promise<FailedChange[]> {
  const items = await redis.lrange(redisKeys(config).failed(workspaceId), 0, limit - 1);
  return items.map((i) => JSON.parse(i) as FailedChange);
}
