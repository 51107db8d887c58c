/**
 * The metrics against known values on Zachary's karate club (34 members, 78 ties), and the broker
 * definition on a small graph of organisations in different cities.
 */
import { computeMetrics, type MetricsInputEdge, type MetricsInputNode } from '../../worker/metrics/compute';
import { computeMetricsOffThread } from '../../worker/metrics/compute-thread';

// Zachary (1977), the classic 78-edge list, members numbered 1..34.
const KARATE = `1 2,1 3,1 4,1 5,1 6,1 7,1 8,1 9,1 11,1 12,1 13,1 14,1 18,1 20,1 22,1 32,2 3,2 4,2 8,2 14,2 18,2 20,2 22,2 31,
3 4,3 8,3 9,3 10,3 14,3 28,3 29,3 33,4 8,4 13,4 14,5 7,5 11,6 7,6 11,6 17,7 17,9 31,9 33,9 34,10 34,14 34,15 33,15 34,
16 33,16 34,19 33,19 34,20 34,21 33,21 34,23 33,23 34,24 26,24 28,24 30,24 33,24 34,25 26,25 28,25 32,26 32,27 30,27 34,
28 34,29 32,29 34,30 33,30 34,31 33,31 34,32 33,32 34,33 34`;

const karateEdges: MetricsInputEdge[] = KARATE.split(',').map((pair) => {
  const [a, b] = pair.trim().split(' ');
  return { source: a, target: b, type: 'COOPERATES_WITH' };
});
const karateNodes: MetricsInputNode[] = Array.from({ length: 34 }, (_, i) => ({ id: String(i + 1), type: 'Person' }));
const top = (values: { id: string }[], key: (n: any) => number, k: number) => [...values].sort((a, b) => key(b) - key(a)).slice(0, k).map((n) => n.id);

describe("Zachary's karate club", () => {
  const result = computeMetrics(karateNodes, karateEdges);
  const byId = new Map(result.nodes.map((n) => [n.id, n]));

  test('has 34 nodes and 78 edges', () => {
    expect(karateEdges).toHaveLength(78);
    expect(result.nodeCount).toBe(34);
    expect(result.edgeCount).toBe(78);
  });

  test('degree of member 34 is 17 and of member 1 is 16; weighted degree equals it (no parallel ties)', () => {
    expect(byId.get('34')?.degree).toBe(17);
    expect(byId.get('1')?.degree).toBe(16);
    expect(byId.get('34')?.weightedDegree).toBe(17);
  });

  test('betweenness is exact and ranks members 1 and 34 first (0.4376 and 0.3041 normalised)', () => {
    expect(result.betweennessMode).toBe('exact');
    expect(top(result.nodes, (n) => n.betweenness, 2)).toEqual(['1', '34']);
    expect(byId.get('1')?.betweenness).toBeCloseTo(0.4376, 3);
    expect(byId.get('34')?.betweenness).toBeCloseTo(0.3041, 3);
  });

  test('PageRank ranks members 34 and 1 first', () => {
    expect(top(result.nodes, (n) => n.pagerank, 2)).toEqual(['34', '1']);
    expect(byId.get('34')?.pagerank).toBeCloseTo(0.1009, 2);
    const sum = result.nodes.reduce((s, n) => s + n.pagerank, 0);
    expect(sum).toBeCloseTo(1, 6);
  });

  test('closeness ranks member 1 first (0.5690), eigenvector ranks 34 first', () => {
    expect(top(result.nodes, (n) => n.closeness, 1)).toEqual(['1']);
    expect(byId.get('1')?.closeness).toBeCloseTo(0.569, 3);
    expect(top(result.nodes, (n) => n.eigenvector ?? 0, 1)).toEqual(['34']);
  });

  test('Louvain finds 3–4 communities with modularity about 0.41–0.42, 1 and 34 apart', () => {
    expect(result.modularity).toBeGreaterThanOrEqual(0.41);
    expect(result.modularity).toBeLessThanOrEqual(0.42);
    expect(result.communityCount).toBeGreaterThanOrEqual(3);
    expect(result.communityCount).toBeLessThanOrEqual(4);
    expect(byId.get('1')?.community).not.toBe(byId.get('34')?.community);
  });

  test('k-core: the main core is the 4-core, member 12 (one tie) is in the 1-core', () => {
    expect(Math.max(...result.nodes.map((n) => n.kcore))).toBe(4);
    expect(byId.get('34')?.kcore).toBe(4);
    expect(byId.get('12')?.kcore).toBe(1);
  });

  test('is deterministic (seeded sampling and Louvain)', () => {
    const again = computeMetrics(karateNodes, karateEdges);
    expect(again.modularity).toBe(result.modularity);
    expect(again.nodes.map((n) => n.community)).toEqual(result.nodes.map((n) => n.community));
  });
});

describe('brokers', () => {
  // Two groups of organisations, Oulu's and Vaasa's, joined only through the Kokkola organisation K;
  // all of them also linked to their City nodes and one Country node, which must not count as ties.
  const nodes: MetricsInputNode[] = [
    ...['o1', 'o2', 'o3'].map((id) => ({ id, type: 'Organisation', city: 'oulu', region: 'pohjois-pohjanmaa' })),
    ...['v1', 'v2', 'v3'].map((id) => ({ id, type: 'Organisation', city: 'vaasa', region: 'pohjanmaa' })),
    { id: 'K', type: 'Organisation', city: 'kokkola', region: 'keski-pohjanmaa' },
    { id: 'P', type: 'Project' },
    { id: 'oulu', type: 'City' },
    { id: 'vaasa', type: 'City' },
    { id: 'kokkola', type: 'City' },
    { id: 'fi', type: 'Country' },
  ];
  const edges: MetricsInputEdge[] = [
    { source: 'o1', target: 'o2' },
    { source: 'o2', target: 'o3' },
    { source: 'o3', target: 'o1' },
    { source: 'v1', target: 'v2' },
    { source: 'v2', target: 'v3' },
    { source: 'v1', target: 'P' },
    { source: 'v3', target: 'P' },
    { source: 'o3', target: 'K' },
    { source: 'K', target: 'P' },
    ...['o1', 'o2', 'o3'].map((o) => ({ source: o, target: 'oulu', type: 'LOCATED_IN' })),
    ...['v1', 'v2', 'v3'].map((o) => ({ source: o, target: 'vaasa', type: 'LOCATED_IN' })),
    { source: 'K', target: 'kokkola', type: 'LOCATED_IN' },
    ...['oulu', 'vaasa', 'kokkola'].map((c) => ({ source: c, target: 'fi', type: 'PART_OF' })),
    { source: 'o1', target: 'o1' },
    { source: 'x', target: 'o1' },
    { source: 'fi', target: 'o1', type: 'IN_WORKSPACE' },
  ];
  const byId = new Map(computeMetrics(nodes, edges).nodes.map((n) => [n.id, n]));

  test('the organisation joining the two cities is a broker; o3 too (it cuts K off from Oulu)', () => {
    expect(byId.get('K')).toMatchObject({ broker: true, brokerCities: 2, brokerRegions: 2 });
    expect(byId.get('o3')).toMatchObject({ broker: true, brokerCities: 3 }); // Oulu on one side, Kokkola and Vaasa on the other
  });

  test('organisations inside one city group, and non-organisations, are not', () => {
    for (const id of ['o1', 'o2', 'v1', 'v2', 'v3', 'P', 'oulu', 'fi']) expect(byId.get(id)?.broker).toBe(false);
  });

  test('self-loops, unknown ends and IN_WORKSPACE are ignored', () => {
    expect(byId.get('o1')?.degree).toBe(3);
  });
});

describe('sampled betweenness and closeness (used above 5,000 nodes)', () => {
  const exact = new Map(computeMetrics(karateNodes, karateEdges).nodes.map((n) => [n.id, n]));
  // With as many samples as nodes (34 < 256) the sample is every source: the estimate must be exact.
  const sampled = computeMetrics(karateNodes, karateEdges, { exactLimit: 10 });

  test('say so in the result', () => {
    expect(sampled.betweennessMode).toBe('sampled');
    expect(sampled.closenessMode).toBe('sampled');
    expect(sampled.algorithmNotes.join('\n')).toMatch(/betweenness: sampled from 34 of 34 sources/);
  });

  test('agree with the exact values when every node is sampled', () => {
    for (const n of sampled.nodes) {
      expect(n.betweenness).toBeCloseTo(exact.get(n.id)!.betweenness, 10);
      expect(n.closeness).toBeCloseTo(exact.get(n.id)!.closeness, 2);
    }
  });
});

describe('off the event loop', () => {
  test('a worker thread computes the same metrics', async () => {
    const inline = computeMetrics(karateNodes, karateEdges);
    const threaded = await computeMetricsOffThread(karateNodes, karateEdges, { inlineLimit: 0 });
    expect(threaded.nodes).toEqual(inline.nodes);
    expect(threaded.modularity).toBe(inline.modularity);
  }, 30_000);
});

describe('graphs without links', () => {
  test('nodes that are not linked yet get zero centralities instead of an error', () => {
    const nodes: MetricsInputNode[] = ['a', 'b', 'c'].map((id) => ({ id, type: 'Organisation' }) as MetricsInputNode);
    const result = computeMetrics(nodes, []);
    expect(result.nodes.map((n) => [n.id, n.degree, n.betweenness, n.closeness])).toEqual([
      ['a', 0, 0, 0],
      ['b', 0, 0, 0],
      ['c', 0, 0, 0],
    ]);
  });

  test('an empty workspace', () => {
    expect(computeMetrics([], []).nodes).toEqual([]);
  });
});
