/**
 * The benchmark's options, from argv only (`npx tsx bench/run.ts --single 3000 --clients 100`, or
 * `npm run bench -- --single 3000`). A bare number as first argument is the single-change count.
 */

export interface BenchOptions {
  /** Scenario 1: this many single-change POSTs ... */
  single: number;
  /** ... with at most this many requests in flight. */
  concurrency: number;
  /** Scenario 2: this many batch requests ... */
  batches: number;
  /** ... of this many changes each ... */
  batchSize: number;
  /** ... with at most this many requests in flight. */
  batchConcurrency: number;
  /** The naive worker (BATCH_MAX=1) gets the same counts unless these are given. */
  naiveSingle: number;
  naiveBatches: number;
  /** Scenario 4: this many single changes, sent at `rate` per second, to `clients` joined sockets. */
  latencyChanges: number;
  rate: number;
  clients: number;
  /** Warm-up changes (not reported) before the first measurement; 0 skips the warm-up. */
  warmup: number;
  /** Abort a wait when no event arrived for this long. */
  stallMs: number;
  /** Hard limit on the whole run. */
  maxRunMs: number;
  /** Run the load generator and socket clients inside the server process instead of a child process. */
  inline: boolean;
  /** Leave the benchmark's workspaces in Neo4j (by default they are deleted at the end). */
  keepData: boolean;
  /** Exit 2 when a target is not met (by default only errors make the exit code non-zero). */
  strict: boolean;
  /** Which scenarios to run (default all). */
  only: Set<ScenarioGroup>;
}

export type ScenarioGroup = 'batched' | 'naive' | 'latency';

const NUMERIC: Record<string, keyof BenchOptions> = {
  single: 'single',
  concurrency: 'concurrency',
  batches: 'batches',
  'batch-size': 'batchSize',
  'batch-concurrency': 'batchConcurrency',
  'naive-single': 'naiveSingle',
  'naive-batches': 'naiveBatches',
  latency: 'latencyChanges',
  'latency-changes': 'latencyChanges',
  rate: 'rate',
  clients: 'clients',
  warmup: 'warmup',
  'stall-ms': 'stallMs',
  'max-run-s': 'maxRunMs',
};
const FLAGS: Record<string, 'inline' | 'keepData' | 'strict'> = { inline: 'inline', 'keep-data': 'keepData', strict: 'strict' };

export const USAGE = `usage: npx tsx bench/run.ts [N] [options]   (or: npm run bench -- [options])
  --single N             single-change POSTs per run (default 3000; a bare first number sets it too)
  --concurrency N        single-change requests in flight (default 64)
  --batches N            batch requests (default 20)
  --batch-size N         changes per batch request (default 1000, max 10000)
  --batch-concurrency N  batch requests in flight (default 4)
  --naive-single N       single-change POSTs for the naive worker (default: min(--single, 500))
  --naive-batches N      batch requests for the naive worker (default: min(--batches, 1))
  --latency N            changes in the latency run (default 500)
  --rate N               changes per second in the latency run (default 200)
  --clients N            socket.io clients in the latency run (default 100)
  --warmup N             warm-up changes before measuring (default 500; 0 = none)
  --stall-ms N           give up a wait when no event came for this long (default 30000)
  --max-run-s N          hard limit for the whole run in seconds (default 1200)
  --only LIST            comma-separated: batched,naive,latency (default all)
  --inline               run load generator + socket clients in the server process
  --keep-data            do not delete the benchmark workspaces from Neo4j afterwards
  --strict               exit 2 when a target is not met`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): BenchOptions {
  const opts: BenchOptions = {
    single: 3000,
    concurrency: 64,
    batches: 20,
    batchSize: 1000,
    batchConcurrency: 4,
    naiveSingle: -1,
    naiveBatches: -1,
    latencyChanges: 500,
    rate: 200,
    clients: 100,
    warmup: 500,
    stallMs: 30_000,
    maxRunMs: 1200,
    inline: false,
    keepData: false,
    strict: false,
    only: new Set<ScenarioGroup>(['batched', 'naive', 'latency']),
  };
  const args = [...argv];
  if (args[0] && /^\d+$/.test(args[0])) opts.single = Number(args.shift());
  while (args.length) {
    const arg = args.shift()!;
    if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"\n${USAGE}`);
    const [, name, inlineValue] = m;
    if (name in FLAGS) {
      opts[FLAGS[name]] = inlineValue === undefined ? true : inlineValue !== 'false';
      continue;
    }
    if (name !== 'only' && !NUMERIC[name]) throw new UsageError(`unknown option --${name}\n${USAGE}`);
    const value = inlineValue ?? args.shift();
    if (value === undefined) throw new UsageError(`--${name} needs a value\n${USAGE}`);
    if (name === 'only') {
      const groups = value.split(',').map((s) => s.trim());
      const bad = groups.filter((g) => !['batched', 'naive', 'latency'].includes(g));
      if (bad.length) throw new UsageError(`--only: unknown scenario ${bad.join(', ')}\n${USAGE}`);
      opts.only = new Set(groups as ScenarioGroup[]);
      continue;
    }
    const key = NUMERIC[name];
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} expects a whole number, got "${value}"`);
    (opts as unknown as Record<string, number>)[key] = n;
  }
  // The naive worker applies one change per transaction, so its rate does not depend on how many
  // changes are queued: fewer of them measure it as well, in a fraction of the time.
  if (opts.naiveSingle < 0) opts.naiveSingle = Math.min(opts.single, 500);
  if (opts.naiveBatches < 0) opts.naiveBatches = Math.min(opts.batches, 1);
  opts.maxRunMs *= 1000;
  if (opts.batchSize < 1 || opts.batchSize > 10_000)
    throw new UsageError('--batch-size must be 1..10000 (the API accepts at most 10,000 per request)');
  for (const k of ['concurrency', 'batchConcurrency', 'rate', 'clients'] as const) {
    if (opts[k] < 1) throw new UsageError(`--${k} must be at least 1`);
  }
  return opts;
}
