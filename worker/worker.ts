/**
 * The worker process: takes change jobs from the queue (many at once), applies them in batched
 * transactions through the batcher, and announces the results. A change that can never succeed fails
 * at once (UnrecoverableError); one that may succeed later (a link whose node is not there yet, the
 * database away) is retried with backoff, and lands in the failed list when attempts run out.
 */
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { z } from 'zod';
import { CHANGE_OPS, type Change } from '../domain/changes';
import type { AppliedChange } from '../domain/events';
import { CHANGES_QUEUE, INSIGHTS_QUEUE, changesOf, type InsightJobMap, type InsightJobName, type JobMap, type JobName, type JobResult } from '../domain/jobs';
import { failureText, rejection, type Rejection } from '../domain/rejections';
import type { Config } from '../api/infra/config';
import type { FailedChange } from '../api/infra/failed-changes';
import { redisOptions } from '../api/infra/redis';
import { raiseWorkspaceSeqs, WorkspaceSeqs } from '../api/infra/workspace-seq';
import { createCoreServices } from '../api/infra/services';
import { ProjectOverlaps } from '../api/services/project-overlaps';
import { Announcer } from './announce';
import { applyBatch, type Outcome } from './apply-changes';
import { ChangeBatcher } from './batcher';
import { InsightTrigger, insightJobFailure, processInsightJob, type InsightJob } from './insights';
import { MetricsScheduler, startMetricsWorker } from './metrics/job';
import { startImportWorker } from './import/import-worker';

type ChangeJob = Job<JobMap[JobName], JobResult, JobName>;

/** The envelope every change must have; its data is validated by the entity schemas when applied. */
const EnvelopeSchema = z.object({
  id: z.string().min(1),
  op: z.enum(CHANGE_OPS),
  workspaceId: z.string().min(1),
  actor: z.string().min(1),
  at: z.string().datetime({ offset: true }),
});

export interface RunningWorker {
  worker: Worker<JobMap[JobName], JobResult, JobName>;
  /** Follow-up insight jobs (project overlaps), debounced per project. */
  insights: Worker<InsightJobMap[InsightJobName], unknown, InsightJobName>;
  close(): Promise<void>;
}


export async function startWorker(config: Config): Promise<RunningWorker> {
  const core = createCoreServices(config, 'worker');
  const announcer = new Announcer(config, core.redis);
  // Network metrics: a queue and Worker of their own (concurrency 1), scheduled after applied changes.
  const metrics = new MetricsScheduler(config);
  const metricsWorker = await startMetricsWorker(config, core.db, core.redis, core.logger, metrics);
  // Insights: debounced follow-up jobs per changed project, on a queue of their own (worker/insights.ts).
  const insightsQueue = new Queue<InsightJobMap[InsightJobName], unknown, InsightJobName>(INSIGHTS_QUEUE, {
    connection: redisOptions(config, 'blocking'),
    prefix: config.REDIS_PREFIX,
  });
  const trigger = new InsightTrigger(core.db, insightsQueue, core.logger);
  const batcher = new ChangeBatcher(async (changes) => {
    const deletedEnds = await trigger.endsOfDeletedLinks(changes);
    const outcomes = await applyBatch(core.db, changes);
    const applied = outcomes.flatMap((o) => ('applied' in o ? [o.applied] : []));
    announcer.applied(applied);
    // Before the jobs complete (and ?wait answers): an API asked after that sees these seqs.
    await raiseWorkspaceSeqs(core.redis, config, applied).catch((err: Error) => core.logger.warn({ err }, 'workspace seqs not raised'));
    trigger.afterApplied(applied, deletedEnds);
    // An import's chunks do not: the import schedules its workspace's metrics once, when it ends.
    const changed = applied.filter((a) => a.event !== 'import:applied');
    if (changed.length) metrics.schedule(changed.map((a) => a.workspaceId)).catch((err) => core.logger.warn({ err }, 'metrics not scheduled'));
    return outcomes;
  }, config.BATCH_MAX);

  const failedRecord = (job: ChangeJob, change: Change, r: Pick<Rejection, 'code' | 'reason'>): FailedChange => ({
    changeId: change.id,
    workspaceId: change.workspaceId,
    op: change.op,
    actor: change.actor,
    code: r.code,
    reason: r.reason,
    attempts: job.attemptsMade + 1,
    failedAt: new Date().toISOString(),
    change,
  });

  async function processJob(job: ChangeJob): Promise<JobResult> {
    const raw = changesOf(job);
    const malformed = raw.findIndex((c) => !EnvelopeSchema.safeParse(c).success);
    if (malformed >= 0 || raw.length === 0) throw new UnrecoverableError(failureText(rejection('MALFORMED_JOB', `change ${malformed} of job ${job.id} is not a change event`)));
    const changes = raw as Change[];
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

    let outcomes: Outcome[];
    try {
      outcomes = await batcher.submit(changes);
    } catch (err) {
      // The database did not take the batch (away, or restarting): all of this job may succeed later.
      const r = rejection('DATABASE_UNAVAILABLE', (err as Error).message);
      if (finalAttempt) await announcer.failed(changes.map((c) => failedRecord(job, c, r)));
      throw new Error(failureText(r));
    }

    const rejected = outcomes.flatMap((o, i) => ('rejected' in o ? [{ change: changes[i], rejection: o.rejected }] : []));
    const retryLater = rejected.find((r) => r.rejection.retryable);
    if (retryLater && !finalAttempt) throw new Error(failureText(retryLater.rejection));
    if (rejected.length) await announcer.failed(rejected.map((r) => failedRecord(job, r.change, r.rejection)));
    if (job.name === 'change:apply' && rejected.length) throw new UnrecoverableError(failureText(rejected[0].rejection));

    const applied = outcomes.flatMap((o) => ('applied' in o ? [o.applied] : []));
    return {
      applied: applied.map((a) => ({ changeId: a.changeId, seq: a.seq })),
      failed: rejected.map((r) => ({ changeId: r.change.id, code: r.rejection.code, reason: r.rejection.reason })),
      ...(job.name === 'change:apply' && { change: applied[0] }),
      ...importRowFailures(applied),
      ...((job.data as JobMap['changes:apply']).grouped && { events: applied }),
    };
  }

  const worker = new Worker<JobMap[JobName], JobResult, JobName>(CHANGES_QUEUE, processJob, {
    connection: redisOptions(config, 'blocking'),
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
  });
  worker.on('error', (err) => core.logger.error({ err }, 'worker error'));
  // Seqs from Redis (no subscription: insight jobs come after the changes they are about).
  const overlaps = new ProjectOverlaps(core.db, { seqs: new WorkspaceSeqs(core.db, core.redis, config, core.logger) });
  const insights = new Worker<InsightJobMap[InsightJobName], unknown, InsightJobName>(
    INSIGHTS_QUEUE,
    (job: InsightJob) => processInsightJob(job, overlaps, announcer),
    { connection: redisOptions(config, 'blocking'), prefix: config.REDIS_PREFIX, concurrency: 4 },
  );
  insights.on('error', (err) => core.logger.error({ err }, 'insights worker error'));
  insights.on('failed', (job, err) => core.logger.warn(insightJobFailure(job, err), 'insight job failed'));
  await Promise.all([worker.waitUntilReady(), insights.waitUntilReady()]);
  // Imports: a queue and Worker of their own; they feed their changes into the changes queue above.
  const imports = await startImportWorker(config, core, announcer, metrics);
  core.logger.info({ concurrency: config.WORKER_CONCURRENCY, batchMax: config.BATCH_MAX }, 'worker started');

  return {
    worker,
    insights,
    async close() {
      await imports.close();
      await worker.close();
      await insights.close();
      await insightsQueue.close();
      await Promise.allSettled([metricsWorker.close(), metrics.close()]);
      await core.close();
    },
  };
}

/** The rows of import chunks that were not applied, for the import job waiting on this one. */
function importRowFailures(applied: AppliedChange[]): Pick<JobResult, 'importRowFailures'> {
  const failures = applied.flatMap((a) => (a.event === 'import:applied' ? a.failedRows : []));
  return failures.length ? { importRowFailures: failures } : {};
}
