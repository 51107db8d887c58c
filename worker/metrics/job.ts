/**
 * The 'metrics:compute' job: after changes of a workspace are applied the worker schedules it; it
 * reads the workspace's graph, computes the metrics (compute.ts), stores them on the nodes in one
 * batched write and tells the workspace's room ('metrics:updated').
 *
 * Debounce: the job is added with a delay of METRICS_DEBOUNCE_MS and BullMQ deduplication on the
 * workspace id with the same ttl, so a burst of changes within that window makes one job (later adds
 * are ignored while it waits). It reads the graph when it runs, so it sees every change of the burst
 * (latest wins); a change arriving once it has started schedules the next run. It runs on a queue of
 * its own with its own Worker at concurrency 1, so computing never holds up change jobs in Redis.
 * Graphs above INLINE_LIMIT nodes are computed in a worker thread, so the event loop that takes and
 * applies change jobs is not held up (see README for the figures).
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Emitter } from '@socket.io/redis-emitter';
import { METRICS_QUEUE, type MetricsJobMap, type MetricsJobName, type MetricsJobResult } from '../../domain/jobs';
import { workspaceRoom, type MetricsUpdated, type ServerToClientEvents } from '../../domain/events';
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

export class MetricsScheduler {
  readonly queue: MetricsQueue;

  constructor(private readonly config: Config) {
    this.queue = new Queue(METRICS_QUEUE, { connection: redisOptions(config, 'blocking'), prefix: config.REDIS_PREFIX });
  }

  /** Schedules a (debounced) recomputation of each workspace's metrics. */
  async schedule(workspaceIds: Iterable<string>): Promise<void> {
    const delay = this.config.METRICS_DEBOUNCE_MS;
    await Promise.all(
      [...new Set(workspaceIds)].map((workspaceId) =>
        this.queue.add(
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
        ),
      ),
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
  emitter?.to(workspaceRoom(workspaceId)).emit('metrics:updated', event);
  return { ...event, durationMs: result.durationMs };
}

export async function startMetricsWorker(config: Config, db: GraphDb, redis: Redis, logger: Logger): Promise<MetricsWorker> {
  const emitter = new Emitter<ServerToClientEvents>(redis, { key: socketChannelKey(config) });
  const worker = new Worker<MetricsJobMap[MetricsJobName], MetricsJobResult, MetricsJobName>(
    METRICS_QUEUE,
    async (job: Job<MetricsJobMap[MetricsJobName], MetricsJobResult, MetricsJobName>) => {
      const { workspaceId } = job.data;
      const done = await runMetrics(db, emitter, workspaceId);
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
