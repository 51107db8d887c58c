/**
 * The metrics tab: the top nodes by a stored metric (organisations by default), filtered by city or
 * theme; a row focuses its node on the map. "Size and colour by metric" styles the map (metric-style.ts).
 * The table reloads when the worker pushes metrics:updated.
 */
import type { Core } from 'cytoscape';
import { errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { displayName } from '../views/graph-view';
import { analysisApi, METRICS, type MetricName, type MetricsTop } from './analysis-api';
import { at, type AnalysisKey } from './analysis-i18n';
import { styleByMetric } from './metric-style';

const TOP_N = 10;

export class MetricTables {
  readonly el = h('div', { class: 'an-metrics', 'data-testid': 'analysis-metrics' });
  private metric: MetricName = 'degree';
  private city = '';
  private theme = '';
  private orgsOnly = true;
  private style = { size: false, colour: false };
  private result: MetricsTop | null = null;
  private error: string | null = null;
  private loading = false;
  private requestNo = 0;

  constructor(
    private readonly workspaceId: string,
    private readonly cy: Core,
    private readonly focusNode: (id: string) => void,
  ) {}

  async load(): Promise<void> {
    const no = ++this.requestNo;
    this.loading = true;
    this.render();
    try {
      const result = await analysisApi.metricsTop(this.workspaceId, {
        metric: this.metric,
        type: this.orgsOnly ? 'Organisation' : undefined,
        city: this.city || undefined,
        theme: this.theme || undefined,
        limit: TOP_N,
      });
      if (no !== this.requestNo) return;
      this.result = result;
      this.error = null;
    } catch (err) {
      if (no !== this.requestNo) return;
      this.error = errorMessage(err);
    }
    this.loading = false;
    this.render();
  }

  /** New metrics from the worker: the map's data is already updated; restyle and reload the table. */
  onMetricsUpdated(): void {
    this.restyle();
    void this.load();
  }

  restyle(): void {
    styleByMetric(this.cy, this.style.size || this.style.colour ? this.metric : null, this.style);
  }

  render(): void {
    const places = (type: string) =>
      this.cy
        .nodes(`[type = "${type}"]`)
        .map((n) => ({ id: n.id(), name: displayName(n.data()) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
    const select = (testid: string, value: string, options: { value: string; label: string }[], onChange: (v: string) => void) =>
      h(
        'select',
        { 'data-testid': testid, onchange: (e) => onChange((e.target as HTMLSelectElement).value) },
        ...options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
      );
    const placeOptions = (type: string) => [{ value: '', label: at('metrics.all') }, ...places(type).map((p) => ({ value: p.id, label: p.name }))];
    const check = (testid: string, checked: boolean, label: string, onChange: (v: boolean) => void) =>
      h('label', { class: 'an-check' }, h('input', { type: 'checkbox', 'data-testid': testid, checked, onchange: (e) => onChange((e.target as HTMLInputElement).checked) }), label);

    replaceChildren(
      this.el,
      h(
        'div',
        { class: 'an-row' },
        h('label', {}, at('metric.label'), ' ', select('metric-select', this.metric, METRICS.map((m) => ({ value: m, label: at(`metric.${m}` as AnalysisKey) })), (v) => {
          this.metric = v as MetricName;
          this.restyle();
          void this.load();
        })),
        h('label', {}, at('metrics.city'), ' ', select('metric-city', this.city, placeOptions('City'), (v) => {
          this.city = v;
          void this.load();
        })),
        h('label', {}, at('metrics.theme'), ' ', select('metric-theme', this.theme, placeOptions('Theme'), (v) => {
          this.theme = v;
          void this.load();
        })),
        check('metric-orgs-only', this.orgsOnly, at('metrics.orgsOnly'), (v) => {
          this.orgsOnly = v;
          void this.load();
        }),
      ),
      h(
        'div',
        { class: 'an-row' },
        h('span', {}, at('metrics.styleBy'), ':'),
        check('metric-style-size', this.style.size, at('metrics.size'), (v) => {
          this.style.size = v;
          this.restyle();
        }),
        check('metric-style-colour', this.style.colour, at('metrics.colour'), (v) => {
          this.style.colour = v;
          this.restyle();
        }),
      ),
      this.body(),
    );
  }

  private body(): HTMLElement {
    if (this.error) return h('p', { class: 'an-error' }, at('metrics.failed', { message: this.error }));
    if (!this.result) return h('p', { class: 'an-muted' }, at('metrics.loading'));
    if (!this.result.items.length) return h('p', { class: 'an-muted', 'data-testid': 'metric-empty' }, at('metrics.none'));
    const format = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(4));
    return h(
      'div',
      { class: this.loading ? 'an-loading' : '' },
      h(
        'table',
        { class: 'an-table', 'data-testid': 'metric-table', 'data-metric': this.result.metric },
        h('thead', {}, h('tr', {}, h('th', {}, at('metrics.rank')), h('th', {}, at('metrics.name')), h('th', {}, at('metrics.value')))),
        h(
          'tbody',
          {},
          ...this.result.items.map((item, i) =>
            h(
              'tr',
              { 'data-node-id': item.id, class: 'an-click', onclick: () => this.focusNode(item.id) },
              h('td', {}, i + 1),
              h('td', {}, this.nameOf(item.id, item.name)),
              h('td', { class: 'an-num' }, format(item.value)),
            ),
          ),
        ),
      ),
      this.result.computedAt ? h('p', { class: 'an-muted' }, at('metrics.computedAt', { time: new Date(this.result.computedAt).toLocaleString() })) : null,
    );
  }

  private nameOf(id: string, fallback: string | null): string {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? displayName(node.data()) : (fallback ?? id);
  }
}
