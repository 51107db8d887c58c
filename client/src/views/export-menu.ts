/**
 * The "Export" menu: the workspace from the API (JSON, CSV nodes/links, GraphML, GEXF, Excel) with the
 * filters in use, and a picture of the current view: PNG through Cytoscape's cy.png(), SVG drawn here
 * from the visible elements (the cytoscape-svg extension is GPLv3, which this MIT client cannot bundle).
 */
import type { Core } from 'cytoscape';
import { h, replaceChildren } from '../dom';
import { t, type MsgKey } from '../i18n';
import { swatchSvg } from '../style/cy-style';
import { FILTERABLE_TYPES, type FilterState } from './filters';

export interface ExportMenuOptions {
  workspaceId: string;
  cy: Core;
  filters: () => FilterState;
}

const API_EXPORTS: ReadonlyArray<{ label: MsgKey; query: string }> = [
  { label: 'export.json', query: 'format=json' },
  { label: 'export.csvNodes', query: 'format=csv&part=nodes' },
  { label: 'export.csvLinks', query: 'format=csv&part=relationships' },
  { label: 'export.xlsx', query: 'format=xlsx' },
  { label: 'export.graphml', query: 'format=graphml' },
  { label: 'export.gexf', query: 'format=gexf' },
];

/** The export URL with the active filters (the same parameters as the graph read). */
export function exportUrl(workspaceId: string, query: string, filters: FilterState): string {
  const params = new URLSearchParams(query);
  if (filters.types.size < FILTERABLE_TYPES.length) params.set('types', [...filters.types].join(','));
  for (const key of ['city', 'region', 'theme'] as const) if (filters[key]) params.set(key, filters[key]);
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/export?${params}`;
}

/** Inline, so that the menu needs no edit of the shared stylesheet. */
const MENU_STYLE =
  'position: absolute; right: 0; top: calc(100% + 4px); z-index: 30; display: flex; flex-direction: column; gap: 6px; min-width: 15rem; padding: 10px 12px; background: #fff; color: #1f2933; border: 1px solid #cbd2d9; border-radius: 8px; box-shadow: 0 6px 18px rgba(0,0,0,.15)';

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number) => String(Math.round(n * 10) / 10);

/** The visible part of the map as SVG, in screen coordinates: links, shapes as in the legend, labels. */
export function viewSvg(cy: Core): string {
  const width = cy.width();
  const height = cy.height();
  const zoom = cy.zoom();
  const parts: string[] = [];
  cy.edges(':visible').forEach((edge) => {
    const a = edge.source().renderedPosition();
    const b = edge.target().renderedPosition();
    const colour = escapeXml(String(edge.style('line-color')));
    parts.push(
      `<line x1="${num(a.x)}" y1="${num(a.y)}" x2="${num(b.x)}" y2="${num(b.y)}" stroke="${colour}" stroke-width="${num(Math.max(0.5, parseFloat(edge.style('width')) * zoom))}" marker-end="url(#arrow)"/>`,
    );
  });
  cy.nodes(':visible').forEach((node) => {
    const p = node.renderedPosition();
    const w = node.renderedWidth();
    const ht = node.renderedHeight();
    const shape = swatchSvg(String(node.data('type'))).replace(
      /^<svg class="swatch" width="\d+" height="\d+"/,
      `<svg x="${num(p.x - w / 2)}" y="${num(p.y - ht / 2)}" width="${num(w)}" height="${num(ht)}" preserveAspectRatio="none"`,
    );
    parts.push(shape);
    const label = String(node.style('label') ?? '');
    if (label) {
      const size = parseFloat(node.style('font-size')) * zoom;
      const y = node.style('text-valign') === 'bottom' ? p.y + ht / 2 + size : p.y + size / 3;
      parts.push(
        `<text x="${num(p.x)}" y="${num(y)}" font-size="${num(size)}" text-anchor="middle" fill="${escapeXml(String(node.style('color')))}">${escapeXml(label)}</text>`,
      );
    }
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="system-ui, sans-serif">` +
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="#7b8794"/></marker></defs>' +
    `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>\n`
  );
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class ExportMenu {
  private readonly root: HTMLDetailsElement;

  constructor(
    host: HTMLElement,
    private readonly opts: ExportMenuOptions,
  ) {
    this.root = h('details', { class: 'export-menu', 'data-testid': 'export-menu', style: 'position: relative' });
    host.append(this.root);
    this.render();
  }

  render(): void {
    const { workspaceId, cy } = this.opts;
    const fileName = (ext: string) => `${workspaceId}-${new Date().toISOString().slice(0, 10)}.${ext}`;
    const close = () => (this.root.open = false);
    const picture = (label: MsgKey, ext: string, make: () => Blob) =>
      h('button', { type: 'button', 'data-export': ext, onclick: () => (save(make(), fileName(ext)), close()) }, t(label));
    // The links are built when the menu opens, so that they carry the filters of that moment.
    const links = API_EXPORTS.map(({ label, query }) =>
      h('a', { href: '#', download: '', 'data-export': query, onclick: close }, t(label)),
    );
    this.root.ontoggle = () => {
      if (!this.root.open) return;
      API_EXPORTS.forEach(({ query }, i) => links[i].setAttribute('href', exportUrl(workspaceId, query, this.opts.filters())));
    };
    replaceChildren(
      this.root,
      h('summary', { class: 'button-link', title: t('export.hint') }, t('export.menu')),
      h(
        'div',
        { class: 'export-menu-items', role: 'menu', style: MENU_STYLE },
        h('strong', {}, t('export.view')),
        picture('export.png', 'png', () => cy.png({ output: 'blob', full: false, scale: 2, bg: '#ffffff' })),
        picture('export.svg', 'svg', () => new Blob([viewSvg(cy)], { type: 'image/svg+xml' })),
        h('strong', {}, t('export.data')),
        ...links,
      ),
    );
  }
}
