/** Shape, colour and size per node type, and the Cytoscape stylesheet built from them. */
import type cytoscape from 'cytoscape';
import { NODE_TYPES, type NodeType } from '../../../domain/entities';

export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'diamond'
  | 'hexagon'
  | 'octagon'
  | 'rectangle'
  | 'round-tag'
  | 'triangle'
  | 'barrel'
  | 'star'
  | 'concave-hexagon'
  | 'round-diamond';

export interface TypeStyle {
  shape: NodeShape;
  color: string;
  border: string;
  size: number;
}

export const TYPE_STYLES: Record<NodeType, TypeStyle> = {
  Workspace: { shape: 'star', color: '#7b8794', border: '#52606d', size: 34 },
  Organisation: { shape: 'round-rectangle', color: '#2f6fb3', border: '#1d4f86', size: 34 },
  City: { shape: 'diamond', color: '#2e9d5b', border: '#1e6e3f', size: 30 },
  Region: { shape: 'hexagon', color: '#16857f', border: '#0d5c58', size: 38 },
  Country: { shape: 'octagon', color: '#4a5a6a', border: '#2f3b47', size: 42 },
  Project: { shape: 'rectangle', color: '#e08a1e', border: '#a86310', size: 32 },
  WorkPackage: { shape: 'round-tag', color: '#f0b35c', border: '#b9812f', size: 24 },
  Person: { shape: 'ellipse', color: '#8a55b5', border: '#603a80', size: 24 },
  Theme: { shape: 'triangle', color: '#c8407a', border: '#922a57', size: 28 },
  Programme: { shape: 'barrel', color: '#8d6e4b', border: '#5f4930', size: 32 },
  Cluster: { shape: 'concave-hexagon', color: '#c0392b', border: '#8a2419', size: 36 },
  SideStream: { shape: 'round-diamond', color: '#7a8f2e', border: '#52611d', size: 24 },
};

export function typeStyle(type: string): TypeStyle {
  return TYPE_STYLES[type as NodeType] ?? { shape: 'ellipse', color: '#9aa5b1', border: '#616e7c', size: 26 };
}

/** Polygon points (in a 0..100 box) for legend swatches drawn as inline SVG. */
export function swatchSvg(type: string, px = 18): string {
  const s = typeStyle(type);
  const fill = s.color;
  const stroke = s.border;
  let shape: string;
  switch (s.shape) {
    case 'ellipse':
      shape = `<circle cx="50" cy="50" r="42"/>`;
      break;
    case 'round-rectangle':
      shape = `<rect x="8" y="18" width="84" height="64" rx="16"/>`;
      break;
    case 'rectangle':
      shape = `<rect x="10" y="20" width="80" height="60"/>`;
      break;
    case 'barrel':
      shape = `<path d="M15 15 Q5 50 15 85 L85 85 Q95 50 85 15 Z"/>`;
      break;
    case 'diamond':
    case 'round-diamond':
      shape = `<polygon points="50,5 95,50 50,95 5,50"/>`;
      break;
    case 'hexagon':
      shape = `<polygon points="27,8 73,8 96,50 73,92 27,92 4,50"/>`;
      break;
    case 'concave-hexagon':
      shape = `<polygon points="5,10 95,10 80,50 95,90 5,90 20,50"/>`;
      break;
    case 'octagon':
      shape = `<polygon points="30,5 70,5 95,30 95,70 70,95 30,95 5,70 5,30"/>`;
      break;
    case 'triangle':
      shape = `<polygon points="50,6 95,92 5,92"/>`;
      break;
    case 'round-tag':
      shape = `<polygon points="8,20 70,20 94,50 70,80 8,80"/>`;
      break;
    case 'star':
      shape = `<polygon points="50,4 62,38 97,38 69,59 79,94 50,73 21,94 31,59 3,38 38,38"/>`;
      break;
  }
  return `<svg class="swatch" width="${px}" height="${px}" viewBox="0 0 100 100" aria-hidden="true"><g fill="${fill}" stroke="${stroke}" stroke-width="7">${shape}</g></svg>`;
}

/** Labels of big maps wait until they are at least this many pixels high on screen (zoomed in). */
export const BIG_MAP_MIN_LABEL_PX = 16;

const NODE_LABEL = {
  label: 'data(label)',
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  'font-size': 11,
  color: '#1f2933',
  'text-valign': 'bottom',
  'text-margin-y': 4,
  'text-wrap': 'ellipsis',
  'text-max-width': '140px',
  'text-background-color': '#ffffff',
  'text-background-opacity': 0.75,
  'text-background-padding': '1px',
  'text-background-shape': 'roundrectangle',
} as const;

const EDGE_LABEL_LOOK = {
  'font-size': 10,
  color: '#323f4b',
  'text-rotation': 'autorotate',
  'text-background-color': '#ffffff',
  'text-background-opacity': 0.9,
  'text-background-padding': '2px',
  'text-background-shape': 'roundrectangle',
} as const;

/**
 * The map's stylesheet. `big` (maps of BIG_MAP_ELEMENTS and more) draws the same but cheaper, as
 * Cytoscape's performance notes advise: its first frame applies every property of every matching rule
 * to every element (each one dirtying caches and emitting events), so a property an element does not
 * need at first costs 10,000 times. Links are straight "haystack" lines without arrows and carry only
 * width, colour and curve; their label, arrow and text look are in the rule for links that show them
 * (selected, hovered, next to a hovered node, material flows). Labels wait until zoomed in
 * (min-zoomed-font-size), and there are no fade transitions (they would animate thousands of elements).
 */
export function buildStylesheet(big = false): cytoscape.StylesheetJson {
  const perType: cytoscape.StylesheetJson = NODE_TYPES.map((type) => {
    const s = TYPE_STYLES[type];
    return {
      selector: `node[type = "${type}"]`,
      style: {
        shape: s.shape,
        'background-color': s.color,
        'border-color': s.border,
        width: s.size,
        height: s.shape === 'round-rectangle' || s.shape === 'rectangle' || s.shape === 'barrel' ? Math.round(s.size * 0.72) : s.size,
      },
    };
  });
  const transitions = (property: string) => (big ? {} : { 'transition-property': property, 'transition-duration': 150 });
  const edgeBase = big
    ? [
        { selector: 'edge', style: { width: 1.4, 'line-color': '#b8c2cc', 'curve-style': 'haystack' } },
        {
          selector: 'edge.show-label, edge.hovered, edge:selected, edge.an-flow',
          style: { ...EDGE_LABEL_LOOK, 'min-zoomed-font-size': BIG_MAP_MIN_LABEL_PX, 'arrow-scale': 0.8 },
        },
        {
          selector: 'edge.show-label, edge.hovered, edge:selected',
          style: { 'curve-style': 'straight', 'target-arrow-shape': 'triangle' },
        },
      ]
    : [
        {
          selector: 'edge',
          style: {
            width: 1.4,
            'line-color': '#b8c2cc',
            'target-arrow-color': '#b8c2cc',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.8,
            'curve-style': 'bezier',
            label: '',
            ...EDGE_LABEL_LOOK,
            ...transitions('opacity, line-color'),
          },
        },
      ];
  // Arrow colours per link type only where every link has an arrow (big maps draw arrows on hovered
  // and selected links only, which have colours of their own).
  const arrow = (colour: string) => (big ? {} : { 'target-arrow-color': colour });

  return [
    {
      selector: 'node',
      style: {
        ...NODE_LABEL,
        'min-zoomed-font-size': big ? BIG_MAP_MIN_LABEL_PX : 7,
        'background-color': '#9aa5b1',
        'border-width': 1.5,
        'border-color': '#616e7c',
        width: 26,
        height: 26,
        'overlay-padding': 4,
        ...transitions('opacity, border-width'),
      },
    },
    ...perType,
    ...edgeBase,
    { selector: 'edge[type = "LOCATED_IN"], edge[type = "IN_REGION"]', style: { 'line-style': 'dashed', 'line-color': '#a3d9b8', ...arrow('#a3d9b8') } },
    { selector: 'edge[type = "FOCUSES_ON"]', style: { 'line-style': 'dotted', 'line-color': '#e8a7c3', ...arrow('#e8a7c3') } },
    { selector: 'edge[type = "LEADS"]', style: { width: 2.4, 'line-color': '#f0b35c', ...arrow('#f0b35c') } },
    { selector: 'edge[type = "FUNDS"], edge[type = "FUNDED_BY"]', style: { 'line-color': '#c9b08f', ...arrow('#c9b08f') } },
    { selector: 'edge[type = "WORKS_AT"]', style: { 'line-color': '#c3a9dc', ...arrow('#c3a9dc') } },
    { selector: 'edge.geo-side', style: { opacity: 0.12 } },
    { selector: 'edge.show-label, edge.hovered, edge:selected', style: { label: 'data(label)', opacity: 1 } },
    { selector: 'edge.hovered, edge.show-label', style: { width: 2.4, 'line-color': '#7b8794', 'target-arrow-color': '#7b8794', 'z-index': 9 } },
    { selector: 'edge:selected', style: { width: 3, 'line-color': '#1f2933', 'target-arrow-color': '#1f2933', 'z-index': 10 } },
    { selector: 'node.hovered', style: { 'border-width': 3 } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': '#f7c948', 'underlay-color': '#f7c948', 'underlay-opacity': 0.35, 'underlay-padding': 6, 'z-index': 10 },
    },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.faded', style: { 'text-opacity': 0.4 } },
    { selector: '.filtered', style: { display: 'none' } },
    // A workshop facilitator hid it: not drawn (the facilitator's own map shows it faded).
    { selector: 'node[?hidden]', style: { display: 'none' } },
    { selector: 'node.flash', style: { 'underlay-color': '#3ebd93', 'underlay-opacity': 0.5, 'underlay-padding': 10 } },
  ];
}
