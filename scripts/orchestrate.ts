/**
 * Runs Verkosto's commands once scripts/bootstrap.mjs has made sure dependencies exist:
 *
 *   start  build the client if needed, start (or reuse) Neo4j and Redis, seed, run API + worker, stay in foreground
 *   stop   stop what `start` runs, from the pid files in .data/run
 *   test   clean embedded Neo4j on its own port, Redis, then jest with a Redis prefix of the run's own
 *   bench  the same services as test (own port and data), then bench/run.ts
 *
 * Settings come from loadConfig(); children get them through childEnv().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { childEnv, ConfigError, loadConfig, type Config } from '../api/infra/config';
import { createRedis } from '../api/infra/redis';
import { ensureClientBuilt } from './services/client-build';
import { portAnswers, stopEmbeddedNeo4jByPidFile } from './services/neo4j-embedded';
import {
  acquireLock,
  exitCodeOf,
  pidRuns,
  readPidFile,
  removePidFile,
  spawnTs,
  stopByPidFile,
  stopChild,
  waitForExit,
  waitForHttpOk,
  writePidFile,
} from './services/processes';
import { deleteKeys, keyPatternsOf } from './services/redis-keys';
import { NEO4J_LAUNCHER_CLASS, startStack, type Stack } from './services/stack';
import { ensureChromium } from './services/system';

type Command = 'start' | 'stop' | 'test' | 'bench';

/** Offsets from NEO4J_EMBEDDED_PORT (7687): tests on 7697 and benchmarks on 7698 never touch the dev database. */
const TEST_PORT_OFFSET = 10;
const BENCH_PORT_OFFSET = 11;
/** Jest options that only print something; no services are started for them. */
const JEST_INFO_ONLY = new Set(['--listTests', '--showConfig', '--help', '-h', '--version', '-v']);
const MARKERS = { orchestrator: 'orchestrate.ts start', api: 'api/main.ts', worker: 'worker/main.ts', redis: 'redis-server' } as const;

class Interrupted extends Error {}

const say = (message: string) => process.stdout.write(`${message}\n`);

// ---- lifecycle: clean-up steps run in reverse order, once, on the way out --------------------------

const cleanups: (() => Promise<void> | void)[] = [];
let cleaning: Promise<void> | undefined;
let interrupted = false;
/** The child that owns the terminal (jest, the benchmark): signals go to it and its exit ends the run. */
let foreground: ChildProcess | undefined;
/** Set once `start` runs: a signal then means a clean stop with exit code 0. */
let serving = false;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const step = cleanups.pop()!;
      try {
        await step();
      } catch (err) {
        process.stderr.write(`clean-up: ${(err as Error).message}\n`);
      }
    }
  })();
  return cleaning;
}

async function exit(code: number): Promise<never> {
  await cleanup();
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals) {
  if (foreground && foreground.exitCode === null && foreground.signalCode === null) {
    foreground.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
    return;
  }
  if (cleaning) {
    say(`${signal} again: leaving without waiting (npm stop cleans up what is left)`);
    process.exit(130);
  }
  if (serving) {
    say('\nstopping Verkosto...');
    void exit(0);
    return;
  }
  interrupted = true;
  say(`\n${signal}: stopping after the current step...`);
}

/** Between start-up steps: leave when a signal arrived meanwhile. */
function checkpoint() {
  if (interrupted) throw new Interrupted();
}

// ---- commands --------------------------------------------------------------------------------

const runDir = (config: Config) => path.join(config.DATA_DIR, 'run');
const pidFileOf = (config: Config, name: keyof typeof MARKERS) => path.join(runDir(config), `${name}.pid`);
const randomSuffix = () => crypto.randomBytes(4).toString('hex');

function localBaseUrl(config: Config): string {
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST === '::' ? '::1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
}

async function start(config: Config): Promise<void> {
  const orchestratorPid = pidFileOf(config, 'orchestrator');
  const running = readPidFile(orchestratorPid);
  if (running !== undefined && running !== process.pid && pidRuns(running, MARKERS.orchestrator)) {
    throw new Error(`Verkosto is already running (pid ${running}); \`npm stop\` stops it`);
  }
  writePidFile(orchestratorPid, process.pid);
  cleanups.push(() => removePidFile(orchestratorPid));

  await ensureClientBuilt(config.rootDir, childEnv({}));
  checkpoint();

  const stack = await startStack(config, {
    neo4jDir: 'neo4j',
    neo4jPort: config.NEO4J_EMBEDDED_PORT,
    fresh: false,
    onStarted: (service, pid) => service === 'redis' && writePidFile(pidFileOf(config, 'redis'), pid),
  });
  cleanups.push(async () => {
    await stack.stop();
    removePidFile(pidFileOf(config, 'redis'));
  });
  checkpoint();

  const settings = { NEO4J_URI: stack.neo4jUri, REDIS_URL: stack.redisUrl };
  const runConfig = loadConfig(childEnv(settings));
  // Applies the Cypher schema, and loads the demo workspace once when SEED_DEMO (the default).
  const { seedDemo } = await import('./seed');
  const seeded = await seedDemo(runConfig);
  if (runConfig.SEED_DEMO) say(seeded.created ? 'seed: loaded the demo workspace' : 'seed: the demo workspace is already there');
  checkpoint();

  const env = childEnv(settings);
  const api = spawnTs(config.rootDir, 'api/main.ts', [], env);
  writePidFile(pidFileOf(config, 'api'), api.pid);
  const worker = spawnTs(config.rootDir, 'worker/main.ts', [], env);
  writePidFile(pidFileOf(config, 'worker'), worker.pid);
  cleanups.push(async () => {
    await stopChild(api);
    removePidFile(pidFileOf(config, 'api'));
    await stopChild(worker);
    removePidFile(pidFileOf(config, 'worker'));
  });
  for (const [name, child] of [
    ['api', api],
    ['worker', worker],
  ] as const) {
    child.once('exit', (code, signal) => {
      if (cleaning) return;
      process.stderr.write(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping Verkosto\n`);
      void exit(1);
    });
  }

  await waitForHttpOk(`${localBaseUrl(config)}/health`, 120_000, api, () => interrupted);
  checkpoint();
  serving = true;
  const base = (config.PUBLIC_URL ?? `${localBaseUrl(config)}/`).replace(/\/?$/, '/');
  say(`\nVerkosto is running at ${base} (demo workspace: ${base}?workspace=demo)`);
  say('Ctrl+C or `npm stop` stops it.');
  await new Promise<never>(() => {});
}

async function stop(config: Config): Promise<void> {
  const stopped: string[] = [];
  if (await stopByPidFile(pidFileOf(config, 'orchestrator'), MARKERS.orchestrator, 120_000)) stopped.push('orchestrator');
  for (const name of ['api', 'worker'] as const) {
    if (await stopByPidFile(pidFileOf(config, name), MARKERS[name])) stopped.push(name);
  }
  const neo4jDir = path.join(config.DATA_DIR, 'neo4j');
  const launcherPid = readPidFile(path.join(neo4jDir, 'launcher.pid'));
  if (launcherPid !== undefined && pidRuns(launcherPid, NEO4J_LAUNCHER_CLASS)) {
    stopEmbeddedNeo4jByPidFile(neo4jDir);
    await waitForExit(launcherPid, 60_000);
    stopped.push('neo4j');
  } else {
    fs.rmSync(path.join(neo4jDir, 'launcher.pid'), { force: true });
  }
  if (await stopByPidFile(pidFileOf(config, 'redis'), MARKERS.redis)) stopped.push('redis');
  say(
    stopped.length
      ? `stopped: ${stopped.join(', ')}${stopped[0] === 'orchestrator' ? ' (which stopped the services it ran)' : ''}`
      : 'Verkosto was not running',
  );
}

/** Neo4j and Redis for a test or benchmark run: a fresh embedded database on a port of its own. */
async function isolatedStack(config: Config, kind: 'test' | 'bench'): Promise<Stack> {
  const release = await acquireLock(path.join(runDir(config), `${kind}.lock`), `another \`npm ${kind}\``);
  cleanups.push(release);
  checkpoint();
  const stack = await startStack(config, {
    neo4jDir: `${kind}-neo4j`,
    neo4jPort: config.NEO4J_EMBEDDED_PORT + (kind === 'test' ? TEST_PORT_OFFSET : BENCH_PORT_OFFSET),
    fresh: true,
  });
  cleanups.push(() => stack.stop());
  checkpoint();
  return stack;
}

async function runForeground(child: ChildProcess): Promise<number> {
  foreground = child;
  const code = await exitCodeOf(child);
  foreground = undefined;
  return code;
}

/**
 * Jest runs without --forceExit on purpose: a handle a test leaves open (a socket, a timer) is a leak
 * the suite should show; `npm test -- --detectOpenHandles` names it.
 */
async function test(config: Config, args: string[]): Promise<number> {
  const jest = require.resolve('jest/bin/jest', { paths: [config.rootDir] });
  const run = (env: NodeJS.ProcessEnv, options: string[]) =>
    runForeground(spawn(process.execPath, [jest, ...options, ...args], { cwd: config.rootDir, env, stdio: 'inherit' }));
  if (args.some((a) => JEST_INFO_ONLY.has(a))) return run(childEnv({ NODE_ENV: 'test' }), []);

  ensureChromium();
  await ensureClientBuilt(config.rootDir, childEnv({}));
  checkpoint();
  const stack = await isolatedStack(config, 'test');
  const prefix = `verkosto-test-${randomSuffix()}`;
  say(`test: Neo4j ${stack.neo4jUri}, Redis ${stack.redisUrl} (prefix ${prefix})`);
  const env = childEnv({ NODE_ENV: 'test', NEO4J_URI: stack.neo4jUri, REDIS_URL: stack.redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' });
  return run(env, ['--runInBand']);
}

async function bench(config: Config, args: string[]): Promise<number> {
  const file = path.join('bench', 'run.ts');
  if (!fs.existsSync(path.join(config.rootDir, file))) throw new Error(`${file} does not exist`);
  const stack = await isolatedStack(config, 'bench');
  const prefix = `verkosto-bench-${randomSuffix()}`;
  cleanups.push(() => deletePrefixKeys(stack.redisUrl, prefix));
  say(`bench: Neo4j ${stack.neo4jUri}, Redis ${stack.redisUrl} (prefix ${prefix})`);
  const env = childEnv({ NEO4J_URI: stack.neo4jUri, REDIS_URL: stack.redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' });
  return runForeground(spawnTs(config.rootDir, file, args, env));
}

async function deletePrefixKeys(redisUrl: string, prefix: string): Promise<void> {
  if (!(await portAnswers(Number(new URL(redisUrl).port || 6379), new URL(redisUrl).hostname))) return;
  const redis = createRedis({ REDIS_URL: redisUrl });
  try {
    await deleteKeys(redis, keyPatternsOf(prefix, { withSubPrefixes: true }));
  } finally {
    redis.disconnect();
  }
}

// ---- main ------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2) as [Command, ...string[]];
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${err instanceof ConfigError ? err.message : String(err)}\n`);
    process.exit(1);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

  try {
    switch (command) {
      case 'start':
        return await start(config);
      case 'stop':
        await stop(config);
        return await exit(0);
      case 'test':
        return await exit(await test(config, args));
      case 'bench':
        return await exit(await bench(config, args));
      default:
        throw new Error(`unknown command ${String(command)}; expected start, stop, test or bench`);
    }
  } catch (err) {
    if (err instanceof Interrupted) return await exit(130);
    const verbose = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace';
    process.stderr.write(`error: ${verbose ? ((err as Error).stack ?? String(err)) : ((err as Error).message ?? String(err))}\n`);
    await exit(1);
  }
}

void main();
