/**
 * Makes sure a Redis answers: uses the one on the URL when it does, otherwise starts a local
 * redis-server (Debian package, installed when missing) with an append-only file in the project.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { portAnswers } from './neo4j-embedded';

export interface RunningRedis {
  url: string;
  process: ChildProcess | null;
  stop(): Promise<void>;
}

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function ensureRedis(url: string, dataDir: string): Promise<RunningRedis> {
  const { hostname, port: portText } = new URL(url);
  const port = Number(portText || 6379);
  if (await portAnswers(port, hostname)) return { url, process: null, stop: async () => {} };
  if (!['127.0.0.1', 'localhost'].includes(hostname)) throw new Error(`Redis at ${url} does not answer`);

  if (!hasCommand('redis-server')) {
    process.stdout.write('redis: installing the Debian package redis-server...\n');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server'], { stdio: 'inherit' });
  }
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes', '--save', ''], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !(await portAnswers(port)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await portAnswers(port))) throw new Error('redis-server did not start');
  process.stdout.write(`redis: started a local redis-server on ${url} (append-only file in ${dir})\n`);
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
