/**
 * Group commit for single-change requests: the changes an API process receives within a few
 * milliseconds go onto the queue as one grouped job instead of one job each, so the worker fetches one
 * job per group (BullMQ takes jobs one round trip at a time) and applies the group in one transaction.
 * Each change's id is recorded with its job's id for a while, for GET .../changes/:changeId.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Change } from '../../domain/changes';
import type { Config } from '../infra/config';
import { addJob, type ChangesQueue } from '../infra/queue';
import { redisKeys } from '../infra/services';

interface Waiting {
  change: Change;
  resolve(jobId: string): void;
  reject(err: unknown): void;
}

const JOB_OF_CHANGE_TTL_S = 3600;

export class GroupedEnqueuer {
  private waiting: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly config: Config,
    private readonly queue: ChangesQueue,
    private readonly redis: Redis,
    private readonly maxGroup = 200,
    private readonly lingerMs = 2,
  ) {}

  /** Resolves with the id of the job that carries the change, once it is on the queue. */
  add(change: Change): Promise<string> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ change, resolve, reject });
      if (this.waiting.length >= this.maxGroup) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const group = this.waiting.splice(0, this.maxGroup);
    if (this.waiting.length) this.timer = setTimeout(() => this.flush(), this.lingerMs);
    void this.enqueue(group);
  }

  private async enqueue(group: Waiting[]): Promise<void> {
    const jobId = randomUUID();
    try {
      await addJob(this.queue, this.config, 'changes:apply', { changes: group.map((w) => w.change), grouped: true }, jobId);
      const pipeline = this.redis.pipeline();
      for (const w of group) pipeline.set(redisKeys(this.config).jobOfChange(w.change.id), jobId, 'EX', JOB_OF_CHANGE_TTL_S);
      await pipeline.exec();
      for (const w of group) w.resolve(jobId);
    } catch (err) {
      for (const w of group) w.reject(err);
    }
  }
}
