/**
 * Finding a free spot for a newly arrived node without scanning every node: the visible nodes'
 * positions in a grid of cells as wide as the clearance, so a spot is checked against the few nodes in
 * the cells around it. The grid is built once per animation frame (a burst of live changes shares it)
 * and takes in the spots it hands out, so nodes placed in the same burst keep apart too.
 */
import type { Core, NodeSingular, Position } from 'cytoscape';
import { spiralPoint } from './geo-placement';

/** How far apart a newly placed node keeps from the others: a radius, or half-axes of an ellipse (labels are wide). */
export type Clearance = number | { x: number; y: number };

const CELL = 80;
const MAX_TRIES = 160;

export class SpotIndex {
  private readonly cells = new Map<string, { id: string; p: Position }[]>();
  private box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  private count = 0;

  constructor(cy: Core) {
    cy.nodes().forEach((n) => {
      if (n.visible()) this.insert(n.id(), n.position());
    });
  }

  insert(id: string, p: Position): void {
    const key = cellKey(Math.floor(p.x / CELL), Math.floor(p.y / CELL));
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = []));
    cell.push({ id, p: { x: p.x, y: p.y } });
    this.count++;
    this.box = {
      x1: Math.min(this.box.x1, p.x),
      y1: Math.min(this.box.y1, p.y),
      x2: Math.max(this.box.x2, p.x),
      y2: Math.max(this.box.y2, p.y),
    };
  }

  /** The middle of the indexed nodes, or null when there are none. */
  middle(): Position | null {
    return this.count ? { x: (this.box.x1 + this.box.x2) / 2, y: (this.box.y1 + this.box.y2) / 2 } : null;
  }

  /** Whether no indexed node but `self` lies within the clearance ellipse around `spot`. */
  clear(spot: Position, rx: number, ry: number, self: string): boolean {
    const cx1 = Math.floor((spot.x - rx) / CELL);
    const cx2 = Math.floor((spot.x + rx) / CELL);
    const cy1 = Math.floor((spot.y - ry) / CELL);
    const cy2 = Math.floor((spot.y + ry) / CELL);
    for (let cx = cx1; cx <= cx2; cx++) {
      for (let cy = cy1; cy <= cy2; cy++) {
        for (const o of this.cells.get(cellKey(cx, cy)) ?? []) {
          if (o.id !== self && ((o.p.x - spot.x) / rx) ** 2 + ((o.p.y - spot.y) / ry) ** 2 < 1) return false;
        }
      }
    }
    return true;
  }

  /** The first point on a spiral around `centre` clear of the others; remembered as taken. */
  take(centre: Position, moving: string, clearance: Clearance = 34): Position {
    const { x: rx, y: ry } = typeof clearance === 'number' ? { x: clearance, y: clearance } : clearance;
    const spacing = Math.max(22, Math.min(rx, ry) * 0.65);
    let p = centre;
    for (let n = 0; n < MAX_TRIES; n++) {
      p = spiralPoint(centre, n, spacing);
      if (this.clear(p, rx, ry, moving)) break;
    }
    this.insert(moving, p);
    return p;
  }
}

function cellKey(x: number, y: number): string {
  return `${x}:${y}`;
}

const frameIndex = new WeakMap<Core, SpotIndex>();

/** The index of `cy`'s visible nodes for this animation frame (built on first use in the frame). */
export function spotIndexOf(cy: Core): SpotIndex {
  let index = frameIndex.get(cy);
  if (!index) {
    index = new SpotIndex(cy);
    frameIndex.set(cy, index);
    const built = index;
    // Animation frames pause in a hidden tab; the timeout keeps the index from going stale there.
    const drop = () => frameIndex.get(cy) === built && frameIndex.delete(cy);
    requestAnimationFrame(drop);
    window.setTimeout(drop, 250);
  }
  return index;
}

/** The first free spot near `centre` for `moving` (see SpotIndex.take). */
export function freeSpotNear(cy: Core, centre: Position, moving: NodeSingular, clearance?: Clearance): Position {
  return spotIndexOf(cy).take(centre, moving.id(), clearance);
}
