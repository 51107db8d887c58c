/**
 * The typed changes queue, shared by the API (which adds jobs) and the worker (which processes them).
 * Keys live under the configured Redis prefix, so tests get queues of their own.
 */
import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import { CHANGES_QUEUE, type JobMap, type JobName, type JobResult } from '../../domain/jobs';
import type { Config } from './config';
import { redisOptions } from './redis';

export type ChangesQueue = Queue<JobMap[JobName], JobResult, JobName>;

export function createChangesQueue(config: Config): ChangesQueue {
  return new Queue<JobMap[JobName], JobResult, JobName>(CHANGES_QUEUE, {
    connection: redisOptions(config, 'blocking'),
    prefix: config.REDIS_PREFIX,
  });
}

export function createChangesQueueEvents(config: Config): QueueEvents {
  return new QueueEvents(CHANGES_QUEUE, { connection: redisOptions(config, 'blocking'), prefix: config.REDIS_PREFIX });
}

/** Options for a job: retries with exponential backoff, bounded history in Redis. */
export function jobOptions(config: Config, jobId: string): JobsOptions {
  return {
    jobId,
    attempts: config.CHANGE_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.CHANGE_BACKOFF_MS },
    // Completed jobs only serve ?wait and replays for a while; the change log keeps the history.
    removeOnComplete: { age: 600, count: 5000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
  };
}

/** Adds a job with its payload type checked against its name. */
export function addJob<N extends JobName>(queue: ChangesQueue, config: Config, name: N, data: JobMap[N], jobId: string) {
  return queue.add(name, data, jobOptions(config, jobId));
}

/** socket.io's Redis channel key, under the same prefix (shared by the adapter and the emitter). */
export const socketChannelKey = (config: Pick<Config, 'REDIS_PREFIX'>) => `${config.REDIS_PREFIX}-socket.io`;
