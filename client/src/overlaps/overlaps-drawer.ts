/**
 * A drawer over the map with the workspace's duplicate-work views: the overlapping pairs and the
 * specialisation heat map. It is not modal: showing something on the map tucks it away, and the
 * highlight bar's "back" button brings it back where it was.
 */
import type { Core } from 'cytoscape';
import { h, replaceChildren } from '../dom';
import { t } from '../i18n';
import type { MapHighlight } from './map-highlight';
import type { OverlapPair, PlaceKind } from './overlaps-api';
import { ot } from './overlaps-i18n';
import { OverlapsList } from './overlaps-list';
import { SpecialisationMap } from './specialisation-map';

export type DrawerTab = 'list' | 'heatmap';

export class OverlapsDrawer {
  readonly el = h('aside', { class: 'ov-drawer', 'data-testid': 'overlaps-drawer', hidden: true, 'aria-label': '' });
  private tab: DrawerTab = 'list';
  private readonly list: OverlapsList;
  private readonly heatmap: SpecialisationMap;
  /** Which tabs need a fresh load when next shown (the graph changed meanwhile). */
  private readonly stale = new Set<DrawerTab>(['list', 'heatmap']);

  constructor(
    workspaceId: string,
    cy: Core,
    private readonly highlight: MapHighlight,
    focusNode: (id: string) => void,
  ) {
    const focusAndTuck = (id: string) => {
      this.close();
      focusNode(id);
    };
    this.list = new OverlapsList(workspaceId, cy, (pair) => this.showPair(pair));
    this.heatmap = new SpecialisationMap(workspaceId, cy, (ids, placeId, by) => this.showCell(ids, placeId, by), focusAndTuck);
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  open(tab: DrawerTab = this.tab): void {
    this.tab = tab;
    this.el.hidden = false;
    document.body.classList.add('overlaps-open');
    this.render();
    if (this.stale.delete(tab)) void (tab === 'list' ? this.list.load() : this.heatmap.load());
  }

  close(): void {
    this.el.hidden = true;
    document.body.classList.remove('overlaps-open');
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  /** The graph changed: reload what is shown, and the other tab when it is next opened. */
  markStale(): void {
    this.stale.add('list');
    this.stale.add('heatmap');
    if (this.isOpen) this.open(this.tab);
  }

  render(): void {
    const tabButton = (tab: DrawerTab) =>
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: tab === this.tab ? 'tab on' : 'tab',
          'aria-selected': String(tab === this.tab),
          'data-testid': `overlaps-tab-${tab}`,
          onclick: () => this.open(tab),
        },
        ot(`drawer.tab.${tab}`),
      );
    this.el.setAttribute('aria-label', ot('drawer.title'));
    this.el.dataset.tab = this.tab;
    if (this.tab === 'list') this.list.render();
    else this.heatmap.render();
    replaceChildren(
      this.el,
      h(
        'div',
        { class: 'ov-drawer-head' },
        h('h2', {}, ot('drawer.title')),
        h(
          'button',
          {
            type: 'button',
            class: 'icon',
            title: ot('drawer.reload'),
            'aria-label': ot('drawer.reload'),
            'data-testid': 'overlaps-reload',
            onclick: () => void (this.tab === 'list' ? this.list.load() : this.heatmap.load()),
          },
          '↻',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'icon',
            title: t('app.close'),
            'aria-label': t('app.close'),
            'data-testid': 'overlaps-close',
            onclick: () => this.close(),
          },
          '✕',
        ),
      ),
      h('div', { class: 'ov-tabs', role: 'tablist' }, tabButton('list'), tabButton('heatmap')),
      h('div', { class: 'ov-drawer-body' }, this.tab === 'list' ? this.list.el : this.heatmap.el),
    );
  }

  private showPair(pair: OverlapPair): void {
    this.close();
    this.highlight.show(
      { projectIds: [pair.a.id, pair.b.id], cityIds: [...pair.a.cities, ...pair.b.cities].map((c) => c.id), sourceId: pair.a.id },
      () => this.open('list'),
    );
  }

  private showCell(projectIds: string[], placeId: string, by: PlaceKind): void {
    this.close();
    // A city cell marks the city; a region cell marks the region (the projects' own cities come along).
    this.highlight.show({ projectIds, ...(by === 'city' ? { cityIds: [placeId] } : { placeIds: [placeId] }) }, () => this.open('heatmap'));
  }
}
