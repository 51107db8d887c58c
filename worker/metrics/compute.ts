/**
 * Network metrics of one workspace's graph, computed with graphology's maintained implementations.
 *
 * The graph is taken as undirected and simple: every relationship except IN_WORKSPACE joins its two
 * nodes, parallel relationships between one pair add up into the edge's `weight` (self-loops are
 * dropped). Per node: degree (distinct neighbours), weighted degree (relationships), betweenness
 * (normalised; exact up to EXACT_LIMIT nodes, sampled from BETWEENNESS_SAMPLES seeded sources above),
 * closeness (Wasserman–Faust, fit for disconnected graphs; exact up to EXACT_LIMIT, estimated from
 * seeded BFS pivots above), PageRank (weighted), eigenvector centrality (weighted; null when the power
 * iteration does not converge), Louvain community (seeded, so reruns agree) with the modularity of the
 * partition, k-core number, and the broker flag (below). `algorithmNotes` says which were exact.
 *
 * Brokers. An organisation is a broker when, in the *collaboration graph* (the graph without City,
 * Region and Country nodes, so that sharing a city or region does not count as a tie), it is an
 * articulation point whose removal separates organisations located in different cities: of the pieces
 * its removal leaves of its connected component, at least two hold organisations that are LOCATED_IN a
 * city, and those cities are not all one. `brokerCities` is the number of distinct cities across those
 * pieces (0 for non-brokers) and `brokerRegions` the same for their regions. Without the broker these
 * cities' organisations would have no path of cooperation between them at all.
 *
 * Graphology has no k-core or articulation-point function; both are short linear-time textbook
 * algorithms (Batagelj–Zaversnik, Hopcroft–Tarjan), written iteratively below.
 */
import type { NodeMetricsPayload } from '../../domain/events';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import { mulberry32 } from '../../domain/random';

export const EXACT_LIMIT = 5000;
export const BETWEENNESS_SAMPLES = 256;
export const CLOSENESS_PIVOTS = 256;
const LOCATION_TYPES = new Set(['City', 'Region', 'Country']);

export interface MetricsInputNode {
  id: string;
  type: string;
  /** The city an organisation (or other node) is LOCATED_IN, if any. */
  city?: string | null;
  region?: string | null;
}
export interface MetricsInputEdge {
  source: string;
  target: string;
  type?: string;
}

/** One node's metrics: the shape the `metrics:updated` event carries (domain/events.ts). */
export type NodeMetrics = NodeMetricsPayload;

export interface MetricsResult {
  nodes: NodeMetrics[];
  modularity: number;
  communityCount: number;
  betweennessMode: 'exact' | 'sampled';
  closenessMode: 'exact' | 'sampled';
  algorithmNotes: string[];
  nodeCount: number;
  edgeCount: number;
  durationMs: number;
  /** Milliseconds per step (build, betweenness, closeness, pagerank, eigenvector, louvain, kcore, brokers). */
  timings: Record<string, number>;
}

function sample(n: number, k: number, rng: () => number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, k);
}

export function buildGraph(nodes: MetricsInputNode[], edges: MetricsInputEdge[]): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const n of nodes) graph.mergeNode(n.id, { type: n.type, city: n.city ?? null, region: n.region ?? null });
  for (const e of edges) {
    if (e.type === 'IN_WORKSPACE' || e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.updateEdge(e.source, e.target, (attr) => ({ weight: ((attr.weight as number | undefined) ?? 0) + 1 }));
  }
  return graph;
}

/** Betweenness from a seeded sample of sources (Brandes–Pich), scaled to estimate the exact figure. */
function sampledBetweenness(graph: Graph, samples: number, rng: () => number): Record<string, number> {
  // At run time the neighbourhood index hangs on the returned function (as graphology's own betweenness uses it).
  const brandes = createUnweightedIndexedBrandes(graph) as ReturnType<typeof createUnweightedIndexedBrandes> & {
    index: typeof createUnweightedIndexedBrandes.index;
  };
  const N = graph.order;
  const delta = new Float64Array(N);
  const centrality = new Float64Array(N);
  for (const s of sample(N, Math.min(samples, N), rng)) {
    const [S, P, sigma] = brandes(s);
    delta.fill(0);
    while (S.size !== 0) {
      const w = S.pop() as number;
      const coefficient = (1 + delta[w]) / sigma[w];
      for (const v of P[w]) delta[v] += sigma[v] * coefficient;
      if (w !== s) centrality[w] += delta[w];
    }
  }
  // Same normalisation as graphology's exact betweenness, times N / samples for the estimate.
  const scale = N <= 2 ? 0 : N / Math.min(samples, N) / ((N - 1) * (N - 2));
  for (let i = 0; i < N; i++) centrality[i] *= scale;
  return brandes.index.collect(centrality as unknown as number[]) as Record<string, number>;
}

/**
 * Closeness estimated from BFS pivots (Eppstein–Wang), Wasserman–Faust-corrected like the exact one.
 * The BFS runs over an integer adjacency list (graphology's string-keyed single-source lengths were
 * ten times slower at 20,000 nodes).
 */
function sampledCloseness(graph: Graph, pivots: number, rng: () => number): Record<string, number> {
  const ids = graph.nodes();
  const N = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj = ids.map((id) => graph.neighbors(id).map((n) => index.get(n) as number));
  const k = Math.min(pivots, N);
  const sum = new Float64Array(N);
  const hits = new Uint32Array(N);
  const dist = new Int32Array(N);
  const queue = new Int32Array(N);
  for (const p of sample(N, k, rng)) {
    dist.fill(-1);
    dist[p] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = p;
    while (head < tail) {
      const v = queue[head++];
      sum[v] += dist[v];
      hits[v]++;
      for (const u of adj[v]) {
        if (dist[u] === -1) {
          dist[u] = dist[v] + 1;
          queue[tail++] = u;
        }
      }
    }
  }
  const out: Record<string, number> = {};
  for (let i = 0; i < N; i++) {
    const h = hits[i];
    const s = sum[i];
    // Of the pivots, h reached the node: its component holds about h/k of the nodes.
    const reach = Math.round(((h - (h > 0 ? 1 : 0)) / Math.max(1, k)) * (N - 1));
    out[ids[i]] = s > 0 && reach > 0 ? (h / s) * (reach / (N - 1)) : 0;
  }
  return out;
}

/** k-core number of every node (Batagelj–Zaversnik, O(m)). */
function coreNumbers(graph: Graph): Record<string, number> {
  const degree = new Map<string, number>();
  graph.forEachNode((n) => degree.set(n, graph.degree(n)));
  const maxDeg = Math.max(0, ...degree.values());
  const buckets: Set<string>[] = Array.from({ length: maxDeg + 1 }, () => new Set());
  for (const [n, d] of degree) buckets[d].add(n);
  const core: Record<string, number> = {};
  for (let d = 0; d <= maxDeg; d++) {
    while (buckets[d].size) {
      const v = buckets[d].values().next().value as string;
      buckets[d].delete(v);
      core[v] = d;
      graph.forEachNeighbor(v, (u) => {
        if (u in core) return;
        const du = degree.get(u) as number;
        if (du > d) {
          buckets[du].delete(u);
          degree.set(u, du - 1);
          buckets[du - 1].add(u);
        }
      });
    }
  }
  return core;
}

interface BrokerInfo {
  cities: number;
  regions: number;
}

/**
 * Brokers as defined in the header: articulation points of the collaboration graph between cities.
 * Linear time: a DFS (Hopcroft–Tarjan) numbers each component's nodes so that every subtree is a range
 * of that order; the pieces an articulation point cuts off are its separated children's subtrees plus
 * the rest of the component. Prefix sums count the located organisations in a range, and together the
 * pieces are the component without the node, so their cities are the component's minus the node's own.
 */
function brokers(graph: Graph): Map<string, BrokerInfo> {
  const ids = graph.filterNodes((_n, a) => !LOCATION_TYPES.has(a.type as string));
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj: number[][] = ids.map((id) => graph.neighbors(id).flatMap((n) => (index.has(n) ? [index.get(n) as number] : [])));
  const N = ids.length;
  const isOrg = ids.map((id) => graph.getNodeAttribute(id, 'type') === 'Organisation');
  // Only organisations count, and only through their city and region.
  const cityOf = ids.map((id, i) => (isOrg[i] ? (graph.getNodeAttribute(id, 'city') as string | null) : null));
  const regionOf = ids.map((id, i) => (isOrg[i] ? (graph.getNodeAttribute(id, 'region') as string | null) : null));
  const disc = new Int32Array(N).fill(-1);
  const low = new Int32Array(N);
  const size = new Int32Array(N);
  const order: number[] = [];
  const located = [0]; // located[p]: organisations with a city among order[0..p)
  const result = new Map<string, BrokerInfo>();

  const visit = (u: number) => {
    disc[u] = low[u] = order.length;
    order.push(u);
    located.push(located[located.length - 1] + (cityOf[u] ? 1 : 0));
  };
  /** Distinct keys in the component, minus the articulation point's own when only it has that key. */
  const distinctWithout = (counts: Map<string, number>, own: string | null) => counts.size - (own !== null && counts.get(own) === 1 ? 1 : 0);
  const tally = (from: number, to: number, key: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (let p = from; p < to; p++) {
      const k = key[order[p]];
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };

  for (let root = 0; root < N; root++) {
    if (disc[root] !== -1) continue;
    const start = order.length;
    // Iterative DFS: stack of [node, parent, next neighbour position].
    const stack: [number, number, number][] = [[root, -1, 0]];
    visit(root);
    const separated = new Map<number, number[]>(); // articulation candidate -> children whose subtree it cuts off
    while (stack.length) {
      const top = stack[stack.length - 1];
      const [v, parent] = top;
      if (top[2] < adj[v].length) {
        const u = adj[v][top[2]++];
        if (u === parent) continue;
        if (disc[u] === -1) {
          visit(u);
          stack.push([u, v, 0]);
        } else low[v] = Math.min(low[v], disc[u]);
      } else {
        stack.pop();
        size[v] = order.length - disc[v];
        if (parent >= 0) {
          low[parent] = Math.min(low[parent], low[v]);
          if (low[v] >= disc[parent]) {
            const children = separated.get(parent);
            if (children) children.push(v);
            else separated.set(parent, [v]);
          }
        }
      }
    }
    const end = order.length;
    let cities: Map<string, number> | null = null;
    let regions: Map<string, number> | null = null;
    for (const [v, children] of separated) {
      if (!isOrg[v]) continue;
      // The root is an articulation point only with two or more DFS children.
      if (v === root && children.length < 2) continue;
      let piecesWithCities = 0;
      let inChildren = 0;
      for (const c of children) {
        const n = located[disc[c] + size[c]] - located[disc[c]];
        inChildren += n;
        if (n > 0) piecesWithCities++;
      }
      const rest = located[end] - located[start] - inChildren - (cityOf[v] ? 1 : 0);
      if (rest > 0) piecesWithCities++;
      if (piecesWithCities < 2) continue;
      cities ??= tally(start, end, cityOf);
      const cityCount = distinctWithout(cities, cityOf[v]);
      if (cityCount < 2) continue;
      regions ??= tally(start, end, regionOf);
      result.set(ids[v], { cities: cityCount, regions: distinctWithout(regions, regionOf[v]) });
    }
  }
  return result;
}

export function computeMetrics(
  nodes: MetricsInputNode[],
  edges: MetricsInputEdge[],
  opts: { seed?: number; /** Above this many nodes betweenness and closeness are sampled (tests lower it). */ exactLimit?: number } = {},
): MetricsResult {
  const started = performance.now();
  const graph = buildGraph(nodes, edges);
  const rng = mulberry32(opts.seed ?? 42);
  const notes: string[] = [];
  const timings: Record<string, number> = {};
  let lapStart = started;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - lapStart);
    lapStart = now;
  };
  lap('build');
  const N = graph.order;
  const exact = N <= (opts.exactLimit ?? EXACT_LIMIT);
  if (N === 0) {
    // graphology's Brandes index cannot be built for an empty graph: nothing to measure.
    return {
      nodes: [],
      modularity: 0,
      communityCount: 0,
      betweennessMode: 'exact',
      closenessMode: 'exact',
      algorithmNotes: ['empty graph'],
      nodeCount: 0,
      edgeCount: 0,
      durationMs: 0,
      timings,
    };
  }

  const betweenness = exact
    ? betweennessCentrality(graph, { getEdgeWeight: null, normalized: true })
    : sampledBetweenness(graph, BETWEENNESS_SAMPLES, rng);
  notes.push(
    exact
      ? 'betweenness: exact (Brandes, unweighted, normalised)'
      : `betweenness: sampled from ${Math.min(BETWEENNESS_SAMPLES, N)} of ${N} sources (Brandes–Pich estimate, unweighted, normalised)`,
  );
  lap('betweenness');
  const closeness = exact ? closenessCentrality(graph, { wassermanFaust: true }) : sampledCloseness(graph, CLOSENESS_PIVOTS, rng);
  notes.push(
    exact
      ? 'closeness: exact (Wasserman–Faust)'
      : `closeness: estimated from ${Math.min(CLOSENESS_PIVOTS, N)} BFS pivots (Eppstein–Wang, Wasserman–Faust)`,
  );

  lap('closeness');
  const rank: Record<string, number> =
    graph.size > 0
      ? pagerank(graph, { getEdgeWeight: 'weight', maxIterations: 200 })
      : Object.fromEntries(graph.nodes().map((n) => [n, 1 / Math.max(1, N)]));
  notes.push('pagerank: weighted, alpha 0.85');

  lap('pagerank');
  let eigen: Record<string, number> | null = null;
  try {
    if (graph.size > 0) eigen = eigenvectorCentrality(graph, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-6 });
    notes.push('eigenvector: weighted power iteration');
  } catch {
    notes.push('eigenvector: did not converge (left empty)');
  }

  lap('eigenvector');
  let communities: Record<string, number>;
  let modularity = 0;
  let communityCount = N;
  if (graph.size > 0) {
    const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng });
    communities = detailed.communities;
    modularity = detailed.modularity;
    communityCount = detailed.count;
    notes.push(`communities: Louvain (weighted, seeded), modularity ${modularity.toFixed(4)}`);
  } else {
    communities = Object.fromEntries(graph.nodes().map((n, i) => [n, i]));
    notes.push('communities: no edges, one community per node');
  }

  lap('louvain');
  const cores = coreNumbers(graph);
  lap('kcore');
  notes.push('kcore: core number (Batagelj–Zaversnik)');
  const brokerInfo = brokers(graph);
  lap('brokers');
  notes.push(
    'brokers: organisations that are articulation points of the graph without City/Region/Country, separating organisations of different cities',
  );

  const result: NodeMetrics[] = graph.mapNodes((id, attr) => {
    const b = brokerInfo.get(id);
    return {
      id,
      type: attr.type as string,
      degree: graph.degree(id),
      weightedDegree: graph.reduceEdges(id, (sum, _e, a) => sum + (a.weight as number), 0),
      betweenness: betweenness[id] ?? 0,
      closeness: closeness[id] ?? 0,
      pagerank: rank[id] ?? 0,
      eigenvector: eigen ? (eigen[id] ?? 0) : null,
      community: communities[id] ?? 0,
      kcore: cores[id] ?? 0,
      broker: b !== undefined,
      brokerCities: b?.cities ?? 0,
      brokerRegions: b?.regions ?? 0,
    };
  });
  return {
    nodes: result,
    modularity,
    communityCount,
    betweennessMode: exact ? 'exact' : 'sampled',
    closenessMode: exact ? 'exact' : 'sampled',
    algorithmNotes: notes,
    nodeCount: N,
    edgeCount: graph.size,
    durationMs: Math.round(performance.now() - started),
    timings,
  };
}
