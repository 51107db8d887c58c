/**
 * Speed of the analysis reads (api/services/network-analysis.ts) on the stored demo workspace (seeded
 * if missing): a node's ego network at depth 1, 2 and 3, shortest introduction paths between random
 * pairs of actors (max 6 steps), and the material flows.
 *
 *   NEO4J_URI=bolt://127.0.0.1:7687 npx tsx bench/analysis-reads.ts [--pairs 50] [--seed 7]
 */
import type { GraphNode } from '../domain/graph';
import { mulberry32 } from '../domain/random';
import { loadConfig } from '../api/infra/config';
import { createGraphDb } from '../api/infra/neo4j';
import { NetworkAnalysis } from '../api/services/network-analysis';
import { GraphReads } from '../api/services/graph-reads';
import { seedDemo } from '../scripts/seed';
import { fmtMs, percentiles, table } from './stats';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}
const pairs = Number(arg('pairs', '50'));
const rng = mulberry32(Number(arg('seed', '7')));
const WS = 'demo';
const REPEAT = 20;

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const result = await run();
  return [performance.now() - t0, result];
}

async function main() {
  const config = loadConfig();
  const db = createGraphDb(config);
  try {
    await seedDemo(config, db);
    const reads = new GraphReads(db);
    const analysis = new NetworkAnalysis(db);
    const graph = (await reads.graph(WS, { types: null, city: null, region: null, theme: null }, { editor: false }))!;
    const actors = graph.nodes.filter((n) => ['Organisation', 'Person', 'Cluster'].includes(n.type));
    const centre = graph.nodes.find((n) => n.id === 'org-digipolis') ?? actors[0]!;
    const rows: string[][] = [];
    for (const depth of [1, 2, 3]) {
      const times: number[] = [];
      let size = 0;
      for (let i = 0; i < REPEAT; i++) {
        const [ms, ego] = await timed(() => analysis.ego(WS, centre as GraphNode, depth));
        times.push(ms);
        size = ego.nodes.length;
      }
      const p = percentiles(times);
      rows.push([`ego depth ${depth} (${centre.name}: ${size} nodes)`, String(p.n), fmtMs(p.p50), fmtMs(p.p95), fmtMs(p.max)]);
    }
    const pathTimes: number[] = [];
    let found = 0;
    for (let i = 0; i < pairs; i++) {
      const a = actors[Math.floor(rng() * actors.length)]!;
      const b = actors[Math.floor(rng() * actors.length)]!;
      if (a.id === b.id) continue;
      const [ms, result] = await timed(() => analysis.paths(WS, a.id, b.id, 6));
      pathTimes.push(ms);
      if (result.length !== null) found++;
    }
    const pp = percentiles(pathTimes);
    rows.push([`paths, random actor pairs (${found}/${pp.n} connected within 6)`, String(pp.n), fmtMs(pp.p50), fmtMs(pp.p95), fmtMs(pp.max)]);
    const flowTimes: number[] = [];
    for (let i = 0; i < REPEAT; i++) flowTimes.push((await timed(() => analysis.materialFlows(WS)))[0]);
    const pf = percentiles(flowTimes);
    rows.push(['material flows', String(pf.n), fmtMs(pf.p50), fmtMs(pf.p95), fmtMs(pf.max)]);
    console.log(`demo workspace: ${graph.nodes.length} nodes, ${graph.edges.length} links\n`);
    console.log(table(['read', 'n', 'p50', 'p95', 'max'], rows, ['l', 'r', 'r', 'r', 'r']));
  } finally {
    await db.close();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
