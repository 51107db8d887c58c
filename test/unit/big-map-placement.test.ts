/**
 * The first placement of a loaded map (client/src/views/layouts.ts initialPlacement, geo-placement.ts)
 * and the free-spot index live changes use (free-spot.ts): big maps with places start geographic
 * without a layout run, small ones and maps without places run their layout; organisations sit
 * around their city, themes in the side column; spots handed out keep their clearance.
 */
import cytoscape from 'cytoscape';
import type { Graph, GraphEdge, GraphNode } from '../../domain/graph';
import { SpotIndex } from '../../client/src/views/free-spot';
import { geographicPlacement, project, referenceLatitude, SPREAD } from '../../client/src/views/geo-placement';
import { initialPlacement } from '../../client/src/views/layouts';
import { FCOSE_MAX_NODES } from '../../client/src/views/renderer-choice';

const stamp = { version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const node = (id: string, type: string, props: Record<string, unknown> = {}): GraphNode =>
  ({ id, type, name: `${type} ${id} Åbo`, ...stamp, ...props }) as GraphNode;
const edge = (type: string, source: string, target: string): GraphEdge =>
  ({ id: `${type}:${source}:${target}`, type, source, target }) as GraphEdge;

/** `orgs` organisations LOCATED_IN four cities, each focusing on one of two themes; cities optional. */
function map(orgs: number, withCoordinates = true): Graph {
  const cities = [
    node('c0', 'City', withCoordinates ? { lat: 60.17, lon: 24.94 } : {}),
    node('c1', 'City', withCoordinates ? { lat: 61.5, lon: 23.76 } : {}),
    node('c2', 'City', withCoordinates ? { lat: 65.01, lon: 25.47 } : {}),
    node('c3', 'City', withCoordinates ? { lat: 60.45, lon: 22.27 } : {}),
  ];
  const themes = [node('t0', 'Theme'), node('t1', 'Theme')];
  const nodes = [...cities, ...themes];
  const edges: GraphEdge[] = [];
  for (let i = 0; i < orgs; i++) {
    nodes.push(node(`o${i}`, 'Organisation'));
    edges.push(edge('LOCATED_IN', `o${i}`, `c${i % 4}`), edge('FOCUSES_ON', `o${i}`, `t${i % 2}`));
  }
  return { workspaceId: 'ws', seq: 1, nodes, edges };
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

test('a big map with places starts geographic, placed from the data; small maps and maps without places run their layout', () => {
  const big = map(FCOSE_MAX_NODES + 10);
  const started = initialPlacement(big, 'fcose');
  expect(started?.layout).toBe('geographic');
  expect(started!.placement.positions.size).toBe(big.nodes.length);

  expect(initialPlacement(map(50), 'fcose')).toBeNull();
  expect(initialPlacement(big, 'concentric')).toBeNull();
  // Without coordinates nearly everything would land in the side column: fcose's draft runs instead.
  expect(initialPlacement(map(FCOSE_MAX_NODES + 10, false), 'fcose')).toBeNull();
  // Asked for geographic, any size is placed from the data.
  expect(initialPlacement(map(50), 'geographic')?.layout).toBe('geographic');
});

test('organisations sit around their city, cities at their coordinates, themes in the side column', () => {
  const graph = map(400);
  const { positions, sideColumn } = geographicPlacement(graph.nodes, graph.edges);
  const refLat = referenceLatitude(graph.nodes);
  expect(positions.get('c2')).toEqual(project(65.01, 25.47, refLat));
  expect(sideColumn.sort()).toEqual(['t0', 't1']);
  // 100 organisations a city: on a sunflower spiral around it, at most SPREAD × √(100 + 2) away.
  for (let i = 0; i < 400; i++) {
    expect(distance(positions.get(`o${i}`)!, positions.get(`c${i % 4}`)!)).toBeLessThanOrEqual(SPREAD * Math.sqrt(102) + 1e-6);
  }
  // No two organisations share a spot.
  const spots = new Set([...positions.values()].map((p) => `${Math.round(p.x)}:${Math.round(p.y)}`));
  expect(spots.size).toBe(positions.size);
});

test('the spot index hands out spots clear of every drawn node and of the spots it handed out before', () => {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  // A 10 × 10 block 30 px apart: no spot inside it keeps 34 px from its nodes.
  for (let i = 0; i < 100; i++)
    cy.add({ group: 'nodes', data: { id: `n${i}` }, position: { x: (i % 10) * 30, y: Math.floor(i / 10) * 30 } });
  const index = new SpotIndex(cy);
  const taken = [];
  for (let i = 0; i < 40; i++) taken.push(index.take({ x: 135, y: 135 }, `new${i}`, 34));
  const all = [...cy.nodes().map((n) => n.position()), ...taken];
  for (const spot of taken) {
    const nearest = Math.min(...all.filter((p) => p !== spot).map((p) => distance(p, spot)));
    expect(nearest).toBeGreaterThanOrEqual(34 - 1e-9);
    expect(distance(spot, { x: 135, y: 135 })).toBeLessThan(400);
  }
  cy.destroy();
});
