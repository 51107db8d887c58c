/**
 * The geographic placement on plain node and edge data (no Cytoscape collections, so it is linear in
 * the size of the map and runs before big maps are even added): cities at their coordinates, regions
 * and countries at the centre of what lies in them, everything else spiralled around the place of its
 * strongest located neighbour, and nodes without any place in columns on the right.
 */
import type { Position } from 'cytoscape';
import type { NodeType } from '../../../domain/entities';
import type { RelationshipType } from '../../../domain/relationships';

/** What the placement reads of a node and of an edge. */
export interface PlaceNode {
  id: string;
  type: string;
  name?: unknown;
  lat?: unknown;
  lon?: unknown;
}
export interface PlaceEdge {
  type: string;
  source: string;
  target: string;
}

export interface GeoPlacement {
  positions: Map<string, Position>;
  /** Nodes without a place, put in columns (their links are muted: they would cross the whole map). */
  sideColumn: string[];
}

/** Pixels per degree of latitude. */
const SCALE = 260;
/** Spacing of the spiral that spreads nodes sharing one place. */
export const SPREAD = 32;

/** Which neighbour decides where an unlocated node goes, strongest first. */
export const ANCHOR_PRIORITY: RelationshipType[] = ['LOCATED_IN', 'LEADS', 'WORKS_AT', 'PART_OF', 'PARTNER_IN', 'MEMBER_OF', 'CONTACT_FOR'];
const PRIORITY = new Map<string, number>(ANCHOR_PRIORITY.map((type, i) => [type, i]));
/** Types that never follow their neighbours (they relate to places all over the map). */
const ALWAYS_SIDE: ReadonlySet<string> = new Set<NodeType>(['Theme', 'Programme', 'Workspace']);

export function coordinate(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** Equirectangular projection scaled at the reference latitude; north is up. */
export function project(lat: number, lon: number, refLat: number): Position {
  return { x: lon * Math.cos((refLat * Math.PI) / 180) * SCALE, y: -lat * SCALE };
}

/** The projection's reference latitude: the mean latitude of the cities (so that x and y scale alike). */
export function referenceLatitude(nodes: Iterable<PlaceNode>): number {
  let sum = 0;
  let count = 0;
  for (const node of nodes) {
    if (node.type !== 'City') continue;
    const lat = coordinate(node.lat);
    if (lat === null) continue;
    sum += lat;
    count++;
  }
  return count ? sum / count : 60;
}

/** The n-th point of a sunflower spiral around a centre (n = 0 is already clear of a node at the centre). */
export function spiralPoint(centre: Position, n: number, spacing = SPREAD): Position {
  const r = spacing * Math.sqrt(n + 2);
  const angle = (n + 2) * 2.39996; // golden angle
  return { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
}

export function centroid(points: Position[]): Position | null {
  if (points.length === 0) return null;
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

interface Link {
  other: string;
  type: string;
  /** The node is the edge's source. */
  out: boolean;
}

/**
 * The anchor of a node: the place of its strongest neighbour that has one (by ANCHOR_PRIORITY;
 * LOCATED_IN only counts outwards, the node being in the place), or null.
 */
export function strongestAnchorOf(links: Iterable<Link>, anchor: (id: string) => Position | undefined): Position | null {
  let best: Position | null = null;
  let bestRank = Infinity;
  for (const link of links) {
    const rank = PRIORITY.get(link.type);
    if (rank === undefined || rank >= bestRank) continue;
    if (link.type === 'LOCATED_IN' && !link.out) continue;
    const p = anchor(link.other);
    if (!p) continue;
    best = p;
    bestRank = rank;
    if (rank === 0) break;
  }
  return best;
}

/**
 * Positions for `placed` (default: every node), with all of `nodes` and `edges` as context: cities
 * anchor what is LOCATED_IN them even when they are not being placed themselves.
 */
export function geographicPlacement(nodes: PlaceNode[], edges: PlaceEdge[], placed?: ReadonlySet<string>): GeoPlacement {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = new Map<string, Link[]>();
  const linksOf = (id: string) => {
    let list = links.get(id);
    if (!list) links.set(id, (list = []));
    return list;
  };
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    linksOf(e.source).push({ other: e.target, type: e.type, out: true });
    linksOf(e.target).push({ other: e.source, type: e.type, out: false });
  }

  const refLat = referenceLatitude(nodes);
  const anchor = new Map<string, Position>();
  for (const node of nodes) {
    if (node.type !== 'City') continue;
    const lat = coordinate(node.lat);
    const lon = coordinate(node.lon);
    if (lat !== null && lon !== null) anchor.set(node.id, project(lat, lon, refLat));
  }
  for (const type of ['Region', 'Country']) {
    for (const place of nodes) {
      if (place.type !== type) continue;
      const inside: Position[] = [];
      for (const link of links.get(place.id) ?? []) {
        if (link.out || (link.type !== 'IN_REGION' && link.type !== 'LOCATED_IN')) continue;
        const p = anchor.get(link.other);
        if (p) inside.push(p);
      }
      const c = centroid(inside);
      if (c) anchor.set(place.id, c);
    }
  }

  const wanted = (n: PlaceNode) => !placed || placed.has(n.id);
  // Follow neighbours in rounds so a work package can follow its project, which follows its lead.
  let pending = nodes.filter((n) => wanted(n) && !anchor.has(n.id) && !ALWAYS_SIDE.has(n.type));
  for (let round = 0; round < 3 && pending.length; round++) {
    const still: PlaceNode[] = [];
    for (const node of pending) {
      const found = strongestAnchorOf(links.get(node.id) ?? [], (id) => anchor.get(id));
      if (found) anchor.set(node.id, found);
      else still.push(node);
    }
    if (still.length === pending.length) break;
    pending = still;
  }

  const positions = new Map<string, Position>();
  const crowd = new Map<string, number>();
  const unplaced: PlaceNode[] = [];
  for (const node of nodes) {
    if (!wanted(node)) continue;
    const p = anchor.get(node.id);
    if (!p) {
      unplaced.push(node);
      continue;
    }
    if (node.type === 'City') {
      positions.set(node.id, p);
      continue;
    }
    // Everything else (regions and countries too) takes the next free turn of a spiral around its anchor.
    const key = `${Math.round(p.x)}:${Math.round(p.y)}`;
    const n = crowd.get(key) ?? 0;
    crowd.set(key, n + 1);
    positions.set(node.id, spiralPoint(p, n));
  }
  placeInColumns(unplaced, positions);
  return { positions, sideColumn: unplaced.map((n) => n.id) };
}

/** Puts nodes without a place in columns, grouped by type, to the right of everything placed. */
function placeInColumns(nodes: PlaceNode[], positions: Map<string, Position>): void {
  if (nodes.length === 0) return;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const p of positions.values()) {
    right = Math.max(right, p.x);
    top = Math.min(top, p.y);
    bottom = Math.max(bottom, p.y);
  }
  if (positions.size === 0) [right, top, bottom] = [-160, 0, 600];
  right += 160;
  const rows = Math.max(8, Math.floor((bottom - top) / 48));
  const byType = new Map<string, PlaceNode[]>();
  for (const node of nodes) {
    const list = byType.get(node.type) ?? [];
    list.push(node);
    byType.set(node.type, list);
  }
  let column = 0;
  for (const list of byType.values()) {
    list.sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? '')));
    list.forEach((node, i) => {
      positions.set(node.id, { x: right + (column + Math.floor(i / rows)) * 170, y: top + (i % rows) * 48 });
    });
    column += Math.ceil(list.length / rows);
  }
}
