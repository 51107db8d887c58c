/**
 * A saved view's style on the canvas: node size by a metric or a number field (data vSize, in pixels)
 * and colour by city, region, metric community or a metric's gradient (data vColour). Type colours and
 * sizes stay where a node has no value (and on hidden nodes). The stylesheet rules are added once, after
 * the base ones.
 */
import type { Core, NodeCollection, NodeSingular } from 'cytoscape';
import type { ViewStyle } from '../../../domain/views';
import { VIEW_HIDDEN } from './view-filter';

const MIN_SIZE = 18;
const MAX_SIZE = 72;
const PALETTE = ['#2f6fb3', '#e08a1e', '#2e9d5b', '#c8407a', '#8a55b5', '#16857f', '#c0392b', '#8d6e4b', '#d4a017', '#4a5a6a', '#5b8def', '#7fb800'];
const GRADIENT: [number[], number[]] = [
  [222, 235, 247],
  [8, 48, 107],
];

const rulesAdded = new WeakSet<Core>();

function ensureRules(cy: Core): void {
  if (rulesAdded.has(cy)) return;
  rulesAdded.add(cy);
  cy.style()
    .selector('node[vSize]')
    .style({ width: 'data(vSize)', height: 'data(vSize)' })
    .selector('node[vColour]')
    .style({ 'background-color': 'data(vColour)' })
    .selector(`.${VIEW_HIDDEN}`)
    .style({ display: 'none' })
    .update();
}

const numberOf = (node: NodeSingular, key: string) => {
  const v = node.data(key) as unknown;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** The city a node is in: itself, or where it is LOCATED_IN. */
function cityOf(node: NodeSingular): string | null {
  if (node.data('type') === 'City') return node.id();
  const city = node.outgoers('edge[type = "LOCATED_IN"]').targets('[type = "City"]').first();
  return city.nonempty() ? city.id() : null;
}

/** The region a node is in: itself, its IN_REGION, or its city's. */
function regionOf(node: NodeSingular): string | null {
  if (node.data('type') === 'Region') return node.id();
  const direct = node.outgoers('edge[type = "IN_REGION"]').targets('[type = "Region"]').first();
  if (direct.nonempty()) return direct.id();
  const city = cityOf(node);
  if (!city || city === node.id()) return null;
  const viaCity = node.cy().getElementById(city).outgoers('edge[type = "IN_REGION"]').targets('[type = "Region"]').first();
  return viaCity.nonempty() ? viaCity.id() : null;
}

function mix(t: number): string {
  const [a, b] = GRADIENT;
  const c = a.map((v, i) => Math.round(v + (b[i] - v) * t));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** A palette colour per distinct key, in key order (stable for the same set of keys). */
function categorical(keys: Map<NodeSingular, string | null>): Map<NodeSingular, string> {
  const distinct = [...new Set([...keys.values()].filter((k): k is string => k !== null))].sort();
  const out = new Map<NodeSingular, string>();
  for (const [node, key] of keys) if (key !== null) out.set(node, PALETTE[distinct.indexOf(key) % PALETTE.length]);
  return out;
}

/** Sets vSize and vColour from the style (null: back to the type style). */
export function applyViewStyle(cy: Core, style: ViewStyle | null): void {
  ensureRules(cy);
  const all = cy.nodes();
  // Scales and palettes over what is shown, so the same view looks the same on the map and its share page.
  const nodes = all.not(`.filtered, .${VIEW_HIDDEN}`) as NodeCollection;
  cy.batch(() => {
    all.removeData('vSize vColour');
    if (!style) return;
    if (style.sizeBy) {
      const key = style.sizeBy;
      const values = nodes.map((n) => numberOf(n, key)).filter((v): v is number => v !== null);
      const [lo, hi] = [Math.min(...values), Math.max(...values)];
      nodes.forEach((n) => {
        const v = numberOf(n, key);
        if (v === null) return;
        const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
        n.data('vSize', Math.round(MIN_SIZE + t * (MAX_SIZE - MIN_SIZE)));
      });
    }
    const colourBy = style.colourBy;
    if (colourBy === 'type') return;
    if (colourBy === 'city' || colourBy === 'region' || colourBy === 'community') {
      const keyOf = (n: NodeSingular) => {
        if (colourBy === 'city') return cityOf(n);
        if (colourBy === 'region') return regionOf(n);
        const c = numberOf(n, 'metrics_community');
        return c === null ? null : String(c).padStart(6, '0');
      };
      for (const [n, colour] of categorical(new Map(nodes.map((n) => [n, keyOf(n)])))) n.data('vColour', colour);
      return;
    }
    const values = nodes.map((n) => numberOf(n, colourBy)).filter((v): v is number => v !== null);
    const [lo, hi] = [Math.min(...values), Math.max(...values)];
    nodes.forEach((n) => {
      const v = numberOf(n, colourBy);
      if (v !== null) n.data('vColour', mix(hi > lo ? (v - lo) / (hi - lo) : 0.5));
    });
  });
}
