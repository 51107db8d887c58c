/**
 * Duplicate work between cities, at scale: on a generated workspace of 300 cities in 20 regions,
 * 100,000 organisations and 50,000 projects (bench/insights-data.ts, seeded), stored in an embedded
 * Neo4j of the benchmark's own, it measures over HTTP against the real API (in-process, with the
 * worker in a process of its own, as `npm start` runs it; `--worker inline` puts it in this process):
 *   (a) a project's overlaps right after the project was created through the API (POST …/changes?wait=true):
 *       the first call cold; the others once the worker's insight jobs that followed it are done (the
 *       first of them builds the worker's own index, in this same process),
 *   (b) duplicate candidates ("did you mean …?") for new organisation names,
 *   (c) the whole city × theme specialisation matrix, cold (fresh API process state) and warm, and the
 *       projects behind its fullest cells (GET …/specialisation/projects, what a click on a cell asks).
 * A request that finds an index still being built from scratch is answered 503 INDEX_BUILDING; it is
 * asked again after its Retry-After (at most 2 s), and the cold figures run until the 200.
 * Targets (issue "Duplicate work between cities"): (a) p95 < 100 ms, (b) p95 < 50 ms, (c) < 1 s.
 *
 *   npx tsx bench/insights-scale.ts [--organisations 100000] [--projects 50000] [--cities 300]
 *     [--new-projects 200] [--names 500] [--load direct|worker] [--worker process|inline] [--port 7699] [--heap 3g] [--page-cache 1g] [--keep-data] [--reuse-data] [--strict]
 *
 * Neo4j: its own embedded instance on --port with its data in .data/insights-scale-neo4j (deleted first
 * and, unless --keep-data, afterwards), never the development database. Redis: REDIS_URL (default
 * 127.0.0.1:6379) under a prefix of the run's own, whose keys are deleted at the end.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig, type Config } from '../api/infra/config';
import { createGraphDb, cypherDirOf } from '../api/infra/neo4j';
import { startApiServer, type ApiServer } from '../api/server';
import { startEmbeddedNeo4j, portAnswers, type RunningNeo4j } from '../scripts/services/neo4j-embedded';
import { deleteKeys, keyPatternsOf } from '../scripts/services/redis-keys';
import { createRedis, redisOptions } from '../api/infra/redis';
import { Queue } from 'bullmq';
import { INSIGHTS_QUEUE } from '../domain/jobs';
import { startWorker, type RunningWorker } from '../worker/worker';
import { exitCodeOf, spawnTs } from '../scripts/services/processes';
import { envOf } from './stack';
import { mulberry32 } from '../domain/random';
import { generateWorkspace, type GeneratedWorkspace } from './insights-data';
import { loadChanges, type LoadMode } from './insights-load';
import { KeepAliveClient } from './http';
import { monitorProcess } from './process-monitor';
import { fmtMb, fmtMs, percentiles, table } from './stats';
import { arg, hasFlag as flag } from './cli';

const num = (name: string, fallback: number) => {
  const v = Number(arg(name, String(fallback)));
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} expects a number`);
  return v;
};

const SIZE = { regions: 20, cities: num('cities', 300), organisations: num('organisations', 100_000), projects: num('projects', 50_000) };
const NEW_PROJECTS = num('new-projects', 200);
const NAMES = num('names', 500);
const PORT = num('port', 7699);
const HEAP = arg('heap', '3g');
const PAGE_CACHE = arg('page-cache', '1g');
const LOAD_BATCH = num('load-batch', 5000);
const LOAD_MODE = arg('load', 'direct') as LoadMode;
if (LOAD_MODE !== 'direct' && LOAD_MODE !== 'worker') throw new Error('--load expects direct or worker');
/** Where the worker runs: its own process (as `npm start` runs it; its insight jobs then do not share the API's event loop and heap) or in this one. */
const WORKER_MODE = arg('worker', 'process');
if (WORKER_MODE !== 'process' && WORKER_MODE !== 'inline') throw new Error('--worker expects process or inline');
const WORKSPACE = 'bench-insights-scale';
/** Keep the database folder afterwards; with --reuse-data a later run starts on it and skips the load. */
const KEEP = flag('keep-data') || flag('reuse-data');
const REUSE = flag('reuse-data');
const TARGETS = { overlapsP95: 100, similarP95: 50, matrix: 1000 };

const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (t0: number) => performance.now() - t0;

// ---- HTTP ----------------------------------------------------------------------------------------

const getAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** GET a path, resolving with status, body size and the parsed JSON (timed by the caller). */
function get(base: string, pathname: string): Promise<{ status: number; bytes: number; body: unknown; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(pathname, base);
    const req = http.get(url, { agent: getAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, bytes: Buffer.byteLength(text), body: JSON.parse(text), retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
        } catch (err) {
          reject(new Error(`GET ${pathname}: ${res.statusCode} ${text.slice(0, 200)} (${(err as Error).message})`));
        }
      });
      res.on('error', reject);
    });
    req.setTimeout(600_000, () => req.destroy(new Error(`GET ${pathname} timed out`)));
    req.on('error', reject);
  });
}

/** 503 INDEX_BUILDING answers seen (an index being built from scratch), counted by timedGet. */
let buildingAnswers = 0;

/**
 * GET timed until its 200: a 503 INDEX_BUILDING (index being built) is asked again after its
 * Retry-After (at most 2 s here, so that the cold figures are not rounded up by much), as a client would.
 */
async function timedGet(base: string, pathname: string): Promise<{ ms: number; body: unknown; bytes: number }> {
  const t0 = performance.now();
  for (;;) {
    const r = await get(base, pathname);
    if (r.status === 503 && (r.body as { error?: { code?: string } }).error?.code === 'INDEX_BUILDING') {
      buildingAnswers++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 1000 * Number(r.retryAfter ?? 1))));
      continue;
    }
    const took = ms(t0);
    if (r.status !== 200) throw new Error(`GET ${pathname}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    return { ms: took, body: r.body, bytes: r.bytes };
  }
}

/**
 * Waits until the worker's insight jobs are done (the first one builds the worker's own overlap index,
 * a minute or more of CPU in this same process), so that (a) measures the steady state rather than the
 * cold start, which is measured on its own. Returns how long that took.
 */
async function insightsSettled(config: Config): Promise<number> {
  const t0 = performance.now();
  const queue = new Queue(INSIGHTS_QUEUE, { connection: redisOptions(config, 'blocking'), prefix: config.REDIS_PREFIX });
  try {
    for (;;) {
      const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return ms(t0);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await queue.close();
  }
}

// ---- set-up ----------------------------------------------------------------------------------------

/** The worker as `npm start` runs it (`tsx worker/main.ts`), with this run's configuration; resolves once it takes jobs. */
async function startWorkerProcess(config: Config): Promise<{ stop(): Promise<void> }> {
  const child = spawnTs(config.rootDir, 'worker/main.ts', [], { ...process.env, ...envOf(config) }, ['ignore', 'pipe', 'inherit']);
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('worker:')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited with code ${code} before it started`)));
  });
  child.stdout!.resume();
  return {
    async stop() {
      child.kill('SIGTERM');
      await exitCodeOf(child);
    },
  };
}

async function startNeo4j(config: Config): Promise<RunningNeo4j> {
  if (await portAnswers(PORT)) throw new Error(`something already answers on port ${PORT}; give --port a free one (the benchmark never reuses a running database)`);
  const dataDir = path.join(config.DATA_DIR, 'insights-scale-neo4j');
  if (!REUSE) fs.rmSync(dataDir, { recursive: true, force: true });
  const t0 = performance.now();
  const neo4j = await startEmbeddedNeo4j({ rootDir: config.rootDir, dataDir, port: PORT, heap: HEAP, pageCache: PAGE_CACHE });
  say(`neo4j: embedded on ${neo4j.uri}, heap ${HEAP}, page cache ${PAGE_CACHE}, data in ${path.relative(config.rootDir, dataDir)} (started in ${(ms(t0) / 1000).toFixed(1)} s)`);
  return neo4j;
}

// ---- generated queries ----------------------------------------------------------------------------

/** Variants of existing names (as someone would type them) and fresh names, half and half. */
function nameQueries(gen: GeneratedWorkspace, count: number): { name: string; kind: string }[] {
  const rng = mulberry32(99);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const fold = (s: string) => s.replace(/[äå]/g, 'a').replace(/ö/g, 'o').replace(/[ÄÅ]/g, 'A').replace(/Ö/g, 'O');
  const typo = (s: string) => {
    const i = 1 + Math.floor(rng() * (s.length - 2));
    return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  };
  const dropSuffix = (s: string) => s.replace(/\s+(Oy Ab|Oyj|Oy|Ab|AB|Ky|ry|HB|Osuuskunta)$/, '');
  const variants: [string, (s: string) => string][] = [
    ['lower case', (s) => s.toLowerCase()],
    ['without ä/ö/å', fold],
    ['typo', typo],
    ['no legal suffix', dropSuffix],
    ['other suffix', (s) => `${dropSuffix(s)} Ab`],
    ['upper case, folded', (s) => fold(s).toUpperCase()],
  ];
  const fresh = ['Pohjolan Litiumjalostamo', 'Kärppä Energia Oy', 'Nordisk Batteriåtervinning AB', 'Sääksjärven Metallivalimo Oy', 'Åbo Kretsloppsteknik Ab', 'Ylläs Vetyratkaisut Oy'];
  const out: { name: string; kind: string }[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      const [kind, f] = pick(variants);
      out.push({ name: f(pick(gen.organisations).name), kind });
    } else {
      out.push({ name: `${pick(fresh)} ${i}`.replace(/ (Oy|AB|Ab) (\d+)$/, ' $2 $1'), kind: 'fresh' });
    }
  }
  return out;
}

/** The batch that creates one new project with its themes, lead, partner and city, as a client would send it. */
function newProjectBatch(gen: GeneratedWorkspace, runId: string, i: number, rng: () => number): { id: string; body: string } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const id = `${WORKSPACE}-new-${runId}-${i}`;
  const city = pick(gen.cities);
  const themes = [...new Set([pick(gen.themeIds), pick(gen.themeIds)])];
  const lead = pick(gen.organisations);
  const partner = pick(gen.organisations);
  const changes = [
    {
      op: 'node:create',
      nodeType: 'Project',
      id,
      props: {
        name: `Uusi kiertotaloushanke ${i} – ${city.name}`,
        nameEn: `New circular economy project ${i} in ${city.name}`,
        description: `Akkujen kierrätys ja sivuvirtojen hyödyntäminen ${city.name}n seudulla; yhteistyö yritysten ja oppilaitosten kanssa.`,
        startDate: '2025-09-01',
        endDate: '2027-08-31',
        budgetEur: 400_000 + i * 1000,
      },
    },
    ...themes.map((t) => ({ op: 'relationship:create', data: { type: 'FOCUSES_ON', from: id, to: t } })),
    { op: 'relationship:create', data: { type: 'LOCATED_IN', from: id, to: city.id } },
    { op: 'relationship:create', data: { type: 'LEADS', from: lead.id, to: id } },
    ...(partner.id !== lead.id ? [{ op: 'relationship:create', data: { type: 'PARTNER_IN', from: partner.id, to: id } }] : []),
  ];
  return { id, body: JSON.stringify({ changes }) };
}

// ---- main ------------------------------------------------------------------------------------------

async function main() {
  const runId = Date.now().toString(36);
  const base = loadConfig();
  const prefix = `${base.REDIS_PREFIX === 'verkosto' ? 'verkosto-bench' : base.REDIS_PREFIX}-insights-${runId}`;
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: `bolt://127.0.0.1:${PORT}`,
    NEO4J_USER: undefined,
    NEO4J_PASSWORD: undefined,
    REDIS_PREFIX: prefix,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // The network-metrics job (150,000 nodes, tens of seconds of work) would run in this process right
    // after the first new project; it is measured by bench/metrics-speed.ts, not here.
    METRICS_DEBOUNCE_MS: String(24 * 3600 * 1000),
    // The first write into 150,000 cold nodes on a busy machine can take longer than the default 15 s.
    WAIT_TIMEOUT_MS: '60000',
  });
  say(`insights-scale: ${SIZE.cities} cities in ${SIZE.regions} regions, ${SIZE.organisations.toLocaleString('en-US')} organisations, ${SIZE.projects.toLocaleString('en-US')} projects`);
  say(`machine: ${(await import('node:os')).cpus().length} CPUs, load average ${(await import('node:os')).loadavg()[0].toFixed(2)} at the start (shared with other work)`);

  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((err: Error) => process.stderr.write(`clean-up: ${err.message}\n`));
  };
  let failed = false;
  // Ctrl-C: stop the embedded Neo4j and delete the run's Redis keys before leaving.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`\n${signal}: cleaning up...`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    const neo4j = await startNeo4j(config);
    cleanups.push(async () => {
      await neo4j.stop();
      if (!KEEP) fs.rmSync(path.join(config.DATA_DIR, 'insights-scale-neo4j'), { recursive: true, force: true });
    });
    cleanups.push(async () => {
      const redis = createRedis(config);
      await deleteKeys(redis, keyPatternsOf(prefix));
      redis.disconnect();
    });

    const db = createGraphDb(config);
    cleanups.push(() => db.close());
    await db.applySchema(cypherDirOf(config));

    let t0 = performance.now();
    const gen = generateWorkspace(WORKSPACE, SIZE);
    say(`generated ${(gen.nodeChanges.length + gen.linkChanges.length).toLocaleString('en-US')} changes in ${(ms(t0) / 1000).toFixed(1)} s: ${Object.entries(gen.counts).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}`);
    const [stored] = await db.read<{ nodeCount: number }>('workspace-get', { workspaceId: WORKSPACE });
    const expected = gen.nodeChanges.length - 1;
    if (REUSE && stored && stored.nodeCount >= expected) {
      say(`reusing the workspace stored by an earlier run with --keep-data (${stored.nodeCount.toLocaleString('en-US')} nodes); no load`);
    } else {
      if (stored) throw new Error(`the kept database holds an incomplete workspace (${stored.nodeCount} of ${expected} nodes); run without --reuse-data`);
      const { nodesMs, linksMs } = await loadChanges(db, config.NEO4J_DATABASE, LOAD_MODE, gen.nodeChanges, gen.linkChanges, LOAD_BATCH, say);
      const total = gen.nodeChanges.length + gen.linkChanges.length;
      const how = LOAD_MODE === 'worker' ? "through the worker's applyBatch (change log included)" : 'directly, in the shape the worker writes (UNWIND … CREATE, no change log)';
      say(
        `loaded ${how}, batches of ${LOAD_BATCH}: nodes ${(nodesMs / 1000).toFixed(1)} s, ` +
          `links ${(linksMs / 1000).toFixed(1)} s, total ${((nodesMs + linksMs) / 1000).toFixed(1)} s (${Math.round(total / ((nodesMs + linksMs) / 1000)).toLocaleString('en-US')} changes/s)`,
      );
    }

    if (WORKER_MODE === 'inline') {
      const worker: RunningWorker = await startWorker(config);
      cleanups.push(() => worker.close());
    } else {
      const worker = await startWorkerProcess(config);
      cleanups.push(() => worker.stop());
    }
    let api: ApiServer = await startApiServer(config);
    let apiClosed = false;
    cleanups.push(async () => {
      if (!apiClosed) await api.close();
    });
    const restartApi = async () => {
      apiClosed = true;
      await api.close();
      api = await startApiServer(config);
      apiClosed = false;
    };
    const monitor = monitorProcess();
    const rows: string[][] = [];
    const row = (cells: string[]) => {
      rows.push(cells);
      say(`  ${cells.filter(Boolean).join('  ')}`);
    };
    const verdict = (value: number, target: number) => (value < target ? 'met' : 'NOT met');
    const results: boolean[] = [];

    // (a) overlaps of a new project, right after it was created through the API
    const writer = new KeepAliveClient(api.url, 2);
    const rng = mulberry32(7);
    const overlapTimes: number[] = [];
    const createTimes: number[] = [];
    let cold = NaN;
    let settleMs = NaN;
    let found = 0;
    for (let i = 0; i < NEW_PROJECTS; i++) {
      const { id, body } = newProjectBatch(gen, runId, i, rng);
      t0 = performance.now();
      const answer = await writer.post(`/api/v1/workspaces/${WORKSPACE}/changes?wait=true`, body, 60_000);
      createTimes.push(ms(t0));
      if (answer.status !== 200 || JSON.parse(answer.text).status !== 'applied') throw new Error(`creating project ${id}: ${answer.status} ${answer.text.slice(0, 300)}`);
      const r = await timedGet(api.url, `/api/v1/workspaces/${WORKSPACE}/projects/${encodeURIComponent(id)}/overlaps?k=5`);
      found += (r.body as { items: unknown[] }).items.length ? 1 : 0;
      if (i === 0) {
        cold = r.ms;
        settleMs = await insightsSettled(config);
      } else overlapTimes.push(r.ms);
    }
    writer.close();
    const ov = percentiles(overlapTimes);
    const cr = percentiles(createTimes);
    results.push(ov.p95 < TARGETS.overlapsP95);
    row(['(a) overlaps of a new project, first call (cold)', fmtMs(cold), '', '', '', '']);
    row(["    then waiting for the worker's insight jobs (its own index, cold)", fmtMs(settleMs), '', '', '', '']);
    row([`(a) overlaps of a new project (${ov.n} after the first)`, fmtMs(ov.p50), fmtMs(ov.p95), fmtMs(ov.max), `p95 < ${TARGETS.overlapsP95}`, verdict(ov.p95, TARGETS.overlapsP95)]);
    row([`    creating it (POST …/changes?wait=true, not a target)`, fmtMs(cr.p50), fmtMs(cr.p95), fmtMs(cr.max), '', '']);

    // (b) duplicate candidates for new names
    const names = nameQueries(gen, NAMES);
    const similarTimes: number[] = [];
    let similarCold = NaN;
    let variantHits = 0;
    for (let i = 0; i < names.length; i++) {
      const r = await timedGet(api.url, `/api/v1/workspaces/${WORKSPACE}/similar?type=Organisation&name=${encodeURIComponent(names[i].name)}`);
      if (names[i].kind !== 'fresh' && (r.body as { items: unknown[] }).items.length) variantHits++;
      if (i === 0) similarCold = r.ms;
      else similarTimes.push(r.ms);
    }
    const sim = percentiles(similarTimes);
    results.push(sim.p95 < TARGETS.similarP95);
    row(['(b) duplicate candidates, first call (cold)', fmtMs(similarCold), '', '', '', '']);
    row([`(b) duplicate candidates (${sim.n} names after the first)`, fmtMs(sim.p50), fmtMs(sim.p95), fmtMs(sim.max), `p95 < ${TARGETS.similarP95}`, verdict(sim.p95, TARGETS.similarP95)]);

    // (c) the city × theme matrix: cold on a fresh API (no cached index), then warm, then after a change
    await restartApi();
    const matrixPath = `/api/v1/workspaces/${WORKSPACE}/specialisation?by=city`;
    const matrixCold = await timedGet(api.url, matrixPath);
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) warm.push((await timedGet(api.url, matrixPath)).ms);
    const afterChange: number[] = [];
    const writer2 = new KeepAliveClient(api.url, 1);
    for (let i = 0; i < 3; i++) {
      const { body } = newProjectBatch(gen, runId, NEW_PROJECTS + i, rng);
      const answer = await writer2.post(`/api/v1/workspaces/${WORKSPACE}/changes?wait=true`, body, 60_000);
      if (answer.status !== 200) throw new Error(`creating a project: ${answer.status} ${answer.text.slice(0, 300)}`);
      afterChange.push((await timedGet(api.url, matrixPath)).ms);
    }
    writer2.close();
    const matrix = matrixCold.body as { cells: { placeId: string; themeId: string; projects: number }[]; places: unknown[]; themes: unknown[] };
    // The projects behind the fullest cells (what a click on the heat map asks for), first page of 50.
    const fullest = [...matrix.cells].sort((x, y) => y.projects - x.projects).slice(0, 20);
    const cellTimes: number[] = [];
    for (const c of fullest) {
      const r = await timedGet(api.url, `/api/v1/workspaces/${WORKSPACE}/specialisation/projects?by=city&place=${encodeURIComponent(c.placeId)}&theme=${encodeURIComponent(c.themeId)}&limit=50`);
      if ((r.body as { total: number }).total !== c.projects) throw new Error(`cell ${c.placeId} × ${c.themeId}: ${(r.body as { total: number }).total} projects, the matrix says ${c.projects}`);
      cellTimes.push(r.ms);
    }
    const cellP = percentiles(cellTimes);
    const warmP = percentiles(warm);
    const changedP = percentiles(afterChange);
    results.push(warmP.max < TARGETS.matrix, changedP.max < TARGETS.matrix);
    row(['(c) city × theme matrix, cold (fresh API process state)', fmtMs(matrixCold.ms), '', '', '', '']);
    row([`(c) city × theme matrix, warm (${warmP.n} calls)`, fmtMs(warmP.p50), fmtMs(warmP.max), fmtMs(warmP.max), `< ${TARGETS.matrix}`, verdict(warmP.max, TARGETS.matrix)]);
    row([`(c) … right after a new project (${changedP.n} calls)`, fmtMs(changedP.p50), fmtMs(changedP.max), fmtMs(changedP.max), `< ${TARGETS.matrix}`, verdict(changedP.max, TARGETS.matrix)]);
    row([`    projects of one cell (${cellP.n} fullest cells, 50 a page; not a target)`, fmtMs(cellP.p50), fmtMs(cellP.p95), fmtMs(cellP.max), '', '']);

    const sample = monitor.stop();
    say();
    say(table(['figure (ms, over HTTP)', 'p50', 'p95', 'max', 'target', ''], rows));
    say();
    say(`checks: ${found}/${NEW_PROJECTS} new projects had overlaps; ${variantHits}/${names.filter((n) => n.kind !== 'fresh').length} name variants found a candidate; matrix ${matrix.places.length} places × ${matrix.themes.length} themes, ${matrix.cells.length} cells, ${fmtMb(matrixCold.bytes)} JSON; ${buildingAnswers} answers 503 INDEX_BUILDING (asked again)`);
    say(
      `process (API${WORKER_MODE === 'inline' ? ' + worker' : ''}, in this process): RSS ${fmtMb(process.memoryUsage.rss())} now, peak ${fmtMb(sample.rssPeak)} while measuring; V8 heap peak ${fmtMb(sample.heapPeak)}; ` +
        `CPU ${Math.round(sample.cpuPercent)} % of one core; event-loop delay p99 ${fmtMs(sample.loopP99Ms)} ms; machine busy ${Math.round(sample.machineBusyPercent)} %, load ${sample.loadAvg.toFixed(2)}`,
    );
    if (flag('strict') && results.some((ok) => !ok)) failed = true;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  } finally {
    getAgent.destroy();
    await cleanup();
  }
  if (failed) process.exitCode = 2;
}

void main();
