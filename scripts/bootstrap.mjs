#!/usr/bin/env node
/**
 * First step of `npm start|stop|test|bench`. Plain Node (no TypeScript, no dependencies) so it runs on
 * a fresh clone: installs the npm dependencies when they are missing or older than package-lock.json,
 * makes sure Java 17 and Maven exist for the embedded Neo4j (Debian packages), then hands over to the
 * TypeScript orchestrator (scripts/orchestrate.ts), which starts the services.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COMMANDS = ['start', 'stop', 'test', 'bench'];
const NEEDS_JAVA = new Set(['start', 'test', 'bench']);
const INSTALL_STAMP = path.join(ROOT, 'node_modules', '.verkosto-installed');

const say = (message) => process.stdout.write(`bootstrap: ${message}\n`);

function fail(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
  process.exit(1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 6)) fail(`Node ${process.versions.node} is too old; Verkosto needs Node 20.6 or newer.`);
}

function hasCommand(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** npm ci when node_modules is missing or package-lock.json changed since the last install. */
function ensureNodeModules() {
  const lock = mtime(path.join(ROOT, 'package-lock.json'));
  const installed = mtime(INSTALL_STAMP) ?? mtime(path.join(ROOT, 'node_modules', '.package-lock.json'));
  if (installed !== undefined && (lock === undefined || lock <= installed)) return;
  say(installed === undefined ? 'installing npm dependencies (npm ci)...' : 'package-lock.json changed; reinstalling (npm ci)...');
  const ci = spawnSync('npm', lock === undefined ? ['install'] : ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (ci.status !== 0) {
    say('npm ci failed; trying npm install...');
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
    if (install.status !== 0) fail('npm install failed.');
  }
  fs.writeFileSync(INSTALL_STAMP, `${new Date().toISOString()}\n`);
}

let aptUpdated = false;

/** Installs Debian packages, as root or through sudo; tells what to install when neither is possible. */
function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : hasCommand('sudo') ? ['sudo', '-n'] : null;
  if (prefix === null || !hasCommand('apt-get'))
    fail(`missing ${packages.join(', ')}; install them (Debian: apt-get install ${packages.join(' ')}).`);
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args];
    execFileSync(cmd, rest, { stdio: 'inherit' });
  };
  say(`installing Debian packages: ${packages.join(' ')}`);
  if (!aptUpdated) run(['update', '-qq']);
  aptUpdated = true;
  run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

/** Java 17+ and Maven build and run the embedded Neo4j launcher (scripts/neo4j-embedded). */
function ensureJava() {
  const missing = [];
  if (!hasCommand('java')) missing.push('default-jdk-headless');
  if (!hasCommand('mvn')) missing.push('maven');
  if (missing.length) aptInstall(missing);
  const version = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${version.stderr}${version.stdout}`);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : 0;
  if (major && major < 17) fail(`Java ${major} found; the embedded Neo4j 5.26 needs Java 17 or newer.`);
}

function handOver(command, args) {
  // Own process group: a Ctrl+C in the terminal reaches only this process, which passes it on, so the
  // orchestrator can stop the API and worker before Neo4j and Redis, in order.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'orchestrate.ts'), command, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    detached: true,
  });
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  process.on('SIGHUP', forward('SIGTERM'));
  child.on('error', (err) => fail(`could not start the orchestrator: ${err.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signalNumbers[signal] ?? 1) : 1)));
}

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function main() {
  const [command, ...rest] = process.argv.slice(2);
  const args = rest[0] === '--' ? rest.slice(1) : rest;
  if (!COMMANDS.includes(command)) {
    process.stderr.write(`usage: node scripts/bootstrap.mjs <${COMMANDS.join('|')}> [-- extra arguments]\n`);
    process.exit(2);
  }
  checkNode();
  ensureNodeModules();
  if (NEEDS_JAVA.has(command)) ensureJava();
  handOver(command, args);
}

main();
