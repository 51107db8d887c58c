/**
 * The workspace's overlapping project pairs across cities, best first, filtered by city, region, theme
 * and period, with a CSV download of exactly the filtered list (the API's CSV) and a button per pair
 * that shows both projects and their cities on the map.
 */
import type { Core } from 'cytoscape';
import { errorMessage } from '../api';
import { debounce, h, replaceChildren } from '../dom';
import { formatNumber } from '../i18n';
import { nodesOfType } from './graph-names';
import { overlapsApi, pairsCsvUrl, type OverlapPair, type OverlapPairs, type PairFilters, type ProjectSummary } from './overlaps-api';
import { ot } from './overlaps-i18n';
import { explanationBlock, localName, scoreMeter } from './project-overlaps-panel';

const MIN_SCORES = [0.1, 0.25, 0.4, 0.6];
const DEFAULT_MIN_SCORE = 0.25;
const LIMIT = 200;

export class OverlapsList {
  readonly el = h('div', { class: 'ov-list', 'data-testid': 'overlaps-list' });
  private filters: PairFilters = { minScore: DEFAULT_MIN_SCORE, limit: LIMIT };
  private data: OverlapPairs | null = null;
  private error: string | null = null;
  private loading: AbortController | null = null;
  private readonly filterBox = h('form', { class: 'ov-filters', 'data-testid': 'overlaps-filters' });
  private readonly results = h('div', { class: 'ov-results' });
  private readonly reloadSoon = debounce(() => void this.load(), 250);

  constructor(
    private readonly workspaceId: string,
    private readonly cy: Core,
    private readonly showPair: (pair: OverlapPair) => void,
  ) {
    this.filterBox.addEventListener('submit', (e) => e.preventDefault());
    replaceChildren(this.el, this.filterBox, this.results);
  }

  async load(): Promise<void> {
    if (this.filters.from && this.filters.to && this.filters.from > this.filters.to) {
      this.error = ot('list.badPeriod');
      this.renderResults();
      return;
    }
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.data = null;
    this.error = null;
    this.renderResults();
    try {
      const data = await overlapsApi.pairs(this.workspaceId, this.filters, controller.signal);
      if (controller.signal.aborted) return;
      this.data = data;
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') return;
      this.error = ot('list.failed', { message: errorMessage(err) });
    }
    this.renderResults();
  }

  render(): void {
    this.renderFilters();
    this.renderResults();
  }

  private set(key: keyof PairFilters, value: string): void {
    if (key === 'minScore') this.filters.minScore = Number(value) || DEFAULT_MIN_SCORE;
    else if (key !== 'limit') this.filters[key] = value || undefined;
    this.renderResults();
    this.reloadSoon();
  }

  private select(key: 'city' | 'region' | 'theme', type: 'City' | 'Region' | 'Theme'): HTMLElement {
    const current = this.filters[key];
    const options = nodesOfType(this.cy, type);
    return h(
      'label',
      { class: 'ov-field' },
      h('span', {}, ot(`list.${key}`)),
      h(
        'select',
        { 'data-testid': `overlaps-filter-${key}`, onchange: (e: Event) => this.set(key, (e.target as HTMLSelectElement).value) },
        h('option', { value: '', selected: !current }, ot('list.any')),
        ...options.map((o) => h('option', { value: o.id, selected: o.id === current }, o.name)),
      ),
    );
  }

  private dateField(key: 'from' | 'to'): HTMLElement {
    return h(
      'label',
      { class: 'ov-field' },
      h('span', {}, ot(`list.${key}`)),
      h('input', {
        type: 'date',
        value: this.filters[key] ?? '',
        'data-testid': `overlaps-filter-${key}`,
        onchange: (e: Event) => this.set(key, (e.target as HTMLInputElement).value),
      }),
    );
  }

  private renderFilters(): void {
    replaceChildren(
      this.filterBox,
      this.select('city', 'City'),
      this.select('region', 'Region'),
      this.select('theme', 'Theme'),
      this.dateField('from'),
      this.dateField('to'),
      h(
        'label',
        { class: 'ov-field' },
        h('span', {}, ot('list.minScore')),
        h(
          'select',
          {
            'data-testid': 'overlaps-filter-minScore',
            onchange: (e: Event) => this.set('minScore', (e.target as HTMLSelectElement).value),
          },
          ...MIN_SCORES.map((s) => h('option', { value: s, selected: s === this.filters.minScore }, `${Math.round(s * 100)} %`)),
        ),
      ),
    );
  }

  private renderResults(): void {
    const data = this.data;
    const csv = h(
      'a',
      {
        class: 'button-link',
        href: pairsCsvUrl(this.workspaceId, { ...this.filters, limit: 5000 }),
        download: '',
        'data-testid': 'overlaps-csv',
      },
      ot('list.csv'),
    );
    this.el.dataset.state = this.error ? 'error' : data ? 'loaded' : 'loading';
    replaceChildren(
      this.results,
      h(
        'div',
        { class: 'ov-summary' },
        h(
          'span',
          { 'data-testid': 'overlaps-count', 'data-total': data?.total ?? '' },
          data ? ot('list.count', { shown: formatNumber(data.items.length), total: formatNumber(data.total) }) : '',
        ),
        csv,
      ),
      this.error
        ? h('p', { class: 'note error' }, this.error)
        : !data
          ? h('p', { class: 'muted' }, ot('list.loading'))
          : data.items.length
            ? h('ol', { class: 'pair-list' }, ...data.items.map((pair) => this.pairRow(pair)))
            : h('p', { class: 'muted', 'data-testid': 'overlaps-list-none' }, ot('list.none')),
    );
  }

  private side(p: ProjectSummary): HTMLElement {
    const where = p.cities.map((c) => c.name).join(', ');
    return h(
      'span',
      { class: 'pair-side', 'data-id': p.id },
      h('strong', {}, localName(p)),
      where ? h('span', { class: 'overlap-where' }, where) : null,
    );
  }

  private pairRow(pair: OverlapPair): HTMLElement {
    return h(
      'li',
      { class: 'pair-item', 'data-testid': 'overlap-pair', 'data-a': pair.a.id, 'data-b': pair.b.id },
      h(
        'div',
        { class: 'pair-sides' },
        this.side(pair.a),
        h('span', { class: 'pair-arrow', 'aria-hidden': 'true' }, '⇄'),
        this.side(pair.b),
      ),
      scoreMeter(pair.score),
      explanationBlock(pair.explanation),
      h(
        'button',
        { type: 'button', class: 'small', 'data-testid': 'pair-highlight', onclick: () => this.showPair(pair) },
        ot('list.highlight'),
      ),
    );
  }
}
