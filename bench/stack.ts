/**
 * One configuration under test: the API (port 0) and the worker started in this process with a Redis
 * prefix of their own, plus a monitor of this process's memory, CPU and event-loop delay.
 */
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Config } from '../api/infra/config';
import { createGraphDb } from '../api/infra/neo4j';
import { createRedis } from '../api/infra/redis';
import { startApiServer, type ApiServer } from '../api/server';
import { startWorker, type RunningWorker } from '../worker/worker';
import { deleteKeys, keyPatternsOf } from '../scripts/services/redis-keys';

export async function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Stack {
  config: Config;
  api: ApiServer;
  worker: RunningWorker;
  close(): Promise<void>;
}

export async function startStack(config: Config): Promise<Stack> {
  const worker = await deadline(startWorker(config), 30_000, 'starting the worker');
  let api: ApiServer;
  try {
    api = await deadline(startApiServer(config), 30_000, 'starting the API');
  } catch (err) {
    await deadline(worker.close(), 15_000, 'closing the worker').catch(() => {});
    throw err;
  }
  return {
    config,
    api,
    worker,
    async close() {
      const errors: string[] = [];
      await deadline(api.close(), 15_000, 'closing the API').catch((e: Error) => errors.push(e.message));
      await deadline(worker.close(), 15_000, 'closing the worker').catch((e: Error) => errors.push(e.message));
      const redis = createRedis(config);
      await deadline(deleteKeys(redis, keyPatternsOf(config.REDIS_PREFIX)), 30_000, 'deleting the Redis keys').catch((e: Error) =>
        errors.push(e.message),
      );
      redis.disconnect();
      if (errors.length) throw new Error(errors.join('; '));
    },
  };
}

export interface ProcessSample {
  rssStart: number;
  rssPeak: number;
  rssEnd: number;
  heapPeak: number;
  /** CPU time of this process (user + system) over wall time, in % of one core. */
  cpuPercent: number;
  /** Event-loop delay of this process while measuring. */
  loopP99Ms: number;
  loopMaxMs: number;
  /** The machine's 1-minute load average when the scenario ended (other processes compete for the CPUs). */
  loadAvg: number;
}

/** Samples this process's memory every 50 ms and measures CPU and event-loop delay until stop(). */
export function monitorProcess(): { stop(): ProcessSample } {
  const rssStart = process.memoryUsage.rss();
  let rssPeak = rssStart;
  let heapPeak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 50);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      clearInterval(timer);
      loop.disable();
      const cpu = process.cpuUsage(cpu0);
      const wallMs = performance.now() - t0;
      const rssEnd = process.memoryUsage.rss();
      return {
        rssStart,
        rssPeak: Math.max(rssPeak, rssEnd),
        rssEnd,
        heapPeak,
        cpuPercent: ((cpu.user + cpu.system) / 1000 / wallMs) * 100,
        loopP99Ms: loop.percentile(99) / 1e6,
        loopMaxMs: loop.max / 1e6,
        loadAvg: os.loadavg()[0],
      };
    },
  };
}

/** Removes the benchmark's workspaces, their nodes and their change log from Neo4j. */
export async function deleteWorkspaces(config: Config, workspaceIds: string[]): Promise<void> {
  if (!workspaceIds.length) return;
  const db = createGraphDb(config);
  const session = db.driver.session({ database: config.NEO4J_DATABASE });
  try {
    const work = async () => {
      await session.run(
        `MATCH (n:Entity)-[:IN_WORKSPACE]->(w:Workspace) WHERE w.id IN $ids
         CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
        { ids: workspaceIds },
      );
      await session.run(
        `MATCH (c:Change) WHERE c.workspaceId IN $ids
         CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 5000 ROWS`,
        { ids: workspaceIds },
      );
      await session.run('MATCH (w:Workspace) WHERE w.id IN $ids DETACH DELETE w', { ids: workspaceIds });
    };
    await deadline(work(), 120_000, 'deleting the benchmark workspaces');
  } finally {
    await session.close().catch(() => {});
    await db.close().catch(() => {});
  }
}
