/**
 * Verkosto benchmark: end-to-end write throughput (HTTP request -> queue -> worker -> Neo4j -> Redis ->
 * socket.io event at a client) for single-change and batch requests, with the batching worker and
 * with a naive one (BATCH_MAX=1, one transaction per change), and the delivery latency to 100 joined
 * clients. See bench/README.md.
 *
 *   npm run bench                      (starts a fresh Neo4j + Redis, then runs this)
 *   NEO4J_URI=bolt://127.0.0.1:7687 REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/run.ts [options]
 *
 * Exit code: 0 when every scenario ran and every accepted change was delivered, 1 on any error,
 * 2 with --strict when a target was not met.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { ConfigError, loadConfig, type Config } from '../api/infra/config';
import { parseArgs, type BenchOptions } from './args';
import { loadAverages, startBench } from './bench-start';
import type { LatencyResult, ThroughputResult } from './load';
import { childRunner, inlineRunner, type LoadRunner } from './load-runner';
import { benchPrefix, deleteWorkspaces, envOf, monitorProcess, preflight, startStack, type ProcessSample, type Stack } from './stack';
import { fmtInt, fmtMb, fmtMs, table } from './stats';

const TARGETS = { singlePerS: 1500, batchPerS: 20_000, p99Ms: 100 };
const REQUEST_TIMEOUT_MS = 30_000;
/**
 * Sizes the waits: a run slower than this end to end is given up (a run that stops delivering is
 * given up sooner, after --stall-ms without an event).
 */
const SLOWEST_EXPECTED_PER_S = 5;

const say = (line = '') => process.stdout.write(`${line}\n`);

interface ScenarioRecord {
  name: string;
  worker: string;
  proc?: ProcessSample;
  error?: string;
  problems: string[];
}
interface ThroughputRecord extends ScenarioRecord {
  kind: 'single' | 'batch';
  batchMax: number;
  result?: ThroughputResult;
}
interface LatencyRecord extends ScenarioRecord {
  result?: LatencyResult;
}

class Bench {
  readonly runId = randomUUID().slice(0, 8);
  readonly basePrefix: string;
  readonly env: Record<string, string>;
  readonly workspaces: string[] = [];
  private readonly startedAt = performance.now();

  constructor(
    readonly base: Config,
    readonly opts: BenchOptions,
    readonly load: LoadRunner,
  ) {
    this.env = envOf(base);
    // Never the development prefix itself: every scenario gets <base>-<run>-<scenario>.
    this.basePrefix = benchPrefix(base, this.runId);
  }

  configFor(scenario: string, batchMax: number): Config {
    const quiet = ['fatal', 'error', 'silent'].includes(this.base.LOG_LEVEL) ? this.base.LOG_LEVEL : 'warn';
    return loadConfig({
      ...this.env,
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_PREFIX: `${this.basePrefix}-${scenario}`,
      BATCH_MAX: String(batchMax),
      SEED_DEMO: 'false',
      LOG_LEVEL: quiet,
    });
  }

  /** What is left of --max-run-s, less a margin for closing down. */
  remainingMs(): number {
    return Math.max(5_000, this.opts.maxRunMs - (performance.now() - this.startedAt) - 30_000);
  }

  waitBudgetMs(changes: number): number {
    return Math.min(this.remainingMs(), 60_000 + (changes / SLOWEST_EXPECTED_PER_S) * 1000);
  }

  async createWorkspace(stack: Stack, scenario: string): Promise<string> {
    const id = `bench-${this.runId}-${scenario}`;
    const res = await fetch(`${stack.api.url}/api/v1/workspaces?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, name: `Benchmark ${this.runId} ${scenario}` }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`creating workspace ${id}: HTTP ${res.status} ${text.slice(0, 300)}`);
    this.workspaces.push(id);
    return id;
  }

  /** Starts a fresh API + worker with a prefix of their own, runs fn on a fresh workspace, closes them. */
  async withStack<T>(
    scenario: string,
    batchMax: number,
    fn: (stack: Stack, workspaceId: string) => Promise<T>,
  ): Promise<{ result: T; proc: ProcessSample }> {
    const stack = await startStack(this.configFor(scenario, batchMax));
    let failure: unknown;
    try {
      const workspaceId = await this.createWorkspace(stack, scenario);
      const monitor = monitorProcess();
      try {
        const result = await fn(stack, workspaceId);
        return { result, proc: monitor.stop() };
      } catch (err) {
        monitor.stop();
        throw err;
      }
    } catch (err) {
      failure = err;
      throw err;
    } finally {
      await stack.close().catch((err: Error) => {
        if (!failure) throw err;
      });
    }
  }

  async throughput(kind: 'single' | 'batch', variant: 'batched' | 'naive', requests: number): Promise<ThroughputRecord> {
    const batchMax = variant === 'naive' ? 1 : this.base.BATCH_MAX;
    const perRequest = kind === 'single' ? 1 : this.opts.batchSize;
    const changes = requests * perRequest;
    const shape =
      kind === 'single'
        ? `${fmtInt(requests)} x 1, ${this.opts.concurrency} in flight`
        : `${fmtInt(requests)} x ${fmtInt(perRequest)}, ${this.opts.batchConcurrency} in flight`;
    const record: ThroughputRecord = {
      name: `${kind} (${shape})`,
      worker: variant === 'naive' ? 'naive (BATCH_MAX=1)' : `batched (BATCH_MAX=${batchMax})`,
      kind,
      batchMax,
      problems: [],
    };
    if (requests === 0) return record;
    say(`- ${record.name}, ${record.worker} ...`);
    const maxWaitMs = this.waitBudgetMs(changes);
    try {
      const { result, proc } = await this.withStack(`${kind}-${variant}`, batchMax, (stack, workspaceId) =>
        this.load.throughput(
          {
            url: stack.api.url,
            workspaceId,
            mode: kind,
            requests,
            perRequest,
            concurrency: kind === 'single' ? this.opts.concurrency : this.opts.batchConcurrency,
            label: `Bench ${kind} ${variant}`,
            requestTimeoutMs: REQUEST_TIMEOUT_MS,
            stallMs: this.opts.stallMs,
            maxWaitMs,
          },
          2 * maxWaitMs + 60_000,
        ),
      );
      record.result = result;
      record.proc = proc;
      record.problems = throughputProblems(result);
      const e2e = result.deliveredMs === null ? 'not all delivered' : `${fmtInt(rate(changes, result.deliveredMs))} changes/s end to end`;
      say(`  ${e2e}${record.problems.length ? `; PROBLEMS: ${record.problems.join('; ')}` : ''}`);
    } catch (err) {
      record.error = (err as Error).message;
      say(`  FAILED: ${record.error}`);
    }
    return record;
  }

  async latency(): Promise<LatencyRecord> {
    const o = this.opts;
    const record: LatencyRecord = {
      name: `${fmtInt(o.latencyChanges)} single changes at ${o.rate}/s, ${o.clients} clients`,
      worker: `batched (BATCH_MAX=${this.base.BATCH_MAX})`,
      problems: [],
    };
    if (o.latencyChanges === 0) return record;
    say(`- latency: ${record.name} ...`);
    const maxWaitMs = this.waitBudgetMs(o.latencyChanges);
    try {
      const { result, proc } = await this.withStack('latency', this.base.BATCH_MAX, (stack, workspaceId) =>
        this.load.latency(
          {
            url: stack.api.url,
            workspaceId,
            clients: o.clients,
            changes: o.latencyChanges,
            rate: o.rate,
            maxSockets: o.concurrency,
            label: 'Bench latency',
            requestTimeoutMs: REQUEST_TIMEOUT_MS,
            joinTimeoutMs: 15_000,
            stallMs: o.stallMs,
            maxWaitMs,
          },
          (o.latencyChanges / o.rate) * 1000 + 2 * maxWaitMs + 60_000,
        ),
      );
      record.result = result;
      record.proc = proc;
      if (result.httpErrors) record.problems.push(`${result.httpErrors} HTTP errors, first: ${result.firstHttpError}`);
      if (result.deliveries < result.expectedDeliveries)
        record.problems.push(`${result.expectedDeliveries - result.deliveries} of ${result.expectedDeliveries} deliveries missing`);
      if (result.incomplete) record.problems.push(result.incomplete);
      say(
        `  p99 to all clients ${fmtMs(result.worstClient.p99)} ms${record.problems.length ? `; PROBLEMS: ${record.problems.join('; ')}` : ''}`,
      );
    } catch (err) {
      record.error = (err as Error).message;
      say(`  FAILED: ${record.error}`);
    }
    return record;
  }

  /** A short unreported run so that the first measurement does not pay for JIT and query planning. */
  async warmup(): Promise<void> {
    const n = this.opts.warmup;
    if (!n) return;
    const started = performance.now();
    await this.withStack('warmup', this.base.BATCH_MAX, async (stack, workspaceId) => {
      const common = {
        url: stack.api.url,
        workspaceId,
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        stallMs: this.opts.stallMs,
        maxWaitMs: this.waitBudgetMs(2 * n),
      };
      const single = await this.load.throughput(
        { ...common, mode: 'single', requests: n, perRequest: 1, concurrency: this.opts.concurrency, label: 'Bench warmup' },
        300_000,
      );
      const batch = await this.load.throughput(
        { ...common, mode: 'batch', requests: 2, perRequest: Math.max(1, Math.ceil(n / 2)), concurrency: 2, label: 'Bench warmup batch' },
        300_000,
      );
      const problems = [...throughputProblems(single), ...throughputProblems(batch)];
      if (problems.length) throw new Error(`warm-up: ${problems.join('; ')}`);
    });
    say(`- warm-up: ${fmtInt(2 * n)} changes in ${fmtMs(performance.now() - started)} ms (not reported)`);
  }
}


function rate(changes: number, ms: number | null): number {
  return ms && ms > 0 ? (changes / ms) * 1000 : NaN;
}

function throughputProblems(r: ThroughputResult): string[] {
  const p: string[] = [];
  if (r.httpErrors) p.push(`${r.httpErrors} failed requests, first: ${r.firstHttpError}`);
  if (r.failedEvents) p.push(`${r.failedEvents} change:failed events, first: ${r.firstFailure}`);
  if (r.missing) p.push(`${r.missing} accepted changes never announced`);
  if (!r.seqInOrder) p.push('events arrived out of seq order');
  if (r.seqGaps) p.push(`${r.seqGaps} gaps in seq`);
  if (r.incomplete) p.push(r.incomplete);
  return p;
}

const met = (ok: boolean | null) => (ok === null ? '-' : ok ? 'yes' : 'NO');

function report(
  bench: Bench,
  single: ThroughputRecord[],
  batch: ThroughputRecord[],
  latency: LatencyRecord | undefined,
  loadRss: number | null,
): { targetsMissed: number } {
  let targetsMissed = 0;
  /** Whether a measured value meets its target; a value that could not be measured misses it. */
  const check = (value: number, target: number, atLeast: boolean): boolean => {
    const ok = Number.isFinite(value) && (atLeast ? value >= target : value < target);
    if (!ok) targetsMissed++;
    return ok;
  };

  say();
  say('== Throughput, end to end: first request sent -> last node:created event received by a joined socket.io client ==');
  const rows: string[][] = [];
  for (const r of [...single, ...batch]) {
    if (!r.result && !r.error) continue;
    const res = r.result;
    const changes = res?.changes ?? NaN;
    const e2e = res ? rate(changes, res.deliveredMs) : NaN;
    const accepted = res ? rate(res.requestsOk * (r.kind === 'single' ? 1 : bench.opts.batchSize), res.acceptedMs) : NaN;
    const target = r.batchMax === 1 ? null : r.kind === 'single' ? TARGETS.singlePerS : TARGETS.batchPerS;
    const ok = target ? check(e2e, target, true) : null;
    rows.push([
      r.name,
      r.worker,
      fmtInt(changes),
      res ? `${(res.acceptedMs / 1000).toFixed(2)} s` : '-',
      fmtInt(accepted),
      res?.deliveredMs != null ? `${(res.deliveredMs / 1000).toFixed(2)} s` : '-',
      fmtInt(e2e),
      target ? `>= ${fmtInt(target)}` : '-',
      met(ok),
      r.error ? `FAILED: ${r.error}` : r.problems.length ? r.problems.join('; ') : 'ok',
    ]);
  }
  say(
    table(['scenario', 'worker', 'changes', 'HTTP done', 'accepted/s', 'delivered', 'end-to-end/s', 'target', 'met', 'checks'], rows, [
      'l',
      'l',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
      'r',
      'l',
    ]),
  );
  say('  accepted/s: changes answered 202 by the API per second (queueing only); end-to-end/s: changes applied AND delivered per second.');
  say('  checks: every accepted change announced once, seq strictly increasing without gaps, no HTTP or change:failed errors.');

  const ratio = (rs: ThroughputRecord[]) => {
    const [b, n] = ['batched', 'naive'].map((v) => rs.find((r) => r.worker.startsWith(v))?.result);
    if (!b?.deliveredMs || !n?.deliveredMs) return '-';
    return `${(rate(b.changes, b.deliveredMs) / rate(n.changes, n.deliveredMs)).toFixed(1)}x`;
  };
  say();
  say(`Batched worker vs naive worker (end-to-end changes/s): single requests ${ratio(single)}, batch requests ${ratio(batch)}`);

  if (latency && (latency.result || latency.error)) {
    const l = latency.result;
    say();
    say(`== Latency: ${latency.name}, ${latency.worker}; per change, request sent -> node:created received ==`);
    const row = (label: string, p: LatencyResult['http'] | undefined, withTarget: boolean): string[] => {
      const ok = withTarget ? check(p?.n ? p.p99 : NaN, TARGETS.p99Ms, false) : null;
      return [
        label,
        fmtInt(p?.n),
        fmtMs(p?.p50),
        fmtMs(p?.p95),
        fmtMs(p?.p99),
        fmtMs(p?.max),
        withTarget ? `p99 < ${TARGETS.p99Ms}` : '-',
        met(ok),
      ];
    };
    say(
      table(
        ['measure (ms)', 'samples', 'p50', 'p95', 'p99', 'max', 'target', 'met'],
        [
          row('HTTP answer (202)', l?.http, false),
          row('event at client #1 (designated)', l?.designated, true),
          row('event at the last of all clients', l?.worstClient, true),
          row('every (change, client) delivery', l?.allDeliveries, false),
        ],
      ),
    );
    if (l) {
      say(
        `  ${l.clients} clients joined in ${fmtMs(l.joinMs)} ms; ${fmtInt(l.deliveries)} of ${fmtInt(l.expectedDeliveries)} deliveries; ` +
          `sending took ${fmtMs(l.sendSpanMs)} ms (schedule lag at worst ${fmtMs(l.scheduleLagMaxMs)} ms).`,
      );
    }
    if (latency.error) say(`  FAILED: ${latency.error}`);
    else if (latency.problems.length) say(`  PROBLEMS: ${latency.problems.join('; ')}`);
  }

  say();
  say('== Server process: API + worker run together in this one Node process (shared heap, one event loop) ==');
  const procRows = [...single, ...batch, ...(latency ? [latency] : [])]
    .filter((r) => r.proc)
    .map((r) => {
      const p = r.proc!;
      return [
        `${r.name.split(' (')[0]} / ${r.worker.split(' ')[0]}${r === latency ? ' (latency)' : ''}`,
        fmtMb(p.rssStart),
        fmtMb(p.rssPeak),
        fmtMb(p.rssEnd),
        fmtMb(p.heapPeak),
        `${Math.round(p.cpuPercent)} %`,
        fmtMs(p.loopP99Ms),
        fmtMs(p.loopMaxMs),
        p.loadAvg.toFixed(1),
      ];
    });
  say(table(['scenario', 'RSS start', 'RSS peak', 'RSS end', 'heap peak', 'CPU', 'loop p99 ms', 'loop max ms', 'load avg'], procRows));
  say(
    `  CPU: user+system time of this process over the scenario's wall time (100 % = one core of ${os.cpus().length}). ` +
      `Load generator ${bench.load.where}${loadRss ? `, RSS ${fmtMb(loadRss)}` : ' (its work is included above)'}.`,
  );
  say(
    `  load avg: the machine's 1-minute load average at the end of the scenario; above ${os.cpus().length} (the CPU count) means processes waited for a CPU.`,
  );
  return { targetsMissed };
}

async function main(): Promise<number> {
  const base = loadConfig();
  const opts = startBench('Verkosto benchmark', parseArgs, base);
  if (typeof opts === 'number') return opts;

  await preflight(base);

  const load = opts.inline ? inlineRunner() : await childRunner(base.rootDir);
  say(`load generator: ${load.where}`);
  const bench = new Bench(base, opts, load);
  const single: ThroughputRecord[] = [];
  const batch: ThroughputRecord[] = [];
  let latency: LatencyRecord | undefined;
  let loadRss: number | null = null;
  let failed = false;
  try {
    await bench.warmup().catch((err: Error) => {
      failed = true;
      say(`- warm-up FAILED: ${err.message}`);
    });
    for (const variant of ['batched', 'naive'] as const) {
      if (!opts.only.has(variant)) continue;
      single.push(await bench.throughput('single', variant, variant === 'naive' ? opts.naiveSingle : opts.single));
      batch.push(await bench.throughput('batch', variant, variant === 'naive' ? opts.naiveBatches : opts.batches));
    }
    if (opts.only.has('latency')) latency = await bench.latency();
    loadRss = await load.rss();
  } finally {
    await load.close();
    if (!opts.keepData) {
      await deleteWorkspaces(base, bench.workspaces).catch((err: Error) =>
        say(`(could not delete the benchmark workspaces: ${err.message})`),
      );
    }
  }

  const { targetsMissed } = report(bench, single, batch, latency, loadRss);
  say(`load average at end: ${loadAverages()} (${os.cpus().length} CPUs)`);
  const records = [...single, ...batch, ...(latency ? [latency] : [])];
  failed ||= records.some((r) => r.error || r.problems.length);
  say();
  say(
    failed
      ? 'RESULT: errors occurred (see above); exit code 1'
      : `RESULT: all scenarios completed; ${targetsMissed ? `${targetsMissed} target(s) NOT met` : 'all targets met'}`,
  );
  if (failed) return 1;
  return opts.strict && targetsMissed ? 2 : 0;
}

main().then(
  (code) => process.stdout.write('', () => process.exit(code)),
  (err: Error) => {
    const known = err instanceof ConfigError || /does not answer|Failed to connect|did not finish/.test(err?.message ?? '');
    process.stderr.write(`bench failed: ${known ? err.message : (err?.stack ?? String(err))}\n`);
    process.exit(1);
  },
);
