/**
 * How long the network metrics take (worker/metrics/compute.ts): on the demo network (in memory, from
 * scripts/seed/demo-network.ts) and on a generated graph of 20,000 nodes and 100,000 edges (seeded:
 * organisations located in 200 cities of 20 regions, projects and themes, random cooperation links).
 * With --neo4j it also times the whole job on the stored 'demo' workspace (read, compute, batched
 * write; no socket event), against the Neo4j the environment names (NEO4J_URI).
 *
 *   npx tsx bench/metrics-speed.ts [--nodes 20000] [--edges 100000] [--neo4j]
 */
import { computeMetrics, type MetricsInputEdge, type MetricsInputNode, type MetricsResult } from '../worker/metrics/compute';
import { computeMetricsOffThread } from '../worker/metrics/compute-thread';
import { demoNodes, demoRelationships } from '../scripts/seed/demo-network';
import { mulberry32 } from '../domain/random';
import { numArg } from './cli';

const arg = numArg;

function report(label: string, r: MetricsResult) {
  const mem = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  console.log(`${label}: ${r.nodeCount} nodes, ${r.edgeCount} edges (simple) in ${r.durationMs} ms; modularity ${r.modularity.toFixed(3)}, ${r.communityCount} communities, ${r.nodes.filter((n) => n.broker).length} brokers; heap ${mem} MiB`);
  for (const note of r.algorithmNotes) console.log(`  ${note}`);
  console.log(`  ms per step: ${JSON.stringify(r.timings)}`);
}

function demo(): MetricsResult {
  const cityOf = new Map<string, string>();
  const regionOf = new Map<string, string>();
  const types = new Map(demoNodes.map((n) => [n.id, n.type as string]));
  for (const r of demoRelationships) {
    if (r.type === 'IN_REGION' && types.get(r.to) === 'Region') regionOf.set(r.from, r.to);
  }
  for (const r of demoRelationships) {
    if (r.type === 'LOCATED_IN' && types.get(r.to) === 'City') cityOf.set(r.from, r.to);
  }
  const nodes: MetricsInputNode[] = demoNodes.map((n) => ({ id: n.id, type: n.type, city: cityOf.get(n.id) ?? null, region: regionOf.get(cityOf.get(n.id) ?? n.id) ?? null }));
  const edges: MetricsInputEdge[] = demoRelationships.map((r) => ({ source: r.from, target: r.to, type: r.type }));
  return computeMetrics(nodes, edges);
}

function generated(nodeCount: number, edgeCount: number): { nodes: MetricsInputNode[]; edges: MetricsInputEdge[] } {
  const rnd = mulberry32(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const regions = Array.from({ length: 20 }, (_, i) => `r${i}`);
  const cities = Array.from({ length: 200 }, (_, i) => `c${i}`);
  const nodes: MetricsInputNode[] = [...regions.map((id) => ({ id, type: 'Region' })), ...cities.map((id) => ({ id, type: 'City', region: pick(regions) }))];
  const edges: MetricsInputEdge[] = nodes.filter((n) => n.type === 'City').map((c) => ({ source: c.id, target: c.region as string, type: 'IN_REGION' }));
  const rest = nodeCount - nodes.length;
  const actors: string[] = [];
  for (let i = 0; i < rest; i++) {
    const type = i < rest * 0.75 ? 'Organisation' : i < rest * 0.95 ? 'Project' : 'Theme';
    const city = type === 'Organisation' ? pick(cities) : null;
    nodes.push({ id: `n${i}`, type, city, region: null });
    if (city) edges.push({ source: `n${i}`, target: city, type: 'LOCATED_IN' });
    actors.push(`n${i}`);
  }
  while (edges.length < edgeCount) {
    // Skewed ends (square of a uniform draw): some actors are hubs, as in real cooperation networks.
    const a = actors[Math.floor(rnd() ** 2 * actors.length)];
    const b = pick(actors);
    if (a !== b) edges.push({ source: a, target: b, type: 'COOPERATES_WITH' });
  }
  return { nodes, edges };
}

async function stored() {
  const { loadConfig } = await import('../api/infra/config');
  const { createGraphDb } = await import('../api/infra/neo4j');
  const { runMetrics } = await import('../worker/metrics/job');
  const db = createGraphDb(loadConfig());
  try {
    const started = performance.now();
    const done = await runMetrics(db, null, 'demo');
    console.log(`stored demo workspace, whole job (read + compute + write): ${Math.round(performance.now() - started)} ms for ${done.nodes.length} nodes (compute ${done.durationMs} ms)`);
  } finally {
    await db.close();
  }
}

async function main() {
  report('demo network (in memory)', demo());
  const label = `generated ${arg('nodes', 20_000)} / ${arg('edges', 100_000)}`;
  const g = generated(arg('nodes', 20_000), arg('edges', 100_000));
  report(`${label}, inline`, computeMetrics(g.nodes, g.edges));
  // As the worker runs it: in a worker thread; the event loop (change ingestion) stays free meanwhile.
  let maxLag = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  const threaded = await computeMetricsOffThread(g.nodes, g.edges);
  clearInterval(ticker);
  console.log(`${label}, worker thread: ${Math.round(performance.now() - started)} ms wall (compute ${threaded.durationMs} ms); longest event-loop stall meanwhile ${Math.round(maxLag)} ms`);
  console.log(`  ms per step: ${JSON.stringify(threaded.timings)}`);
  if (process.argv.includes('--neo4j')) await stored();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
