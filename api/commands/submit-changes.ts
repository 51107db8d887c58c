/**
 * Turns validated write requests into change events on the queue, and optionally waits until the
 * worker has applied them. Idempotency: a request with an Idempotency-Key claims the key in Redis
 * with a hash of its body; a retry with the same body is the same change (same ids), a reuse with
 * another body is refused.
 */
import { createHash } from 'node:crypto';
import { Job, type QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Change } from '../../domain/changes';
import type { JobResult } from '../../domain/jobs';
import { fromRejection, unprocessable } from '../errors';
import type { Config } from '../infra/config';
import { addJob, type ChangesQueue } from '../infra/queue';
import { redisKeys } from '../infra/services';
import { parseFailureText } from '../../domain/rejections';

export interface WriteContext {
  workspaceId: string;
  actor: string;
  idempotencyKey?: string;
  wait: boolean;
}

/**
 * The claim on an Idempotency-Key. A replay (same key, same body) skips the prechecks: its change may
 * already be applied, which would make them fail. A failed precheck frees the key for the corrected
 * request.
 */
export class KeyClaim {
  constructor(
    readonly replay: boolean,
    private readonly release: () => Promise<unknown>,
  ) {}

  async precheck(check: () => Promise<unknown>): Promise<void> {
    if (this.replay) return;
    try {
      await check();
    } catch (err) {
      await this.release();
      throw err;
    }
  }
}

export class ChangeSubmitter {
  private readonly keys;

  constructor(
    private readonly config: Config,
    private readonly queue: ChangesQueue,
    private readonly queueEvents: QueueEvents,
    private readonly redis: Redis,
  ) {
    this.keys = redisKeys(config);
  }

  /** Claims the idempotency key for this body; a key reused with another body is a 422. */
  async claimKey(ctx: WriteContext, body: unknown): Promise<KeyClaim> {
    if (!ctx.idempotencyKey) return new KeyClaim(false, async () => {});
    const key = this.keys.idempotency(ctx.workspaceId, ctx.idempotencyKey);
    const hash = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
    const claimed = await this.redis.set(key, hash, 'EX', 24 * 3600, 'NX');
    if (claimed) return new KeyClaim(false, () => this.redis.del(key));
    const stored = await this.redis.get(key);
    if (stored !== null && stored !== hash) {
      throw unprocessable('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a request with another body');
    }
    return new KeyClaim(true, async () => {});
  }

  /** Queues one change; resolves with the worker's result when ctx.wait, otherwise null. */
  async submitOne(change: Change, ctx: WriteContext): Promise<JobResult | null> {
    await addJob(this.queue, this.config, 'change:apply', { change }, change.id);
    return ctx.wait ? this.waitFor(change.id) : null;
  }

  /** Queues many changes as one job, applied in order in as few transactions as possible. */
  async submitMany(batchId: string, changes: Change[], ctx: WriteContext): Promise<JobResult | null> {
    await addJob(this.queue, this.config, 'changes:apply', { changes }, batchId);
    return ctx.wait ? this.waitFor(batchId) : null;
  }

  /**
   * Waits for a job to finish. A job that can never succeed throws the AppError for its rejection;
   * one still running when WAIT_TIMEOUT_MS passes gives null (the caller answers 202).
   */
  async waitFor(jobId: string): Promise<JobResult | null> {
    const job = await Job.fromId<unknown, JobResult>(this.queue, jobId);
    if (!job) return null;
    try {
      return await job.waitUntilFinished(this.queueEvents, this.config.WAIT_TIMEOUT_MS);
    } catch (err) {
      const message = (err as Error).message ?? '';
      if (/timed out/i.test(message)) return null;
      const { code, reason } = parseFailureText(message);
      throw fromRejection(code, reason);
    }
  }
}
