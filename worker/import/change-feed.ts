/**
 * Feeds an import's changes into the normal change pipeline: big `changes:apply` jobs on the changes
 * queue (so the change log, the live socket events and the worker's batched transactions all apply),
 * a few in flight at once; reports each applied or finally rejected change back by its row.
 */
import { Job, type QueueEvents } from 'bullmq';
import type { JobResult } from '../../domain/jobs';
import { uuidFromHash } from '../../api/commands/change-ids';
import type { Config } from '../../api/infra/config';
import { addJob, type ChangesQueue } from '../../api/infra/queue';
import type { PlannedChange } from './planner';

const IN_FLIGHT = 3;
const JOB_TIMEOUT_MS = 10 * 60_000;

export interface FeedOutcome {
  applied: number;
  failed: { row: number; sheet?: string; reason: string }[];
}

export class ChangeFeed {
  private readonly inFlight = new Set<Promise<void>>();
  private jobNo = 0;

  constructor(
    private readonly config: Config,
    private readonly queue: ChangesQueue,
    private readonly queueEvents: QueueEvents,
    private readonly importId: string,
    private readonly onDone: (outcome: FeedOutcome) => void,
  ) {}

  /** Queues one job of changes; waits first while IN_FLIGHT jobs are being applied. */
  async submit(planned: PlannedChange[]): Promise<void> {
    if (!planned.length) return;
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
    const jobId = uuidFromHash(`${this.importId}\n${this.jobNo++}`);
    const rows = new Map(planned.map((p) => [p.change.id, p]));
    await addJob(this.queue, this.config, 'changes:apply', { changes: planned.map((p) => p.change) }, jobId);
    const done = this.waitFor(jobId, rows).finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }

  /** Waits until every job queued so far is finished (nodes before the links that need them). */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private async waitFor(jobId: string, rows: Map<string, PlannedChange>): Promise<void> {
    const job = await Job.fromId<unknown, JobResult>(this.queue, jobId);
    let result: JobResult;
    try {
      if (!job) throw new Error('the job disappeared from the queue');
      result = await job.waitUntilFinished(this.queueEvents, JOB_TIMEOUT_MS);
    } catch (err) {
      const reason = `not applied: ${(err as Error).message}`;
      return this.onDone({ applied: 0, failed: [...rows.values()].map((p) => ({ row: p.row, sheet: p.sheet, reason })) });
    }
    this.onDone({
      applied: result.applied.length,
      failed: result.failed.map((f) => ({ row: rows.get(f.changeId)?.row ?? 0, sheet: rows.get(f.changeId)?.sheet, reason: `${f.code}: ${f.reason}` })),
    });
  }
}
