/**
 * The facilitator's list of entries on the map — nodes and links, newest first, with who added them —
 * each with hide/show and remove. A filter narrows long lists.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { h, replaceChildren, svg } from '../dom';
import { formatDateTime, relLabel, typeLabel } from '../i18n';
import { swatchSvg } from '../style/cy-style';
import { confirmButton } from './confirm-button';
import { foldName } from './similar-names';
import { wt } from './workshop-i18n';

const MAX_ROWS = 150;

export interface EntryActions {
  setHidden(id: string, hidden: boolean): Promise<void>;
  remove(id: string): Promise<void>;
}

const isHidden = (ele: NodeSingular | EdgeSingular) => ele.data('hidden') === true;
const newestFirst = (a: NodeSingular, b: NodeSingular) =>
  String(b.data('createdAt') ?? '').localeCompare(String(a.data('createdAt') ?? ''));

export class EntriesList {
  readonly el: HTMLElement;
  private readonly filter: HTMLInputElement;
  private readonly nodesList = h('ul', { class: 'entries', 'data-testid': 'entries-nodes' });
  private readonly linksList = h('ul', { class: 'entries', 'data-testid': 'entries-links' });
  private readonly nodesHeading = h('h3', {});
  private readonly linksHeading = h('h3', {});

  constructor(
    private readonly cy: () => Core,
    /** Who added an entry, when known. */
    private readonly addedBy: (id: string) => string | null,
    private readonly actions: EntryActions,
  ) {
    this.filter = h('input', {
      type: 'search',
      'data-testid': 'entries-filter',
      placeholder: wt('entries.filter'),
      'aria-label': wt('entries.filter'),
    });
    this.filter.addEventListener('input', () => this.render());
    this.el = h('div', { class: 'entries-list' }, this.filter, this.nodesHeading, this.nodesList, this.linksHeading, this.linksList);
  }

  render(): void {
    this.filter.placeholder = wt('entries.filter');
    const query = foldName(this.filter.value);
    const matches = (text: string) => !query || foldName(text).includes(query);
    const cy = this.cy();
    const nodes = cy
      .nodes()
      .filter((n) => matches(`${n.data('name')} ${this.addedBy(n.id()) ?? ''}`))
      .sort(newestFirst);
    const label = (id: string) => String(cy.getElementById(id).data('label') ?? id);
    const edges = cy.edges().filter((e) => matches(`${label(e.data('source'))} ${label(e.data('target'))} ${this.addedBy(e.id()) ?? ''}`));
    this.nodesHeading.textContent = wt('entries.nodes', { count: nodes.length });
    this.linksHeading.textContent = wt('entries.links', { count: edges.length });
    replaceChildren(
      this.nodesList,
      ...nodes
        .slice(0, MAX_ROWS)
        .map((node) =>
          this.row(node, [
            svg(swatchSvg(String(node.data('type')), 18)),
            h('span', { class: 'entry-name' }, String(node.data('label'))),
            h('span', { class: 'entry-type' }, typeLabel(String(node.data('type')))),
          ]),
        ),
      nodes.length > MAX_ROWS ? h('li', { class: 'hint' }, wt('entries.more', { count: nodes.length - MAX_ROWS })) : null,
      nodes.length === 0 ? h('li', { class: 'hint' }, wt('entries.none')) : null,
    );
    replaceChildren(
      this.linksList,
      ...edges
        .toArray()
        .slice(0, MAX_ROWS)
        .map((edge) =>
          this.row(edge as EdgeSingular, [
            h('span', { class: 'entry-name' }, `${label(edge.data('source'))} → ${label(edge.data('target'))}`),
            h('span', { class: 'entry-type' }, relLabel(String(edge.data('type')))),
          ]),
        ),
      edges.length > MAX_ROWS ? h('li', { class: 'hint' }, wt('entries.more', { count: edges.length - MAX_ROWS })) : null,
    );
  }

  /** One entry: nodes can be hidden and shown again; links only removed. */
  private row(ele: NodeSingular | EdgeSingular, description: (Node | string)[]): HTMLElement {
    const id = ele.id();
    const hidden = isHidden(ele);
    const actor = this.addedBy(id);
    const created = ele.data('createdAt');
    return h(
      'li',
      {
        class: `entry-row ${hidden ? 'is-hidden' : ''}`,
        'data-testid': 'entry-row',
        'data-id': id,
        'data-name': String(ele.data('name') ?? ''),
        'data-hidden': String(hidden),
      },
      h(
        'div',
        { class: 'entry-main' },
        ...description,
        h(
          'span',
          { class: 'entry-meta' },
          actor ? wt('entries.by', { actor }) : '',
          typeof created === 'string' ? ` ${formatDateTime(created)}` : '',
          hidden ? ` · ${wt('entries.hidden')}` : '',
        ),
      ),
      h(
        'div',
        { class: 'row-buttons' },
        ele.isNode()
          ? h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                'data-testid': hidden ? 'entry-unhide' : 'entry-hide',
                onclick: () => void this.actions.setHidden(id, !hidden),
              },
              wt(hidden ? 'entries.unhide' : 'entries.hide'),
            )
          : null,
        confirmButton({
          label: wt('entries.remove'),
          confirmLabel: wt('entries.confirmRemove'),
          testId: 'entry-remove',
          key: `remove:${id}`,
          action: () => this.actions.remove(id),
        }),
      ),
    );
  }
}
