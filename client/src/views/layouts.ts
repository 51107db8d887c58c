/**
 * The three layouts: force-directed (fcose), rings by node type (concentric), and geographic, where
 * cities sit at their coordinates and organisations, people and projects gather around the city they
 * are LOCATED_IN (or, failing that, around the place of the node they lead, work at or belong to).
 * Nodes without any place go to columns on the right.
 */
import type { Collection, Core, EdgeSingular, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { NodeType } from '../../../domain/entities';
import type { RelationshipType } from '../../../domain/relationships';
import { bigFcoseOptions, isBigForFcose } from './layouts-big';

export const LAYOUT_NAMES = ['fcose', 'concentric', 'geographic'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && (LAYOUT_NAMES as readonly string[]).includes(value);
}

export interface LayoutRun {
  animate?: boolean;
  /** fcose only: start from random positions instead of the current ones. */
  randomize?: boolean;
  fit?: boolean;
  /** fcose only: room between nodes, 1 = the map's; larger (e.g. a projector's big labels) also counts labels as part of nodes. */
  spacing?: number;
}

/** How far apart a newly placed node keeps from the others: a radius, or half-axes of an ellipse (labels are wide). */
export type Clearance = number | { x: number; y: number };

/** Higher values sit nearer the centre of the concentric layout. */
const RING: Record<NodeType, number> = {
  Programme: 10,
  Cluster: 9,
  Project: 9,
  WorkPackage: 8,
  Organisation: 7,
  Person: 6,
  Theme: 5,
  SideStream: 5,
  City: 4,
  Region: 3,
  Country: 2,
  Workspace: 1,
};

/** Runs a layout over the visible elements; hidden (filtered) ones keep their positions. */
export function runLayout(cy: Core, name: LayoutName, run: LayoutRun = {}): Promise<void> {
  const eles = cy.elements(':visible');
  if (eles.empty()) return Promise.resolve();
  const animate = (run.animate ?? true) && eles.nodes().length < 1500;
  const fit = run.fit ?? true;
  const options = layoutOptions(cy, eles, name, animate, fit, run.randomize ?? false, run.spacing ?? 1);
  markSideColumn(cy, name === 'geographic' ? ((options as { sideColumn?: string[] }).sideColumn ?? []) : []);
  return new Promise((resolve) => {
    const layout = eles.layout(options);
    layout.one('layoutstop', () => resolve());
    layout.run();
  });
}

function layoutOptions(
  cy: Core,
  eles: Collection,
  name: LayoutName,
  animate: boolean,
  fit: boolean,
  randomize: boolean,
  spacing: number,
): LayoutOptions {
  const common = { animate, animationDuration: 550, fit, padding: 40 };
  switch (name) {
    case 'fcose':
      if (isBigForFcose(eles.nodes().length)) return bigFcoseOptions(common);
      return {
        name: 'fcose',
        ...common,
        quality: 'default',
        randomize,
        nodeDimensionsIncludeLabels: spacing > 1,
        packComponents: true,
        tilingPaddingVertical: 10 * spacing,
        tilingPaddingHorizontal: 10 * spacing,
        nodeRepulsion: () => 6500 * spacing * spacing,
        idealEdgeLength: () => 70 * spacing,
        edgeElasticity: () => 0.45,
        gravity: 0.3,
        numIter: 2500,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        concentric: (node: NodeSingular) => RING[node.data('type') as NodeType] ?? 0,
        levelWidth: () => 1,
        minNodeSpacing: 14,
        avoidOverlap: true,
        startAngle: (3 / 2) * Math.PI,
      };
    case 'geographic': {
      const { positions, sideColumn } = geographicPositions(cy, eles.nodes());
      return { name: 'preset', ...common, positions: Object.fromEntries(positions), sideColumn } as LayoutOptions;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Geographic placement
// ---------------------------------------------------------------------------------------------------

/** Pixels per degree of latitude. */
const SCALE = 260;
/** Spacing of the spiral that spreads nodes sharing one place. */
const SPREAD = 32;

/** Which neighbour decides where an unlocated node goes, strongest first. */
const ANCHOR_PRIORITY: RelationshipType[] = ['LOCATED_IN', 'LEADS', 'WORKS_AT', 'PART_OF', 'PARTNER_IN', 'MEMBER_OF', 'CONTACT_FOR'];
/** Types that never follow their neighbours (they relate to places all over the map). */
const ALWAYS_SIDE: ReadonlySet<string> = new Set<NodeType>(['Theme', 'Programme', 'Workspace']);

function coordinate(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** The projection's reference latitude: the mean latitude of the cities (so that x and y scale alike). */
function referenceLatitude(cy: Core): number {
  const lats = cy
    .nodes('[type = "City"]')
    .map((n) => coordinate(n.data('lat')))
    .filter((v): v is number => v !== null);
  return lats.length ? lats.reduce((a, b) => a + b, 0) / lats.length : 60;
}

/** Equirectangular projection scaled at the reference latitude; north is up. */
export function project(lat: number, lon: number, refLat: number): Position {
  return { x: lon * Math.cos((refLat * Math.PI) / 180) * SCALE, y: -lat * SCALE };
}

/** A city's own position, when it has coordinates. */
export function cityPosition(cy: Core, node: NodeSingular): Position | null {
  const lat = coordinate(node.data('lat'));
  const lon = coordinate(node.data('lon'));
  return lat === null || lon === null ? null : project(lat, lon, referenceLatitude(cy));
}

/** The n-th point of a sunflower spiral around a centre (n = 0 is already clear of a node at the centre). */
export function spiralPoint(centre: Position, n: number, spacing = SPREAD): Position {
  const r = spacing * Math.sqrt(n + 2);
  const angle = (n + 2) * 2.39996; // golden angle
  return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
}

function centroid(points: Position[]): Position | null {
  if (points.length === 0) return null;
  const sum = points.reduce((acc, p) => ({ x: acc.x + p.x, y: acc.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

/**
 * Where a node is anchored: cities at their coordinates; regions and countries at the centre of what
 * lies in them; others at the place of their strongest located neighbour.
 */
function anchors(cy: Core, nodes: NodeCollection): Map<string, Position> {
  const refLat = referenceLatitude(cy);
  const anchor = new Map<string, Position>();

  cy.nodes('[type = "City"]').forEach((city) => {
    const lat = coordinate(city.data('lat'));
    const lon = coordinate(city.data('lon'));
    if (lat !== null && lon !== null) anchor.set(city.id(), project(lat, lon, refLat));
  });
  for (const type of ['Region', 'Country']) {
    cy.nodes(`[type = "${type}"]`).forEach((place) => {
      const inside = place
        .incomers('edge[type = "IN_REGION"], edge[type = "LOCATED_IN"]')
        .sources()
        .map((n) => anchor.get(n.id()))
        .filter((p): p is Position => !!p);
      const c = centroid(inside);
      if (c) anchor.set(place.id(), c);
    });
  }

  // Follow neighbours in rounds so a work package can follow its project, which follows its lead.
  const pending = nodes.filter((n) => !anchor.has(n.id()) && !ALWAYS_SIDE.has(n.data('type')));
  for (let round = 0; round < 3; round++) {
    let placed = 0;
    pending.forEach((node) => {
      if (anchor.has(node.id())) return;
      const found = strongestAnchor(node, anchor);
      if (found) {
        anchor.set(node.id(), found);
        placed++;
      }
    });
    if (placed === 0) break;
  }
  return anchor;
}

function strongestAnchor(node: NodeSingular, anchor: Map<string, Position>): Position | null {
  const edges = node.connectedEdges();
  for (const type of ANCHOR_PRIORITY) {
    // LOCATED_IN only counts outwards (the node is in the place); the others count both ways.
    const candidates = edges
      .filter((e: EdgeSingular) => e.data('type') === type && (type !== 'LOCATED_IN' || e.source().same(node)))
      .map((e: EdgeSingular) => (e.source().same(node) ? e.target() : e.source()));
    for (const other of candidates) {
      const p = anchor.get(other.id());
      if (p) return p;
    }
  }
  return null;
}

/** Mutes the links of nodes in the geographic layout's side column (they would cross the whole map). */
function markSideColumn(cy: Core, ids: string[]): void {
  cy.batch(() => {
    cy.elements('.geo-side').removeClass('geo-side');
    for (const id of ids) cy.getElementById(id).connectedEdges().addClass('geo-side');
  });
}

/**
 * Final positions for the geographic layout: anchored nodes spiral around their anchor, the rest go
 * in columns (returned as sideColumn).
 */
export function geographicPositions(cy: Core, nodes: NodeCollection): { positions: Map<string, Position>; sideColumn: string[] } {
  const anchor = anchors(cy, nodes);
  const positions = new Map<string, Position>();
  const crowd = new Map<string, number>();
  const unplaced: NodeSingular[] = [];

  nodes.forEach((node) => {
    const p = anchor.get(node.id());
    if (!p) {
      unplaced.push(node);
      return;
    }
    if (node.data('type') === 'City') {
      positions.set(node.id(), p);
      return;
    }
    // Everything else (regions and countries too) takes the next free turn of a spiral around its anchor.
    const key = `${Math.round(p.x)}:${Math.round(p.y)}`;
    const n = crowd.get(key) ?? 0;
    crowd.set(key, n + 1);
    positions.set(node.id(), spiralPoint(p, n));
  });

  placeInColumns(unplaced, positions);
  return { positions, sideColumn: unplaced.map((n) => n.id()) };
}

/** Puts nodes without a place in columns, grouped by type, to the right of everything placed. */
function placeInColumns(nodes: NodeSingular[], positions: Map<string, Position>): void {
  if (nodes.length === 0) return;
  const placed = [...positions.values()];
  const right = placed.length ? Math.max(...placed.map((p) => p.x)) + 160 : 0;
  const top = placed.length ? Math.min(...placed.map((p) => p.y)) : 0;
  const bottom = placed.length ? Math.max(...placed.map((p) => p.y)) : 600;
  const rows = Math.max(8, Math.floor((bottom - top) / 48));
  const byType = new Map<string, NodeSingular[]>();
  for (const node of nodes) {
    const list = byType.get(node.data('type')) ?? [];
    list.push(node);
    byType.set(node.data('type'), list);
  }
  let column = 0;
  for (const list of byType.values()) {
    list.sort((a, b) => String(a.data('name')).localeCompare(String(b.data('name'))));
    list.forEach((node, i) => {
      positions.set(node.id(), { x: right + (column + Math.floor(i / rows)) * 170, y: top + (i % rows) * 48 });
    });
    column += Math.ceil(list.length / rows);
  }
}

/** The first point on a spiral around `centre` with no other node within the clearance. */
function freeSpotNear(cy: Core, centre: Position, moving: NodeSingular, clearance: Clearance = 34): Position {
  const { x: rx, y: ry } = typeof clearance === 'number' ? { x: clearance, y: clearance } : clearance;
  const others = cy
    .nodes()
    .filter((n) => !n.same(moving) && n.visible())
    .map((n: NodeSingular) => n.position());
  const clear = (spot: Position) => others.every((o) => ((o.x - spot.x) / rx) ** 2 + ((o.y - spot.y) / ry) ** 2 >= 1);
  let p = centre;
  for (let n = 0; n < 160; n++) {
    p = spiralPoint(centre, n, Math.max(22, Math.min(rx, ry) * 0.65));
    if (clear(p)) return p;
  }
  return p;
}

/**
 * Where a newly arrived node should appear in the current layout without moving anything else:
 * at its coordinates (a city in the geographic layout), near its neighbours, or near the view's centre.
 */
export function placementFor(cy: Core, node: NodeSingular, layout: LayoutName, clearance: Clearance = 34): Position {
  if (layout === 'geographic' && node.data('type') === 'City') {
    const own = cityPosition(cy, node);
    if (own) return own;
  }
  const neighbours = node
    .neighborhood('node')
    .nodes()
    .filter((n) => n.visible());
  const centre =
    (layout === 'geographic' ? strongestAnchor(node, new Map(neighbours.map((n: NodeSingular) => [n.id(), n.position()]))) : null) ??
    centroid(neighbours.map((n: NodeSingular) => n.position()));
  if (centre) return freeSpotNear(cy, centre, node, clearance);
  // No neighbours yet: the first free spot near the middle of what is drawn (or of the view).
  const drawn = cy.nodes().filter((n) => !n.same(node) && n.visible());
  const box = drawn.nonempty() ? drawn.boundingBox({ includeLabels: false }) : cy.extent();
  const mid = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  return freeSpotNear(cy, mid, node, clearance);
}
