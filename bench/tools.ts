/**
 * The speed figures of the mappers' tools in one command: network metrics on a generated graph of
 * 20,000 nodes and 100,000 edges (bench/metrics-speed.ts), import of a 100,000-row CSV
 * (bench/import-speed.ts, its own embedded Neo4j) with the ceiling under it (bench/write-ceiling.ts: the
 * same node writes alone, one and more streams), and client load and first render of 2,000, 10,000 and
 * 50,000 elements with the canvas and WebGL renderers (bench/render.ts, its own embedded Neo4j; the
 * client is built first when client/dist is missing). Each runs as it would on its own, one after the
 * other, its output passed through; a summary of the headline figures against the targets ends the run.
 *
 *   npx tsx bench/tools.ts [--rows 100000] [--sizes 2000,10000,50000] [--renderers canvas,webgl] [--only metrics,import,ceiling,render]
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { arg } from './cli';

const ROOT = path.join(__dirname, '..');
const ONLY = new Set(arg('only', 'metrics,import,ceiling,render').split(','));
const say = (line = '') => process.stdout.write(`${line}\n`);

interface Part {
  name: string;
  file: string;
  args: string[];
  /** Lines of the output that go into the summary. */
  headline: RegExp;
}

const PARTS: Part[] = [
  { name: 'metrics', file: 'bench/metrics-speed.ts', args: [], headline: /^generated .*(inline|worker thread):/ },
  { name: 'import', file: 'bench/import-speed.ts', args: ['--rows', arg('rows', '100000')], headline: /^(first import|same file again):/ },
  { name: 'ceiling', file: 'bench/write-ceiling.ts', args: [], headline: /^\d streams?:/ },
  {
    name: 'render',
    file: 'bench/render.ts',
    args: ['--sizes', arg('sizes', '2000,10000,50000'), '--renderers', arg('renderers', 'canvas,webgl')],
    headline: /^\s+(canvas|webgl).*first render|^TARGET/,
  },
];

/** Runs one benchmark with tsx, passing its output through; resolves with its headline lines and exit code. */
function run(part: Part): Promise<{ lines: string[]; code: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', part.file, ...part.args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const text = rest + chunk.toString();
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter((l) => part.headline.test(l)));
    });
    child.on('close', (code) => resolve({ lines: rest && part.headline.test(rest) ? [...lines, rest] : lines, code: code ?? 1 }));
  });
}

async function main(): Promise<number> {
  if (ONLY.has('render') && !fs.existsSync(path.join(ROOT, 'client', 'dist', 'index.html'))) {
    say('bench/tools: building the client first (npm run build:client)');
    if (spawnSync('npm', ['run', 'build:client'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) return 1;
  }
  const summary: string[] = [];
  let failed = false;
  for (const part of PARTS.filter((p) => ONLY.has(p.name))) {
    say(`\n==== ${part.name}: npx tsx ${part.file} ${part.args.join(' ')} ====`);
    const { lines, code } = await run(part);
    if (code !== 0) failed = true;
    summary.push(`${part.name}${code === 0 ? '' : ` (exit ${code})`}:`, ...lines.map((l) => `  ${l.trim()}`));
  }
  say('\n==== summary (targets: metrics for 20,000 nodes < 10 s; import >= 20,000 rows/s; 10,000 elements first render < 3 s) ====');
  for (const line of summary) say(line);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
