/**
 * Child processes of the orchestrator: spawning TypeScript entry points, waiting for them, stopping
 * them politely, and pid files in .data/run so `npm stop` in another terminal can find them.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs a TypeScript file with Node and the tsx loader, so the pid is the program itself (no wrapper). */
export function spawnTs(
  rootDir: string,
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: SpawnOptions['stdio'] = 'inherit',
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], { cwd: rootDir, env, stdio });
}

/** Resolves with the exit code (128 + n for a signal) once the child has exited. */
export function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const done = () => resolve(child.exitCode ?? (child.signalCode ? 128 + signalNumber(child.signalCode) : 1));
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', done);
    child.once('error', () => resolve(127));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}

/** Runs a command to its end with inherited output; rejects when it fails. */
export async function runCommand(cmd: string, args: string[], options: SpawnOptions): Promise<void> {
  const child = spawn(cmd, args, { stdio: 'inherit', ...options });
  const code = await exitCodeOf(child);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${code}`);
}

/** SIGTERM, then SIGKILL when the child has not exited within graceMs. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = exitCodeOf(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls url until it answers 200; fails early when the process behind it exits, returns early when cancelled. */
export async function waitForHttpOk(url: string, timeoutMs: number, owner?: ChildProcess, cancelled = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline && !cancelled()) {
    if (owner && (owner.exitCode !== null || owner.signalCode !== null))
      throw new Error(`the process serving ${url} exited (code ${owner.exitCode ?? owner.signalCode})`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(250);
  }
  if (cancelled()) return;
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

// ---- pid files -------------------------------------------------------------------------------

export function writePidFile(file: string, pid: number | undefined): void {
  if (pid === undefined) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${pid}\n`);
}

export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function removePidFile(file: string): void {
  fs.rmSync(file, { force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when pid runs a command line containing marker (checked on Linux, assumed elsewhere), so a reused pid is left alone. */
export function pidRuns(pid: number, marker: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').includes(marker);
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || isZombie(pid)) return true;
    await sleep(200);
  }
  return false;
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Stops the process in a pid file when it still runs the expected program; true when one was stopped. */
export async function stopByPidFile(file: string, marker: string, graceMs = 20_000): Promise<boolean> {
  const pid = readPidFile(file);
  removePidFile(file);
  if (pid === undefined || !pidRuns(pid, marker)) return false;
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, graceMs)) && isAlive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

/**
 * An exclusive lock held by this process (a file with its pid). Waits while another live process holds
 * it; takes over a lock left by a process that has gone.
 */
export async function acquireLock(file: string, what: string, timeoutMs = 30 * 60_000): Promise<() => void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (readPidFile(file) === process.pid) removePidFile(file);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readPidFile(file);
    if (holder === undefined || !isAlive(holder)) {
      removePidFile(file);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} (pid ${holder}) to finish`);
    if (!told) process.stdout.write(`waiting for ${what} (pid ${holder}) to finish...\n`);
    told = true;
    await sleep(1_000);
  }
}
