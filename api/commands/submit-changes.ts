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
import { conflict, fromRejection, unprocessable } from '../errors';
import type { Config } from '../infra/config';
import { addJob, type ChangesQueue } from '../infra/queue';
import { GroupedEnqueuer } from './grouped-enqueuer';
import { redisKeys } from '../infra/services';
import { parseFailureText } from '../../domain/rejections';

export interface WriteContext {
  workspaceId: string;
  actor: string;
  idempotencyKey?: string;
  wait: boolean;
}

/** Where a change came from, when not from the API directly: a workshop, and its participant. */
export interface ChangeOrigin {
  workshopId?: string;
  participantId?: string;
}

/** The fields every change starts with: its id, workspace, actor and time, and its origin. */
export const changeHeader = (ctx: Pick<WriteContext, 'workspaceId' | 'actor'>, changeId: string, origin: ChangeOrigin = {}, at = new Date().toISOString()) => ({
  id: changeId,
  workspaceId: ctx.workspaceId,
  actor: ctx.actor,
  at,
  ...origin,
});

/**
 * The claim on an Idempotency-Key. The first request with a key holds it as "pending" while its
 * prechecks run, then marks it "accepted" (and queues its change); a failed precheck frees the key
 * for the corrected request. A replay (same key, same body) waits for the first to be accepted and
 * skips the prechecks: its change may already be applied, which would make them fail.
 */
export class KeyClaim {
  constructor(
    readonly replay: boolean,
    private readonly onAccepted: () => Promise<unknown>,
    private readonly onRefused: () => Promise<unknown>,
  ) {}

  async precheck(check: () => Promise<unknown>): Promise<void> {
    if (this.replay) return;
    try {
      await check();
    } catch (err) {
      await this.onRefused();
      throw err;
    }
    await this.onAccepted();
  }
}

const KEY_TTL_S = 24 * 3600;
const PENDING_WAIT_MS = 10_000;

export class ChangeSubmitter {
  private readonly keys;
  private readonly enqueuer: GroupedEnqueuer;

  constructor(
    private readonly config: Config,
    private readonly queue: ChangesQueue,
    private readonly queueEvents: QueueEvents,
    private readonly redis: Redis,
  ) {
    this.keys = redisKeys(config);
    this.enqueuer = new GroupedEnqueuer(config, queue, redis);
  }

  /** Claims the idempotency key for this body; a key reused with another body is a 422. */
  async claimKey(ctx: WriteContext, body: unknown): Promise<KeyClaim> {
    if (!ctx.idempotencyKey) return new KeyClaim(false, async () => {}, async () => {});
    const key = this.keys.idempotency(ctx.workspaceId, ctx.idempotencyKey);
    const hash = createHash('sha256').update(JSON.stringify(body ?? null)).digest('hex');
    const deadline = Date.now() + PENDING_WAIT_MS;
    for (;;) {
      if (await this.redis.set(key, `pending:${hash}`, 'EX', KEY_TTL_S, 'NX')) {
        return new KeyClaim(
          false,
          () => this.redis.set(key, `accepted:${hash}`, 'KEEPTTL', 'XX'),
          () => this.redis.del(key),
        );
      }
      const stored = await this.redis.get(key);
      if (stored === null) continue; // freed by a refused first request: claim it afresh
      const [state, storedHash] = stored.split(':');
      if (storedHash !== hash) {
        throw unprocessable('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a request with another body');
      }
      if (state === 'accepted') return new KeyClaim(true, async () => {}, async () => {});
      if (Date.now() > deadline) throw conflict('IDEMPOTENCY_KEY_BUSY', 'A request with this Idempotency-Key is still being checked; retry shortly');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /**
   * Queues one change (grouped with others arriving at the same moment); with ctx.wait resolves with
   * its applied event, or throws the AppError of its rejection. Otherwise, or on time-out, null.
   */
  async submitOne(change: Change, ctx: WriteContext): Promise<JobResult | null> {
    const jobId = await this.enqueuer.add(change);
    if (!ctx.wait) return null;
    const result = await this.waitFor(jobId);
    if (!result) return null;
    const failure = result.failed.find((f) => f.changeId === change.id);
    if (failure) throw fromRejection(failure.code, failure.reason);
    const event = result.events?.find((e) => e.changeId === change.id);
    return { applied: event ? [{ changeId: event.changeId, seq: event.seq }] : [], failed: [], change: event };
  }

  /** The job carrying a change, while it is remembered (for the change's status). */
  jobOfChange(changeId: string): Promise<string | null> {
    return this.redis.get(this.keys.jobOfChange(changeId));
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
