/**
 * Feeds an import's planned chunks into the normal change pipeline: each chunk is ONE 'import:chunk'
 * change in a `changes:apply` job on the changes queue (so the worker's batched transactions, the change
 * log and the live socket events all apply, once per chunk), a few in flight at once. A chunk's change id
 * comes from the import and the chunk's content, so a retried job applies once. If the worker rejects a
 * chunk as a whole (a query failed), its rows go again as single changes, so that only the rows at
 * fault fail. Reports applied and failed rows back.
 */
import { Job, type QueueEvents } from 'bullmq';
import type { ImportChunkChange } from '../../domain/changes';
import type { JobResult } from '../../domain/jobs';
import { uuidFromHash } from '../../api/commands/change-ids';
import { changeHeader } from '../../api/commands/submit-changes';
import type { Config } from '../../api/infra/config';
import { addJob, type ChangesQueue } from '../../api/infra/queue';
import { singleChanges } from './apply-chunk';
import type { PlannedChunk } from './spill';

const IN_FLIGHT = 3;
const JOB_TIMEOUT_MS = 10 * 60_000;

export interface FeedFailure {
  row: number;
  sheet?: string;
  reason: string;
  /** The row was planned as an update (else as a create). */
  update: boolean;
}

export interface FeedOutcome {
  applied: number;
  failed: FeedFailure[];
}

export interface FeedTarget {
  importId: string;
  workspaceId: string;
  actor: string;
}

const rowKey = (r: { row: number; sheet?: string }) => `${r.sheet ?? ''}\n${r.row}`;

export class ChangeFeed {
  private readonly inFlight = new Set<Promise<void>>();
  private chunkNo = 0;

  constructor(
    private readonly config: Config,
    private readonly queue: ChangesQueue,
    private readonly queueEvents: QueueEvents,
    private readonly target: FeedTarget,
    private readonly onDone: (outcome: FeedOutcome) => void,
  ) {}

  /** Queues one chunk as one change; waits first while IN_FLIGHT chunks are being applied. */
  async submit(planned: PlannedChunk, text: string): Promise<void> {
    if (!planned.nodes.length && !planned.links.length) return;
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
    const { importId, workspaceId, actor } = this.target;
    const change: ImportChunkChange = {
      ...changeHeader({ workspaceId, actor }, uuidFromHash(`import-chunk\n${workspaceId}\n${importId}\n${text}`)),
      op: 'import:chunk',
      importId,
      chunk: this.chunkNo++,
      nodes: planned.nodes,
      links: planned.links,
    };
    await addJob(this.queue, this.config, 'changes:apply', { changes: [change] }, change.id);
    const done = this.settle(change).finally(() => this.inFlight.delete(done));
    this.inFlight.add(done);
  }

  /** Waits until every chunk queued so far is applied (nodes before the links that need them). */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private async settle(chunk: ImportChunkChange): Promise<void> {
    const rows = [...chunk.nodes, ...chunk.links];
    const updates = new Set(rows.filter((r) => r.update).map(rowKey));
    const failure = (r: { row: number; sheet?: string }, reason: string): FeedFailure => ({ row: r.row, ...(r.sheet !== undefined && { sheet: r.sheet }), reason, update: updates.has(rowKey(r)) });
    let result: JobResult;
    try {
      result = await this.waitFor(chunk.id);
    } catch (err) {
      return this.onDone({ applied: 0, failed: rows.map((r) => failure(r, `not applied: ${(err as Error).message}`)) });
    }
    if (result.applied.some((a) => a.changeId === chunk.id)) {
      const failed = (result.importRowFailures ?? []).map((f) => failure(f, `${f.code}: ${f.reason}`));
      return this.onDone({ applied: rows.length - failed.length, failed });
    }
    await this.rowByRow(chunk, failure);
  }

  /** The chunk was rejected as a whole: its rows as single changes in one job, each applied or failed alone. */
  private async rowByRow(chunk: ImportChunkChange, failure: (r: { row: number; sheet?: string }, reason: string) => FeedFailure): Promise<void> {
    const singles = singleChanges(chunk);
    const jobId = `${chunk.id}-rows`;
    let result: JobResult;
    try {
      await addJob(this.queue, this.config, 'changes:apply', { changes: singles.map((s) => s.change) }, jobId);
      result = await this.waitFor(jobId);
    } catch (err) {
      return this.onDone({ applied: 0, failed: singles.map((s) => failure(s, `not applied: ${(err as Error).message}`)) });
    }
    const byId = new Map(singles.map((s) => [s.change.id, s]));
    this.onDone({
      applied: result.applied.length,
      failed: result.failed.flatMap((f) => {
        const single = byId.get(f.changeId);
        return single ? [failure(single, `${f.code}: ${f.reason}`)] : [];
      }),
    });
  }

  private async waitFor(jobId: string): Promise<JobResult> {
    const job = await Job.fromId<unknown, JobResult>(this.queue, jobId);
    if (!job) throw new Error('the job disappeared from the queue');
    return job.waitUntilFinished(this.queueEvents, JOB_TIMEOUT_MS);
  }
}
