/**
 * Runs the load jobs either in a forked child process (default: the clients do not share the event
 * loop of the API and worker being measured) or in this process (--inline).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { runLatency, runThroughput, type LatencyResult, type LatencySpec, type ThroughputResult, type ThroughputSpec } from './load';
import {
  finishProjector,
  runParticipants,
  startProjector,
  type ParticipantsResult,
  type ParticipantsSpec,
  type ProjectorResult,
  type ProjectorSpec,
} from './workshop-load';

export interface LoadRunner {
  readonly where: string;
  /** The child process's pid (undefined: this process). */
  readonly pid?: number;
  throughput(spec: ThroughputSpec, timeoutMs: number): Promise<ThroughputResult>;
  latency(spec: LatencySpec, timeoutMs: number): Promise<LatencyResult>;
  /** Workshop benchmark: the participants' load, and the projector (started, then finished). */
  workshopParticipants(spec: ParticipantsSpec, timeoutMs: number): Promise<ParticipantsResult>;
  projectorStart(spec: ProjectorSpec, timeoutMs: number): Promise<{ joinMs: number }>;
  projectorFinish(spec: Parameters<typeof finishProjector>[0], timeoutMs: number): Promise<ProjectorResult>;
  /** RSS of the load generator's process (bytes), or null when it is this process. */
  rss(): Promise<number | null>;
  close(): Promise<void>;
}

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function inlineRunner(): LoadRunner {
  return {
    where: 'in the server process (--inline)',
    throughput: (spec, ms) => bounded(runThroughput(spec), ms, 'throughput run'),
    latency: (spec, ms) => bounded(runLatency(spec), ms, 'latency run'),
    workshopParticipants: (spec, ms) => bounded(runParticipants(spec), ms, 'workshop participants run'),
    projectorStart: (spec, ms) => bounded(startProjector(spec), ms, 'projector start'),
    projectorFinish: (spec, ms) => bounded(finishProjector(spec), ms, 'projector finish'),
    rss: async () => null,
    close: async () => {},
  };
}

export async function childRunner(rootDir: string, startTimeoutMs = 30_000): Promise<LoadRunner> {
  const child: ChildProcess = fork(path.join(__dirname, 'load-child.ts'), [], {
    cwd: rootDir,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let exited: Error | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (msg: { ready?: boolean; id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (msg.ready) return resolve();
      const p = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id!);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`load generator: ${msg.error}`));
    });
    child.once('exit', (code, signal) => {
      exited = new Error(`the load generator process exited (${signal ?? `code ${code}`})`);
      reject(exited);
      for (const p of pending.values()) p.reject(exited);
      pending.clear();
    });
    child.once('error', reject);
  });
  try {
    await bounded(ready, startTimeoutMs, 'starting the load generator process');
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  const call = <T>(kind: string, spec: unknown, ms: number): Promise<T> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    const result = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    child.send({ id, kind, spec });
    return bounded(result, ms, `${kind} run`).finally(() => pending.delete(id));
  };

  return {
    where: `in a child process (pid ${child.pid})`,
    pid: child.pid,
    throughput: (spec, ms) => call<ThroughputResult>('throughput', spec, ms),
    latency: (spec, ms) => call<LatencyResult>('latency', spec, ms),
    workshopParticipants: (spec, ms) => call<ParticipantsResult>('workshop-participants', spec, ms),
    projectorStart: (spec, ms) => call<{ joinMs: number }>('projector-start', spec, ms),
    projectorFinish: (spec, ms) => call<ProjectorResult>('projector-finish', spec, ms),
    rss: () => call<number>('rss', null, 5_000).catch(() => null),
    async close() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      await bounded(gone, 5_000, 'load generator exit').catch(() => child.kill('SIGKILL'));
    },
  };
}
