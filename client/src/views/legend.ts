/** The legend: one row per node type (shape, colour, name, count) and the edge styles that stand out. */
import type { Core } from 'cytoscape';
import type { RelationshipType } from '../../../domain/relationships';
import { h, replaceChildren, svg } from '../dom';
import { relLabel, t, typeLabel } from '../i18n';
import { swatchSvg } from '../style/cy-style';
import { FILTERABLE_TYPES } from './filters';

/** Edge styles from cy-style.ts worth explaining: [types, colour, dash pattern, width]. */
const EDGE_SAMPLES: ReadonlyArray<{ types: RelationshipType[]; color: string; dash?: string; width: number }> = [
  { types: ['LEADS'], color: '#f0b35c', width: 3 },
  { types: ['LOCATED_IN', 'IN_REGION'], color: '#a3d9b8', dash: '6 4', width: 2 },
  { types: ['FOCUSES_ON'], color: '#e8a7c3', dash: '2 3', width: 2 },
  { types: ['FUNDS', 'FUNDED_BY'], color: '#c9b08f', width: 2 },
  { types: ['WORKS_AT'], color: '#c3a9dc', width: 2 },
];

function edgeSwatch(color: string, width: number, dash?: string): Element {
  const dashAttr = dash ? ` stroke-dasharray="${dash}"` : '';
  return svg(
    `<svg class="swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true"><line x1="1" y1="6" x2="27" y2="6" stroke="${color}" stroke-width="${width}"${dashAttr}/></svg>`,
  );
}

export class LegendView {
  constructor(
    private readonly root: HTMLElement,
    private readonly cy: Core,
  ) {}

  render(): void {
    const counts = new Map<string, number>();
    this.cy.nodes().forEach((n) => {
      counts.set(n.data('type'), (counts.get(n.data('type')) ?? 0) + 1);
    });
    const typeRows = FILTERABLE_TYPES.filter((type) => counts.has(type)).map((type) =>
      h(
        'li',
        { 'data-type': type },
        svg(swatchSvg(type, 18)),
        h('span', { class: 'legend-name' }, typeLabel(type)),
        h('span', { class: 'legend-count' }, String(counts.get(type) ?? 0)),
      ),
    );
    const edgeRows = EDGE_SAMPLES.map((s) =>
      h('li', {}, edgeSwatch(s.color, s.width, s.dash), h('span', { class: 'legend-name' }, s.types.map(relLabel).join(' / '))),
    );
    replaceChildren(
      this.root,
      h('h2', {}, t('legend.title')),
      h('ul', { class: 'legend-list', 'data-testid': 'legend' }, ...typeRows),
      h('ul', { class: 'legend-list edges' }, ...edgeRows),
      h('p', { class: 'hint' }, t('legend.edgeHint')),
    );
  }
}
