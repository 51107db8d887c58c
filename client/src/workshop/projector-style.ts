/**
 * The projector's map style on top of the standard one: large nodes, labels that stay readable across
 * the room however far the camera zooms out (their size follows the zoom; refresh the style after
 * zooming), and the arrival glow.
 */
import type { Core, StylesheetJson } from 'cytoscape';
import { NODE_TYPES } from '../../../domain/entities';
import { TYPE_STYLES } from '../style/cy-style';

const SCALE = 1.7;
const GLOW = '#ffcc33';
/** Label size in map units at zoom 1, and the least size on screen (px) when zoomed out. */
const LABEL = 19;
const MIN_LABEL_ON_SCREEN = 17;

export function projectorStylesheet(cy: Core): StylesheetJson {
  const labelScale = () => Math.max(1, MIN_LABEL_ON_SCREEN / LABEL / cy.zoom());
  return [
    {
      selector: 'node',
      style: {
        'font-size': () => Math.round(LABEL * labelScale()),
        'font-weight': 600,
        'text-max-width': () => `${Math.round(220 * labelScale())}px`,
        'text-wrap': 'wrap',
        'text-margin-y': 6,
        'text-background-opacity': 0.88,
        'text-background-padding': '3px',
        'min-zoomed-font-size': 0,
        'border-width': 2.5,
        // Only the glow's size and strength change, so it never flashes another colour as it fades.
        'underlay-color': GLOW,
        'underlay-shape': 'ellipse',
        'underlay-padding': 12,
        'underlay-opacity': 0,
        'transition-property': 'underlay-padding, underlay-opacity, opacity',
        'transition-duration': 600,
      },
    },
    ...NODE_TYPES.map((type) => {
      const s = TYPE_STYLES[type];
      const flat = s.shape === 'round-rectangle' || s.shape === 'rectangle' || s.shape === 'barrel';
      return {
        selector: `node[type = "${type}"]`,
        style: { width: Math.round(s.size * SCALE), height: Math.round(s.size * SCALE * (flat ? 0.72 : 1)) },
      };
    }),
    { selector: 'edge', style: { width: 2.6, 'arrow-scale': 1.1, 'line-color': '#9fb0c2', 'target-arrow-color': '#9fb0c2' } },
    // The map page's short flash on updates: the projector has its own glow.
    { selector: 'node.flash', style: { 'underlay-opacity': 0 } },
    { selector: 'node.arrived', style: { 'underlay-opacity': 0.75, 'underlay-padding': 12, 'z-index': 30 } },
    { selector: 'node.arrived.glow', style: { 'underlay-opacity': 0.25, 'underlay-padding': 30 } },
    {
      selector: 'edge.arrived',
      style: {
        width: 6,
        'line-color': GLOW,
        'target-arrow-color': GLOW,
        'z-index': 29,
      },
    },
    { selector: 'edge.arrived.glow', style: { width: 3.5 } },
  ];
}
