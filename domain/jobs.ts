/** The typed map of job names and payloads on the changes queue. */
import type { Change } from './changes';
import type { AppliedChange } from './events';

export interface JobMap {
  /** One change from a single-entity request; the worker micro-batches these into transactions. */
  'change:apply': { change: Change };
  /** Many changes from one batch request, applied in as few transactions as possible, in order. */
  'changes:apply': { changes: Change[] };
}
export type JobName = keyof JobMap;

/** What a job returns (kept in Redis for a while, so batches report ids and seqs only). */
export interface JobResult {
  applied: { changeId: string; seq: number }[];
  failed: { changeId: string; code: string; reason: string }[];
  /** The applied event of a single change, with the stored entity. */
  change?: AppliedChange;
}

export const CHANGES_QUEUE = 'verkosto-changes';
