/**
 * Event-driven insight: after the worker applies a change that creates or edits a project, or adds or
 * removes one of its FOCUSES_ON, LEADS, PARTNER_IN or LOCATED_IN links, an 'insights:overlaps' job
 * follows on the insights queue. It is debounced per project (BullMQ deduplication by workspace and
 * project, delay reset by every further change), so a burst of changes to one project (create, then its
 * links) is one job, run once the burst is over. The job computes the project's overlaps with projects
 * in other cities and announces them as 'insight:overlaps' to the workspace room through Redis. A job
 * whose payload can never succeed fails at once; one whose project is gone or overlaps with nothing
 * announces nothing.
 */
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { z } from 'zod';
import type { Change } from '../domain/changes';
import { perEntityEvents, type AppliedChange } from '../domain/events';
import { insightJobKey, type InsightJobMap, type InsightJobName } from '../domain/jobs';
import type { RelationshipType } from '../domain/relationships';
import type { GraphDb } from '../api/infra/neo4j';
import type { Logger } from '../api/infra/logger';
import type { ProjectOverlaps } from '../api/services/project-overlaps';
import type { Announcer } from './announce';

export type InsightJob = Job<InsightJobMap[InsightJobName], unknown, InsightJobName>;
type InsightQueue = Queue<InsightJobMap[InsightJobName], unknown, InsightJobName>;

/** How long a project must stay unchanged before its insight job runs. */
export const INSIGHT_DEBOUNCE_MS = 400;

/** Links that change what a project overlaps with, and which end is the project. */
const PROJECT_END: Partial<Record<RelationshipType, 'source' | 'target'>> = {
  FOCUSES_ON: 'source',
  LOCATED_IN: 'source',
  LEADS: 'target',
  PARTNER_IN: 'target',
};

const InsightPayloadSchema = z.object({ workspaceId: z.string().min(1).max(200), projectId: z.string().min(1).max(200) });

export class InsightTrigger {
  constructor(
    private readonly db: GraphDb,
    private readonly queue: InsightQueue,
    private readonly logger: Logger,
  ) {}

  /**
   * The ends of the project links a batch is about to delete (a deletion's event carries only the link's
   * id and type). Read before the batch is applied; a failure here only costs the insight.
   */
  async endsOfDeletedLinks(changes: readonly Change[]): Promise<Map<string, { source: string; target: string }>> {
    const relIds = changes.flatMap((c) => (c.op === 'relationship:delete' && PROJECT_END[c.relType] ? [c.relId] : []));
    if (!relIds.length) return new Map();
    try {
      const rows = await this.db.read<{ id: string; source: string; target: string }>('relationship-ends', { relIds });
      return new Map(rows.map((r) => [r.id, { source: r.source, target: r.target }]));
    } catch (err) {
      this.logger.warn({ err }, 'could not read the ends of deleted links for insights');
      return new Map();
    }
  }

  /** Queues one debounced job per touched project (never waits, never throws). */
  afterApplied(applied: readonly AppliedChange[], deletedEnds: ReadonlyMap<string, { source: string; target: string }>): void {
    const touched = new Map<string, { workspaceId: string; projectId: string }>();
    const note = (workspaceId: string, projectId: string | undefined) => {
      if (projectId) touched.set(`${workspaceId}\n${projectId}`, { workspaceId, projectId });
    };
    for (const c of perEntityEvents(applied)) {
      switch (c.event) {
        case 'node:created':
        case 'node:updated':
        case 'node:merged':
          if (c.node.type === 'Project') note(c.workspaceId, c.node.id);
          break;
        case 'node:unmerged':
          if (c.node.type === 'Project') {
            note(c.workspaceId, c.node.id);
            note(c.workspaceId, c.restored.id);
          }
          break;
        case 'relationship:created':
        case 'relationship:updated': {
          const end = PROJECT_END[c.edge.type];
          if (end) note(c.workspaceId, c.edge[end]);
          break;
        }
        case 'relationship:deleted': {
          const end = PROJECT_END[c.edge.type];
          const ends = deletedEnds.get(c.edge.id);
          if (end && ends) note(c.workspaceId, ends[end]);
          break;
        }
        default:
          break;
      }
    }
    for (const data of touched.values()) {
      const id = insightJobKey('insights:overlaps', data.workspaceId, data.projectId);
      this.queue
        .add('insights:overlaps', data, {
          delay: INSIGHT_DEBOUNCE_MS,
          deduplication: { id, ttl: INSIGHT_DEBOUNCE_MS, extend: true, replace: true },
          attempts: 3,
          backoff: { type: 'exponential', delay: 500 },
          removeOnComplete: true,
          removeOnFail: { age: 24 * 3600, count: 1000 },
        })
        .catch((err: unknown) => this.logger.warn({ err, ...data }, 'could not queue an insight job'));
    }
  }
}

/** Runs one insight job: computes the project's overlaps and announces them. */
export async function processInsightJob(job: InsightJob, overlaps: ProjectOverlaps, announcer: Announcer): Promise<{ announced: number }> {
  if (job.name !== 'insights:overlaps') throw new UnrecoverableError(`MALFORMED_JOB: unknown insight job "${String(job.name)}"`);
  const parsed = InsightPayloadSchema.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`MALFORMED_JOB: insight job ${job.id} needs {workspaceId, projectId}`);
  const insight = await overlaps.insight(parsed.data.workspaceId, parsed.data.projectId);
  if (!insight) return { announced: 0 };
  announcer.overlapInsight(insight);
  return { announced: insight.overlaps.length };
}

export function insightJobFailure(job: InsightJob | undefined, err: Error): Record<string, unknown> {
  return { jobId: job?.id, name: job?.name, data: job?.data, reason: err.message };
}
