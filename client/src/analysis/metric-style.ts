/**
 * Size and colour of nodes by a stored network metric (the worker's metrics_* properties on the node
 * data). A small exported function so other views (saved views) can apply the same styling.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { typeStyle } from '../style/cy-style';

export interface MetricStyleOptions {
  size: boolean;
  colour: boolean;
}

const STYLED = 'an-metric-styled';
const LOW = [254, 240, 138]; // pale yellow
const HIGH = [185, 28, 28]; // dark red

const mix = (t: number) => `rgb(${LOW.map((lo, i) => Math.round(lo + (HIGH[i]! - lo) * t)).join(',')})`;

/** The node's value of a metric, or null when it has none (not computed yet, or a new node). */
export function metricValue(node: NodeSingular, metric: string): number | null {
  const value = node.data(`metrics_${metric}`);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Sizes and colours every node by the metric, scaled between the smallest and largest value on the map;
 * metric null (or both options off) puts the type's own style back.
 */
export function styleByMetric(cy: Core, metric: string | null, options: MetricStyleOptions = { size: true, colour: true }): void {
  cy.batch(() => {
    cy.nodes(`.${STYLED}`).removeStyle('width height background-color').removeClass(STYLED);
    if (!metric || (!options.size && !options.colour)) return;
    const values = cy.nodes().map((n) => metricValue(n, metric)).filter((v): v is number => v !== null);
    if (!values.length) return;
    const min = Math.min(...values);
    const span = Math.max(...values) - min || 1;
    cy.nodes().forEach((n) => {
      const value = metricValue(n, metric);
      if (value === null) return;
      const t = (value - min) / span;
      const base = typeStyle(String(n.data('type'))).size;
      // Square root: area, not radius, grows with the value.
      if (options.size) n.style({ width: base * (0.6 + 2 * Math.sqrt(t)), height: base * (0.6 + 2 * Math.sqrt(t)) });
      if (options.colour) n.style('background-color', mix(t));
      n.addClass(STYLED);
    });
  });
}
