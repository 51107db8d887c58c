/**
 * Debian packages the scripts need at run time (the browser for the browser tests). Installed with
 * apt-get as root or through sudo; never downloaded any other way.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function aptInstall(packages: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const prefix = isRoot ? [] : hasCommand('sudo') ? ['sudo', '-n'] : null;
  if (prefix === null || !hasCommand('apt-get')) {
    throw new Error(`missing ${packages.join(', ')}; install them first (Debian: apt-get install ${packages.join(' ')})`);
  }
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    execFileSync(cmd, rest, { stdio: 'inherit' });
  };
  process.stdout.write(`installing Debian packages: ${packages.join(' ')}\n`);
  run(['update', '-qq']);
  run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

/** The browser tests drive Debian's Chromium through playwright-core. */
export function ensureChromium(): void {
  if (!fs.existsSync(CHROMIUM_PATH)) aptInstall(['chromium']);
}
