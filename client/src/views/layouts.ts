/**
 * The three layouts: force-directed (fcose), rings by node type (concentric), and geographic, where
 * cities sit at their coordinates and organisations, people and projects gather around the city they
 * are LOCATED_IN (or, failing that, around the place of the node they lead, work at or belong to).
 * Nodes without any place go to columns on the right.
 */
import type { Collection, Core, EdgeSingular, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { NodeType } from '../../../domain/entities';
import type { Graph } from '../../../domain/graph';
import { freeSpotNear, spotIndexOf, type Clearance } from './free-spot';
import {
  centroid,
  coordinate,
  geographicPlacement,
  project,
  referenceLatitude,
  strongestAnchorOf,
  type GeoPlacement,
  type PlaceEdge,
  type PlaceNode,
} from './geo-placement';
import { bigFcoseOptions, isBigForFcose } from './layouts-big';

export type { Clearance } from './free-spot';

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

/** Share of nodes that must have a place for a big map to start geographic instead of with fcose's draft. */
const PLACED_ENOUGH = 0.5;

/**
 * Positions for the first drawing computed from the data, without a layout run: the geographic
 * layout's, which also stand in for the force layout on maps too big for it (when most nodes have a
 * place; fcose then runs only when chosen). Null: run the layout as usual.
 */
export function initialPlacement(graph: Graph, layout: LayoutName): { layout: LayoutName; placement: GeoPlacement } | null {
  if (layout === 'concentric' || (layout === 'fcose' && !isBigForFcose(graph.nodes.length))) return null;
  const placement = geographicPlacement(graph.nodes, graph.edges);
  if (layout === 'fcose' && placement.sideColumn.length > graph.nodes.length * (1 - PLACED_ENOUGH)) return null;
  return { layout: 'geographic', placement };
}

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
// Geographic placement (the algorithm is in geo-placement.ts, on plain data)
// ---------------------------------------------------------------------------------------------------

/** A city's own position, when it has coordinates. */
export function cityPosition(cy: Core, node: NodeSingular): Position | null {
  const lat = coordinate(node.data('lat'));
  const lon = coordinate(node.data('lon'));
  if (lat === null || lon === null) return null;
  return project(lat, lon, referenceLatitude(cy.nodes('[type = "City"]').map((n) => n.data() as PlaceNode)));
}

/** Mutes the links of nodes in the geographic layout's side column (they would cross the whole map). */
function markSideColumn(cy: Core, ids: string[]): void {
  cy.batch(() => {
    cy.elements('.geo-side').removeClass('geo-side');
    for (const id of ids) cy.getElementById(id).connectedEdges().addClass('geo-side');
  });
}

/**
 * Final positions for the geographic layout of `nodes`, with the whole graph as context: anchored
 * nodes spiral around their anchor, the rest go in columns (returned as sideColumn).
 */
export function geographicPositions(cy: Core, nodes: NodeCollection): GeoPlacement {
  const placed = new Set(nodes.map((n) => n.id()));
  const all = cy.nodes().map((n) => n.data() as PlaceNode);
  const edges = cy.edges().map((e) => e.data() as PlaceEdge);
  return geographicPlacement(all, edges, placed);
}

function linksOf(node: NodeSingular) {
  return node.connectedEdges().map((e: EdgeSingular) => {
    const out = e.data('source') === node.id();
    return { other: out ? e.data('target') : e.data('source'), type: e.data('type') as string, out };
  });
}

/**
 * Where a newly arrived node should appear in the current layout without moving anything else:
 * at its coordinates (a city in the geographic layout), near its neighbours, or near the middle of
 * what is drawn. Free spots come from an index of the drawn nodes (free-spot.ts), not a scan of all.
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
  const seen = new Map(neighbours.map((n: NodeSingular) => [n.id(), n.position()]));
  const centre = (layout === 'geographic' ? strongestAnchorOf(linksOf(node), (id) => seen.get(id)) : null) ?? centroid([...seen.values()]);
  if (centre) return freeSpotNear(cy, centre, node, clearance);
  // No neighbours yet: the first free spot near the middle of what is drawn (or of the view).
  const middle = spotIndexOf(cy).middle();
  const extent = cy.extent();
  return freeSpotNear(cy, middle ?? { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 }, node, clearance);
}
