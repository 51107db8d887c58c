/** Builds the Vite client when client/dist is missing or older than its sources. */
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from './processes';

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function clientIsStale(rootDir: string): boolean {
  const client = path.join(rootDir, 'client');
  const built = path.join(client, 'dist', 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((f) => newestMtime(path.join(client, f)));
  return Math.max(...sources) > fs.statSync(built).mtimeMs;
}

export async function ensureClientBuilt(rootDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!clientIsStale(rootDir)) return;
  process.stdout.write('client: building with Vite (npm run build:client)...\n');
  await runCommand('npm', ['run', '--silent', 'build:client'], { cwd: rootDir, env });
}
