/**
 * Where an import's status and report live while it runs and for a week after: one JSON value per
 * import in Redis, written by the API (queued) and the worker (progress, report), read by the API.
 */
import type { Redis } from 'ioredis';
import { Queue } from 'bullmq';
import { emptyProgress, type ImportJobData, type ImportStatus } from '../../domain/imports';
import { IMPORTS_QUEUE, type ImportJobMap, type ImportJobName } from '../../domain/jobs';
import type { Config } from './config';
import { redisOptions } from './redis';

const TTL_S = 7 * 24 * 3600;

const keyOf = (config: Pick<Config, 'REDIS_PREFIX'>, importId: string) => `${config.REDIS_PREFIX}:import:${importId}`;

export function queuedStatus(job: ImportJobData): ImportStatus {
  return {
    importId: job.importId,
    workspaceId: job.workspaceId,
    format: job.format,
    entityType: job.entityType ?? null,
    dryRun: job.dryRun,
    state: 'queued',
    progress: emptyProgress(job.bytes),
    issues: [],
    issueCount: 0,
    matches: [],
    matchCount: 0,
    notes: [],
    error: null,
    createdAt: new Date().toISOString(),
    finishedAt: null,
  };
}

export async function saveImportStatus(redis: Redis, config: Pick<Config, 'REDIS_PREFIX'>, status: ImportStatus): Promise<void> {
  await redis.set(keyOf(config, status.importId), JSON.stringify(status), 'EX', TTL_S);
}

export async function loadImportStatus(redis: Redis, config: Pick<Config, 'REDIS_PREFIX'>, importId: string): Promise<ImportStatus | null> {
  const text = await redis.get(keyOf(config, importId));
  return text ? (JSON.parse(text) as ImportStatus) : null;
}

export type ImportsQueue = Queue<ImportJobMap[ImportJobName], unknown, ImportJobName>;

export function createImportsQueue(config: Config): ImportsQueue {
  return new Queue<ImportJobMap[ImportJobName], unknown, ImportJobName>(IMPORTS_QUEUE, {
    connection: redisOptions(config, 'blocking'),
    prefix: config.REDIS_PREFIX,
  });
}
