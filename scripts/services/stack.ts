/**
 * The backing services of one run (Neo4j and Redis): embedded Neo4j and a local redis-server when the
 * configuration does not name them, checks that the named ones answer otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../api/infra/config';
import { portAnswers, startEmbeddedNeo4j, stopEmbeddedNeo4jByPidFile } from './neo4j-embedded';
import { pidRuns, readPidFile, waitForExit } from './processes';
import { ensureRedis } from './redis-local';

/** Names the embedded launcher's processes (to tell them from a program that took over their pid). */
export const NEO4J_LAUNCHER_CLASS = 'fi.verkosto.neo4j.Launcher';

export interface StackProfile {
  /** Folder for the embedded Neo4j, relative to DATA_DIR. */
  neo4jDir: string;
  neo4jPort: number;
  /** Delete the embedded Neo4j data first, so the run starts from an empty database. */
  fresh: boolean;
  /** Show the launcher's output. */
  verbose?: boolean;
  /** Called with the pid of a process this run started, to record it for `npm stop`. */
  onStarted?(service: 'neo4j' | 'redis', pid: number | undefined): void;
}

export interface Stack {
  neo4jUri: string;
  redisUrl: string;
  stop(): Promise<void>;
}

export async function startStack(config: Config, profile: StackProfile): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch((err: Error) => process.stderr.write(`${err.message}\n`));
  };
  try {
    const neo4jUri = await startNeo4j(config, profile, stops);
    const redisUrl = await startRedis(config, profile, stops);
    return { neo4jUri, redisUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function startNeo4j(config: Config, profile: StackProfile, stops: (() => Promise<void>)[]): Promise<string> {
  if (!config.neo4jEmbedded) {
    const { hostname, port } = new URL(config.NEO4J_URI.replace(/^[a-z+]+:/, 'http:'));
    if (!(await portAnswers(Number(port || 7687), hostname, 3_000))) throw new Error(`Neo4j at ${config.NEO4J_URI} does not answer`);
    return config.NEO4J_URI;
  }
  const dataDir = path.join(config.DATA_DIR, profile.neo4jDir);
  if (profile.fresh) {
    await stopLeftoverLauncher(dataDir, profile.neo4jPort);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const neo4j = await startEmbeddedNeo4j({
    rootDir: config.rootDir,
    dataDir,
    port: profile.neo4jPort,
    heap: config.NEO4J_HEAP,
    verbose: profile.verbose ?? false,
  });
  if (neo4j.process) {
    process.stdout.write(`neo4j: embedded Neo4j on ${neo4j.uri} (data in ${path.relative(config.rootDir, dataDir) || dataDir})\n`);
    profile.onStarted?.('neo4j', neo4j.process.pid);
  }
  stops.push(() => neo4j.stop());
  return neo4j.uri;
}

/** A launcher left running by an interrupted run on this data folder would otherwise be reused, or lose its files under it. */
async function stopLeftoverLauncher(dataDir: string, port: number): Promise<void> {
  if (!(await portAnswers(port))) return;
  const pid = readPidFile(path.join(dataDir, 'launcher.pid'));
  if (pid !== undefined && pidRuns(pid, NEO4J_LAUNCHER_CLASS) && stopEmbeddedNeo4jByPidFile(dataDir)) {
    process.stdout.write(`neo4j: stopping the launcher left running on port ${port} (pid ${pid})...\n`);
    await waitForExit(pid, 60_000);
  }
  for (let i = 0; i < 50 && (await portAnswers(port)); i++) await new Promise((r) => setTimeout(r, 200));
  if (await portAnswers(port)) {
    throw new Error(`port ${port} is taken by another program; free it, or give NEO4J_URI to use a Neo4j of your own`);
  }
}

async function startRedis(config: Config, profile: StackProfile, stops: (() => Promise<void>)[]): Promise<string> {
  if (!config.redisManaged) {
    const { hostname, port } = new URL(config.REDIS_URL);
    if (!(await portAnswers(Number(port || 6379), hostname, 3_000))) throw new Error(`Redis at ${config.REDIS_URL} does not answer`);
    return config.REDIS_URL;
  }
  const redis = await ensureRedis(config.REDIS_URL, config.DATA_DIR);
  if (redis.process) {
    profile.onStarted?.('redis', redis.process.pid);
    stops.push(() => redis.stop());
  }
  return redis.url;
}
