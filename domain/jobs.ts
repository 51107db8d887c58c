/** The typed map of job names and payloads on the changes queue. */
import type { Change } from './changes';
import type { AppliedChange, ImportRowFailure } from './events';
import type { ImportJobData } from './imports';

export interface JobMap {
  /** One change; the worker micro-batches these into transactions. */
  'change:apply': { change: Change };
  /**
   * Many changes, applied in order in as few transactions as possible: one batch request, or (grouped)
   * the single-change requests an API process received within a few milliseconds of each other.
   */
  'changes:apply': { changes: Change[]; grouped?: boolean };
}
export type JobName = keyof JobMap;

/** What a job returns (kept in Redis for a while, so batches report ids and seqs only). */
export interface JobResult {
  applied: { changeId: string; seq: number }[];
  failed: { changeId: string; code: string; reason: string }[];
  /** The applied event of a single change, with the stored entity. */
  change?: AppliedChange;
  /** For grouped jobs: every applied event, so each waiting request can answer with its entity. */
  events?: AppliedChange[];
  /** Import chunks: the rows that were not applied (the chunk's change is applied all the same). */
  importRowFailures?: ImportRowFailure[];
}

export const CHANGES_QUEUE = 'verkosto-changes';

/**
 * The metrics queue (its own BullMQ Worker, concurrency 1, so that computing never holds up changes):
 * one debounced job per workspace, enqueued after its changes are applied (see worker/metrics/).
 */
export interface MetricsJobMap {
  'metrics:compute': { workspaceId: string };
}
export type MetricsJobName = keyof MetricsJobMap;
export interface MetricsJobResult {
  workspaceId: string;
  computedAt: string;
  nodeCount: number;
  durationMs: number;
}
export const METRICS_QUEUE = 'verkosto-metrics';

/** The changes a job carries (unchecked: a job's data comes from Redis and may be malformed). */
export function changesOf(job: { name: string; data: unknown }): unknown[] {
  if (job.name === 'change:apply') return [(job.data as JobMap['change:apply']).change];
  const { changes } = job.data as JobMap['changes:apply'];
  return Array.isArray(changes) ? changes : [changes];
}

/**
 * Follow-up jobs on the insights queue: after a change that creates or edits a project (or adds or
 * removes its FOCUSES_ON, LEADS, PARTNER_IN or LOCATED_IN links), the worker computes what it means.
 * Debounced per project (see insightJobKey): a burst of changes to one project is one job.
 */
export interface InsightJobMap {
  /** The project's cross-city overlaps, announced as 'insight:overlaps' to the workspace room. */
  'insights:overlaps': { workspaceId: string; projectId: string };
}
export type InsightJobName = keyof InsightJobMap;

export const INSIGHTS_QUEUE = 'verkosto-insights';

/** The deduplication key of a project's insight job (BullMQ ids must not contain ':'). */
export const insightJobKey = (name: InsightJobName, workspaceId: string, projectId: string) =>
  `${name.replace(/:/g, '-')}|${workspaceId}|${projectId}`;

/** The imports queue (its own BullMQ Worker in the worker process): one job per uploaded file (worker/import/). */
export interface ImportJobMap {
  'import:run': ImportJobData;
}
export type ImportJobName = keyof ImportJobMap;
export const IMPORTS_QUEUE = 'verkosto-imports';
