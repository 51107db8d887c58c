/// <reference lib="dom" />
/**
 * Client render benchmark: generated maps of 2,000 / 10,000 / 50,000 elements (40 % nodes, 60 %
 * links; cities with coordinates, organisations, projects, themes) are loaded through the worker's
 * applyBatch in batches of 5,000 into an embedded Neo4j of its own (own port, own data dir under
 * .data/, wiped first), served by the API with the built client (run `npm run build:client` first),
 * and opened in headless Debian chromium with the canvas renderer and with WebGL. Measured in the page:
 * time from navigation to the first frame with every element drawn (window.verkosto.firstRenderMs; the
 * server has answered the graph request once before, and that cold request is printed apart),
 * the client's load steps (performance measures verkosto:fetch/add/panels/layout/views/frame),
 * JS heap after it, and the time from the first submit of 1,000 live changes through the API
 * (10 batch requests of 50 organisations + 50 links) until the page has added all 1,000 elements.
 * Then, on the loaded canvas page, how long the layouts a big map could use take.
 *
 *   npx tsx bench/render.ts [--sizes 2000,10000,50000] [--renderers canvas,webgl] [--port 7719] [--heap 1g]
 *     [--swiftshader]   also run WebGL with --enable-unsafe-swiftshader (software WebGL)
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import type { Change } from '../domain/changes';
import { loadConfig, withOverrides, type Config } from '../api/infra/config';
import { createGraphDb, cypherDirOf, type GraphDb } from '../api/infra/neo4j';
import { createRedis } from '../api/infra/redis';
import { startApiServer, type ApiServer } from '../api/server';
import { applyBatch } from '../worker/apply-changes';
import { startWorker } from '../worker/worker';
import { deleteKeys, keyPatternsOf } from '../scripts/services/redis-keys';
import { freshBenchNeo4j } from './fresh-neo4j';
import { mulberry32 } from '../domain/random';
import { fmtInt, fmtMs, table } from './stats';
import { arg, hasFlag } from './cli';

const SIZES = arg('sizes', '2000,10000,50000').split(',').map(Number);
const RENDERERS = arg('renderers', 'canvas,webgl').split(',');
const PORT = Number(arg('port', '7719'));
const HEAP = arg('heap', '1g');
const SWIFTSHADER = hasFlag('swiftshader');
const LIVE_CHANGES = 1000;
const LOAD_BATCH = 5000;
const CHROMIUM = '/usr/bin/chromium';
const BASE_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const PAGE_TIMEOUT_MS = 10 * 60_000;
const TARGET = { elements: 10_000, firstRenderMs: 3000 };
const PHASES = ['fetch', 'add', 'panels', 'layout', 'views', 'frame'];

const say = (s = '') => process.stdout.write(`${s}\n`);

// ---- the generated map ------------------------------------------------------------------------

const WORDS = ['Ääne', 'Öljy', 'Åbo', 'Kierto', 'Akku', 'Metalli', 'Vety', 'Sähkö', 'Puu', 'Kaivos', 'Järvi', 'Höyry'];

function generate(ws: string, elements: number): Change[] {
  const random = mulberry32(elements); // seeded: every run draws the same map
  const nodes = Math.round(elements * 0.4);
  const edges = elements - nodes;
  const cities = Math.max(20, Math.round(nodes / 200));
  const themes = Math.max(10, Math.round(nodes / 100));
  const projects = Math.round(nodes / 20);
  const orgs = nodes - cities - themes - projects;
  const base = { workspaceId: ws, actor: 'bench', at: new Date().toISOString() };
  const changes: Change[] = [];
  const node = (nodeType: string, nodeId: string, props: Record<string, unknown>) =>
    changes.push({ ...base, id: randomUUID(), op: 'node:create', nodeType, nodeId, props } as Change);
  const seen = new Set<string>();
  let edgeCount = 0;
  const link = (relType: string, from: string, to: string) => {
    const key = `${relType}:${from}:${to}`;
    if (from === to || seen.has(key)) return;
    seen.add(key);
    edgeCount++;
    changes.push({
      ...base,
      id: randomUUID(),
      op: 'relationship:create',
      relType,
      relId: `${ws}-r${edgeCount}`,
      from,
      to,
      props: {},
    } as Change);
  };
  const id = (kind: string, i: number) => `${ws}-${kind}${i}`;
  for (let i = 0; i < cities; i++)
    node('City', id('c', i), { name: `${WORDS[i % 12]}kylä ${i}`, lat: 60 + random() * 8, lon: 21 + random() * 9 });
  for (let i = 0; i < themes; i++) node('Theme', id('t', i), { name: `${WORDS[i % 12]}teema ${i}`, kind: 'topic' });
  for (let i = 0; i < projects; i++)
    node('Project', id('p', i), { name: `Hanke ${WORDS[i % 12]} ${i}`, budgetEur: Math.round(random() * 2e6) });
  for (let i = 0; i < orgs; i++)
    node('Organisation', id('o', i), { name: `${WORDS[i % 12]}${WORDS[(i * 7) % 12].toLowerCase()} ${i} Oy`, orgType: 'company' });
  // Every organisation is in a city; the rest of the links are partnerships, themes and cooperation,
  // mostly between organisations of one city (neighbouring indices), so the map has structure.
  for (let i = 0; i < orgs && edgeCount < edges; i++) link('LOCATED_IN', id('o', i), id('c', i % cities));
  const near = (i: number, n: number, spread: number) => (i + Math.floor((random() - 0.5) * spread) + n) % n;
  while (edgeCount < edges) {
    const o = Math.floor(random() * orgs);
    const r = random();
    if (r < 0.35) link('PARTNER_IN', id('o', o), id('p', near(Math.floor((o / orgs) * projects), projects, 6)));
    else if (r < 0.6) link('FOCUSES_ON', id('o', o), id('t', near(Math.floor((o / orgs) * themes), themes, 4)));
    else link('COOPERATES_WITH', id('o', o), id('o', near(o + cities * Math.floor(random() * 3), orgs, 2 * cities)));
  }
  return changes;
}

async function load(db: GraphDb, changes: Change[]): Promise<void> {
  for (let i = 0; i < changes.length; i += LOAD_BATCH) {
    const outcomes = await applyBatch(db, changes.slice(i, i + LOAD_BATCH));
    const rejected = outcomes.filter((o) => 'rejected' in o);
    if (rejected.length) throw new Error(`load: ${rejected.length} rejected, e.g. ${JSON.stringify(rejected[0])}`);
  }
}

// ---- one page -----------------------------------------------------------------------------------

interface PageResult {
  firstRenderMs: number;
  readyMs: number;
  heapMb: number;
  liveMs: number;
  webgl: boolean;
  backend: string | null;
  /** The layout the page started with (big maps start geographic). */
  layout: string;
  drawn: number;
  /** The client's load steps (performance measures verkosto:fetch, add, panels, layout, views, frame), ms. */
  phases: Record<string, number>;
  layouts?: Record<string, number>;
}

type BenchWindow = Window & {
  verkosto?: {
    ready: boolean;
    firstRenderMs?: number;
    cy: import('cytoscape').Core;
    layout(): string;
    renderer?(): { webgl: boolean; backend: string | null };
  };
  liveAdded?: number;
  liveDoneAt?: number;
};

async function livePush(api: ApiServer, ws: string, cities: number, tag: string): Promise<number> {
  const started = Date.now();
  for (let r = 0; r < LIVE_CHANGES / 100; r++) {
    const changes: unknown[] = [];
    for (let i = 0; i < 50; i++) {
      const org = `${ws}-live-${tag}-${r}-${i}`;
      changes.push({
        op: 'node:create',
        nodeType: 'Organisation',
        id: org,
        props: { name: `Uusi toimija ${r}-${i} Åbo`, orgType: 'company' },
      });
      changes.push({ op: 'relationship:create', data: { type: 'LOCATED_IN', from: org, to: `${ws}-c${(r * 50 + i) % cities}` } });
    }
    const res = await fetch(`${api.url}/api/v1/workspaces/${ws}/changes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ changes }),
    });
    if (res.status !== 202) throw new Error(`live changes: ${res.status} ${await res.text()}`);
  }
  return started;
}

async function measurePage(
  browser: Browser,
  api: ApiServer,
  ws: string,
  renderer: string,
  cities: number,
  withLayouts: boolean,
): Promise<PageResult> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const t0 = Date.now();
    await page.goto(`${api.url}/?workspace=${encodeURIComponent(ws)}&renderer=${renderer}`);
    await page.waitForFunction(() => (window as BenchWindow).verkosto?.ready === true, undefined, {
      timeout: PAGE_TIMEOUT_MS,
      polling: 100,
    });
    const readyMs = Date.now() - t0;
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const info = await page.evaluate(() => {
      const v = (window as BenchWindow).verkosto!;
      return {
        firstRenderMs: v.firstRenderMs ?? NaN,
        drawn: v.cy.elements().length,
        phases: Object.fromEntries(
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('verkosto:'))
            .map((m) => [m.name.slice('verkosto:'.length), m.duration]),
        ),
        layout: v.layout(),
        ...(v.renderer?.() ?? { webgl: false, backend: null }),
      };
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };

    await page.evaluate((target) => {
      const w = window as BenchWindow;
      w.liveAdded = 0;
      w.verkosto!.cy.on('add', () => {
        w.liveAdded!++;
        if (w.liveAdded === target) w.liveDoneAt = Date.now();
      });
    }, LIVE_CHANGES);
    const started = await livePush(api, ws, cities, `${renderer}${Date.now()}`);
    await page.waitForFunction(() => (window as BenchWindow).liveDoneAt !== undefined, undefined, {
      timeout: PAGE_TIMEOUT_MS,
      polling: 50,
    });
    const doneAt = await page.evaluate(() => (window as BenchWindow).liveDoneAt!);

    let layouts: Record<string, number> | undefined;
    if (withLayouts) {
      layouts = await page.evaluate(async () => {
        const cy = (window as BenchWindow).verkosto!.cy;
        const n = cy.nodes().length;
        const candidates: [string, Record<string, unknown>][] = [
          ['grid', { name: 'grid' }],
          ['concentric', { name: 'concentric', minNodeSpacing: 14 }],
          ['fcose draft', { name: 'fcose', quality: 'draft', randomize: true }],
        ];
        if (n <= 1500) candidates.push(['fcose default', { name: 'fcose', quality: 'default', randomize: true, numIter: 2500 }]);
        const out: Record<string, number> = {};
        for (const [name, options] of candidates) {
          const t = performance.now();
          await new Promise<void>((resolve) => {
            const layout = cy.layout({ ...options, animate: false, fit: true } as never);
            layout.one('layoutstop', () => resolve());
            layout.run();
          });
          out[name] = performance.now() - t;
        }
        return out;
      });
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ...info, readyMs, heapMb: heap.usedSize / 1024 / 1024, liveMs: doneAt - started, layouts };
  } finally {
    await context.close();
  }
}

// ---- main -----------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(__dirname, '..', 'client', 'dist', 'index.html')))
    throw new Error('client/dist is missing: run `npm run build:client` first');
  const base = loadConfig();
  const neo4j = await freshBenchNeo4j(base, 'render-bench-neo4j', PORT, HEAP);
  // Metrics would compute betweenness over the big maps while we measure: pushed far out.
  const config: Config = withOverrides(base, {
    NEO4J_URI: neo4j.uri,
    PORT: 0,
    LOG_LEVEL: 'silent',
    REDIS_PREFIX: `verkosto-bench-render-${randomUUID().slice(0, 8)}`,
    METRICS_DEBOUNCE_MS: 3_600_000,
  });
  const db = createGraphDb(config);
  await db.applySchema(cypherDirOf(config));
  const worker = await startWorker(config);
  const api = await startApiServer(config);
  const variants: { name: string; renderer: string; flags: string[] }[] = RENDERERS.map((r) => ({
    name: r,
    renderer: r,
    flags: BASE_FLAGS,
  }));
  if (SWIFTSHADER) variants.push({ name: 'webgl (swiftshader)', renderer: 'webgl', flags: [...BASE_FLAGS, '--enable-unsafe-swiftshader'] });
  const rows: string[][] = [];
  const layoutRows: string[][] = [];
  const phaseRows: string[][] = [];
  let targetMet: boolean | null = null;
  try {
    say(`render bench: Neo4j ${neo4j.uri} (heap ${HEAP}), chromium ${CHROMIUM} ${BASE_FLAGS.join(' ')}`);
    for (const elements of SIZES) {
      const ws = `bench-render-${elements}-${randomUUID().slice(0, 6)}`;
      const created = await fetch(`${api.url}/api/v1/workspaces?wait=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: ws, name: `Piirtotesti ${elements} Åbo` }),
      });
      if (created.status !== 201) throw new Error(`workspace: ${created.status}`);
      const changes = generate(ws, elements);
      const t = performance.now();
      await load(db, changes);
      const cities = changes.filter((c) => c.op === 'node:create' && c.nodeType === 'City').length;
      say(`${elements} elements: loaded through applyBatch in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      // The pages measure the client on a server in use: the graph query's plan is compiled and its data
      // read once before. That first request (after a restart, once per query shape) is printed apart.
      const cold = performance.now();
      const warmUp = await fetch(`${api.url}/api/v1/workspaces/${encodeURIComponent(ws)}/graph`);
      const warmUpBytes = (await warmUp.arrayBuffer()).byteLength;
      say(`  server: first graph request ${fmtMs(performance.now() - cold)} ms (cold; ${(warmUpBytes / 1e6).toFixed(1)} MB of JSON); the pages below ask a warm server`);
      for (const [i, variant] of variants.entries()) {
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: variant.flags });
        try {
          const r = await measurePage(browser, api, ws, variant.renderer, cities, i === 0);
          say(
            `  ${variant.name}: first render ${fmtMs(r.firstRenderMs)} ms, ready ${fmtMs(r.readyMs)} ms, heap ${r.heapMb.toFixed(0)} MB, ` +
              `${LIVE_CHANGES} live changes ${fmtMs(r.liveMs)} ms, webgl ${r.webgl} (${r.backend ?? 'no WebGL context'}), ` +
              `layout ${r.layout}, steps ms ${JSON.stringify(Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, Math.round(v)])))}` +
              (r.layouts
                ? `, layouts ms ${JSON.stringify(Object.fromEntries(Object.entries(r.layouts).map(([k, v]) => [k, Math.round(v)])))}`
                : ''),
          );
          rows.push([
            fmtInt(elements),
            variant.name,
            r.webgl ? `yes: ${r.backend ?? '?'}` : 'no',
            fmtInt(r.drawn),
            fmtMs(r.firstRenderMs),
            fmtMs(r.readyMs),
            r.heapMb.toFixed(0),
            fmtMs(r.liveMs),
          ]);
          phaseRows.push([fmtInt(elements), variant.name, ...PHASES.map((k) => fmtMs(r.phases[k]))]);
          if (elements === TARGET.elements && variant.renderer === 'canvas') targetMet = r.firstRenderMs < TARGET.firstRenderMs;
          if (r.layouts)
            layoutRows.push([fmtInt(elements), ...['grid', 'concentric', 'fcose draft', 'fcose default'].map((k) => fmtMs(r.layouts![k]))]);
        } catch (err) {
          say(`  ${variant.name}: FAILED ${(err as Error).message}`);
          rows.push([fmtInt(elements), variant.name, '-', '-', 'failed', '-', '-', '-']);
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await api.close();
    await worker.close();
    await db.close();
    const redis = createRedis(config);
    await deleteKeys(redis, keyPatternsOf(config.REDIS_PREFIX));
    redis.disconnect();
    await neo4j.stop();
  }
  say();
  say(
    table(
      [
        'elements',
        'renderer',
        'WebGL used (backend)',
        'drawn',
        'first render ms',
        'ready ms',
        'heap MB',
        `${LIVE_CHANGES} live changes ms`,
      ],
      rows,
      ['r', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  say('  first render: navigation start to the first frame with every element drawn, after the layout (window.verkosto.firstRenderMs).');
  say('  ready: the same plus the socket join, measured from page.goto. heap: JS heap after a forced GC.');
  say(`  live changes: first submit (10 requests x 100 changes) until the page had added all ${LIVE_CHANGES} elements.`);
  say();
  say(table(['elements', 'renderer', ...PHASES.map((k) => `${k} ms`)], phaseRows, ['r', 'l', ...PHASES.map(() => 'r' as const)]));
  say("  the client's load steps (performance measures verkosto:*): fetch = graph request and JSON; add = placement and cy.add;");
  say('  panels = filters, legend, counts; layout = layout run (none when placed from the data); frame = styles and the first frame.');
  if (layoutRows.length) {
    say();
    say(table(['elements', 'grid ms', 'concentric ms', 'fcose draft ms', 'fcose default ms'], layoutRows));
    say('  layouts run on the loaded canvas page (animate off); fcose default only up to 1,500 nodes.');
  }
  if (targetMet !== null)
    say(`TARGET ${fmtInt(TARGET.elements)} elements first render < ${TARGET.firstRenderMs} ms (canvas): ${targetMet ? 'met' : 'NOT met'}`);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
