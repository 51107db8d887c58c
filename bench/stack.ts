/**
 * One configuration under test: the API (port 0) and the worker started in this process with a Redis
 * prefix of their own, plus a monitor of this process's memory, CPU and event-loop delay.
 */
import { loadConfig, type Config } from '../api/infra/config';
import { createGraphDb } from '../api/infra/neo4j';
import { createRedis } from '../api/infra/redis';
import { startApiServer, type ApiServer } from '../api/server';
import { startWorker, type RunningWorker } from '../worker/worker';
import { deleteKeys, keyPatternsOf } from '../scripts/services/redis-keys';
import { seedDemo } from '../scripts/seed';

export { monitorProcess, type ProcessSample } from './process-monitor';

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

/** The parsed settings as an environment object, to derive variants through loadConfig({...}). */
export function envOf(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(config)) {
    if (k === 'neo4jEmbedded' || k === 'redisManaged' || k === 'rootDir' || v === undefined) continue;
    env[k] = String(v);
  }
  return env;
}

/**
 * The Redis prefix of a benchmark run: never the development prefix itself (scenarios then use
 * <this>-<scenario>, whose keys are deleted when the scenario's stack closes).
 */
export const benchPrefix = (base: Config, runId: string) =>
  base.REDIS_PREFIX === 'verkosto' ? `verkosto-bench-${runId}` : `${base.REDIS_PREFIX}-${runId}`;

/** Checks that Redis answers and applies the Cypher schema (idempotent) before anything is measured. */
export async function preflight(base: Config): Promise<void> {
  const redis = createRedis(base);
  let redisError = '';
  redis.on('error', (err: Error) => (redisError = err.message));
  try {
    await deadline(redis.ping(), 5_000, `Redis at ${base.REDIS_URL}: PING`);
  } catch (err) {
    throw new Error(`Redis at ${base.REDIS_URL} does not answer: ${redisError || (err as Error).message}`);
  } finally {
    redis.disconnect();
  }
  const schemaConfig = loadConfig({ ...envOf(base), SEED_DEMO: 'false' });
  await deadline(seedDemo(schemaConfig), 120_000, 'applying the Cypher schema');
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

/**
 * Removes the benchmark's workspaces from Neo4j: their nodes, their change log, their workshops with
 * the workshops' participants, and the given facilitator accounts (by e-mail).
 */
export async function deleteWorkspaces(config: Config, workspaceIds: string[], userEmails: string[] = []): Promise<void> {
  if (!workspaceIds.length && !userEmails.length) return;
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
      await session.run(
        `MATCH (w:Workshop) WHERE w.workspaceId IN $ids
         OPTIONAL MATCH (p:Participant {workshopId: w.id})
         DETACH DELETE p, w`,
        { ids: workspaceIds },
      );
      await session.run('MATCH (w:Workspace) WHERE w.id IN $ids DETACH DELETE w', { ids: workspaceIds });
      if (userEmails.length) await session.run('MATCH (u:User) WHERE u.email IN $emails DETACH DELETE u', { emails: userEmails });
    };
    await deadline(work(), 120_000, 'deleting the benchmark workspaces');
  } finally {
    await session.close().catch(() => {});
    await db.close().catch(() => {});
  }
}
