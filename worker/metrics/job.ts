/**
 * The 'metrics:compute' job: after changes of a workspace are applied the worker schedules it; it
 * reads the workspace's graph, computes the metrics (compute.ts), stores them on the nodes in one
 * batched write and tells the workspace's clients that want metrics ('metrics:updated', workspaceMetricsRoom).
 *
 * Debounce: the job is added with a delay of METRICS_DEBOUNCE_MS and BullMQ deduplication on the
 * workspace id with the same ttl, so a burst of changes within that window makes one job (later adds
 * are ignored while it waits). It reads the graph when it runs, so it sees every change of the burst
 * (latest wins); a change arriving once it has started schedules the next run — no sooner than
 * METRICS_MIN_INTERVAL_MS (or 4 × its computing time) after the last one started, so that a workshop's
 * steady stream of changes does not keep the database rewriting every node's metrics. It runs on a queue of
 * its own with its own Worker at concurrency 1, so computing never holds up change jobs in Redis.
 * Graphs above INLINE_LIMIT nodes are computed in a worker thread, so the event loop that takes and
 * applies change jobs is not held up (see README for the figures).
 */
import { DelayedError, Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Emitter } from '@socket.io/redis-emitter';
import { METRICS_QUEUE, type MetricsJobMap, type MetricsJobName, type MetricsJobResult } from '../../domain/jobs';
import { workspaceMetricsRoom, type MetricsUpdated, type ServerToClientEvents } from '../../domain/events';
import type { Config } from '../../api/infra/config';
import type { Logger } from '../../api/infra/logger';
import type { GraphDb } from '../../api/infra/neo4j';
import { socketChannelKey } from '../../api/infra/queue';
import { redisOptions } from '../../api/infra/redis';
import type { MetricsInputEdge, MetricsInputNode, NodeMetrics } from './compute';
import { computeMetricsOffThread } from './compute-thread';

type MetricsQueue = Queue<MetricsJobMap[MetricsJobName], MetricsJobResult, MetricsJobName>;

/** metrics_* properties stored on a node, from its computed metrics. */
export function metricsProperties(m: NodeMetrics): Record<string, number | boolean | null> {
  return {
    metrics_degree: m.degree,
    metrics_weightedDegree: m.weightedDegree,
    metrics_betweenness: m.betweenness,
    metrics_closeness: m.closeness,
    metrics_pagerank: m.pagerank,
    metrics_eigenvector: m.eigenvector,
    metrics_community: m.community,
    metrics_kcore: m.kcore,
    metrics_broker: m.broker,
    metrics_brokerCities: m.brokerCities,
    metrics_brokerRegions: m.brokerRegions,
  };
}

/** A run may follow the previous one only after this many times its computing time (see METRICS_MIN_INTERVAL_MS). */
const RUN_SPACING_FACTOR = 4;

export class MetricsScheduler {
  readonly queue: MetricsQueue;
  /** When each workspace's last run (by this process's metrics worker) started, and how long it took. */
  private readonly lastRuns = new Map<string, { startedAt: number; durationMs: number }>();

  constructor(private readonly config: Config) {
    this.queue = new Queue(METRICS_QUEUE, { connection: redisOptions(config, 'blocking'), prefix: config.REDIS_PREFIX });
  }

  /** A run starts: the next one is spaced from now (a change during the run schedules it). */
  noteStart(workspaceId: string): void {
    const last = this.lastRuns.get(workspaceId);
    this.lastRuns.set(workspaceId, { startedAt: Date.now(), durationMs: last?.durationMs ?? 0 });
  }

  noteRun(workspaceId: string, durationMs: number): void {
    this.lastRuns.set(workspaceId, { startedAt: Date.now() - durationMs, durationMs });
  }

  /** How long until another run may start: runs start at least the spacing apart (0 when one may now). */
  spacingLeft(workspaceId: string, now = Date.now()): number {
    const last = this.lastRuns.get(workspaceId);
    if (!last) return 0;
    const spacing = Math.max(this.config.METRICS_MIN_INTERVAL_MS, RUN_SPACING_FACTOR * last.durationMs);
    return Math.max(0, last.startedAt + spacing - now);
  }

  /** The debounce, or longer while the last run is recent: spacing runs out under a steady stream of changes. */
  delayFor(workspaceId: string, now = Date.now()): number {
    return Math.max(this.config.METRICS_DEBOUNCE_MS, this.spacingLeft(workspaceId, now));
  }

  /** Schedules a (debounced) recomputation of each workspace's metrics. */
  async schedule(workspaceIds: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(workspaceIds)].map((workspaceId) => {
        const delay = this.delayFor(workspaceId);
        return this.queue.add(
          'metrics:compute',
          { workspaceId },
          {
            delay,
            deduplication: { id: `metrics:${workspaceId}`, ttl: Math.max(1, delay) },
            attempts: 3,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: 600, count: 100 },
            removeOnFail: { age: 24 * 3600, count: 1000 },
          },
        );
      }),
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}

export interface MetricsWorker {
  worker: Worker<MetricsJobMap[MetricsJobName], MetricsJobResult, MetricsJobName>;
  close(): Promise<void>;
}

/** Reads, computes, stores and announces the metrics of one workspace. */
export async function runMetrics(db: GraphDb, emitter: Emitter<ServerToClientEvents> | null, workspaceId: string): Promise<MetricsUpdated & { durationMs: number }> {
  const graph = await db.transaction('READ', async (tx) => ({
    nodes: await tx.run<MetricsInputNode>('metrics-graph-nodes', { workspaceId }),
    edges: await tx.run<MetricsInputEdge>('metrics-graph-edges', { workspaceId }),
  }));
  const result = await computeMetricsOffThread(graph.nodes, graph.edges);
  const computedAt = new Date().toISOString();
  await db.write('metrics-store', { workspaceId, rows: result.nodes.map((n) => ({ id: n.id, metrics: metricsProperties(n) })) });
  await db.write('metrics-summary-store', {
    workspaceId,
    computedAt,
    modularity: result.modularity,
    communityCount: result.communityCount,
    notes: result.algorithmNotes,
    nodeCount: result.nodes.length,
  });
  const event: MetricsUpdated = {
    workspaceId,
    computedAt,
    algorithmNotes: result.algorithmNotes,
    modularity: result.modularity,
    communityCount: result.communityCount,
    nodes: result.nodes,
  };
  emitter?.to(workspaceMetricsRoom(workspaceId)).emit('metrics:updated', event);
  return { ...event, durationMs: result.durationMs };
}

export async function startMetricsWorker(config: Config, db: GraphDb, redis: Redis, logger: Logger, scheduler?: MetricsScheduler): Promise<MetricsWorker> {
  const emitter = new Emitter<ServerToClientEvents>(redis, { key: socketChannelKey(config) });
  const worker = new Worker<MetricsJobMap[MetricsJobName], MetricsJobResult, MetricsJobName>(
    METRICS_QUEUE,
    async (job: Job<MetricsJobMap[MetricsJobName], MetricsJobResult, MetricsJobName>, token?: string) => {
      const { workspaceId } = job.data;
      // A job added while the previous run was still waiting to start: it waits out the spacing too.
      const early = scheduler?.spacingLeft(workspaceId) ?? 0;
      if (early > 0 && token) {
        await job.moveToDelayed(Date.now() + early, token);
        throw new DelayedError();
      }
      const started = Date.now();
      scheduler?.noteStart(workspaceId);
      const done = await runMetrics(db, emitter, workspaceId);
      scheduler?.noteRun(workspaceId, Date.now() - started);
      logger.info({ workspaceId, nodes: done.nodes.length, durationMs: done.durationMs }, 'metrics computed');
      return { workspaceId, computedAt: done.computedAt, nodeCount: done.nodes.length, durationMs: done.durationMs };
    },
    { connection: redisOptions(config, 'blocking'), prefix: config.REDIS_PREFIX, concurrency: 1 },
  );
  worker.on('error', (err) => logger.error({ err }, 'metrics worker error'));
  worker.on('failed', (job, err) => logger.warn({ err, workspaceId: job?.data.workspaceId }, 'metrics job failed'));
  await worker.waitUntilReady();
  return { worker, close: () => worker.close() };
}
