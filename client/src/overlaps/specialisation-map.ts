/**
 * The specialisation heat map: cities (or regions) × themes, coloured by projects, organisations or
 * euros. Themes no place covers (gaps) are hatched columns, themes three or more places work on
 * (crowded) are marked in their heading; both are listed under the table too. A cell lists the
 * projects behind it (asked for when it is chosen, a page at a time), which can be shown on the map. The table scrolls on its own, with the place
 * column and the theme row sticky, so it works on a phone.
 */
import type { Core } from 'cytoscape';
import { errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { formatNumber, getLang, locale } from '../i18n';
import { labelOf } from './graph-names';
import {
  MEASURES,
  overlapsApi,
  type Measure,
  type PlaceKind,
  type Specialisation,
  type SpecialisationCell,
  type SpecialisationCellProjects,
} from './overlaps-api';
import { ot } from './overlaps-i18n';

type ThemeInfo = Specialisation['themes'][number];

/** Projects of the selected cell asked per page (the API gives at most 500). */
const CELL_PAGE = 50;
const MAX_HIGHLIGHTED = 500;

/** The projects behind the selected cell, as far as they have been loaded. */
interface CellList {
  key: string;
  items: SpecialisationCellProjects['items'];
  total: number;
  loading: AbortController | null;
  error: string | null;
}

/** The value a cell shows for a measure. */
export function cellValue(cell: SpecialisationCell | undefined, measure: Measure): number {
  return cell ? cell[measure] : 0;
}

function formatValue(value: number, measure: Measure): string {
  if (measure !== 'euros') return formatNumber(value);
  try {
    return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'EUR', notation: 'compact', maximumFractionDigits: 1 }).format(
      value,
    );
  } catch {
    return formatNumber(value, true);
  }
}

/** Warm colour with an intensity rising with the square root of the share of the largest value. */
function heat(value: number, max: number): { background: string; dark: boolean } {
  if (value <= 0 || max <= 0) return { background: '', dark: false };
  const alpha = 0.14 + 0.86 * Math.sqrt(value / max);
  return { background: `rgba(214, 69, 32, ${alpha.toFixed(3)})`, dark: alpha > 0.6 };
}

export class SpecialisationMap {
  readonly el = h('div', { class: 'heat', 'data-testid': 'heatmap' });
  private by: PlaceKind = 'city';
  private measure: Measure = 'projects';
  private data: Specialisation | null = null;
  private error: string | null = null;
  private loading: AbortController | null = null;
  private selected: { placeId: string; themeId: string } | null = null;
  private cellList: CellList | null = null;

  constructor(
    private readonly workspaceId: string,
    private readonly cy: Core,
    private readonly showCell: (projectIds: string[], placeId: string, by: PlaceKind) => void,
    private readonly focusNode: (id: string) => void,
  ) {}

  async load(): Promise<void> {
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    this.error = null;
    this.render();
    try {
      const data = await overlapsApi.specialisation(this.workspaceId, this.by, controller.signal);
      if (controller.signal.aborted) return;
      this.data = data;
      if (this.selected && !data.cells.some((c) => c.placeId === this.selected!.placeId && c.themeId === this.selected!.themeId))
        this.selected = null;
      // The matrix moved on: the selected cell's projects are asked again.
      if (this.selected) void this.loadCell(false);
      else this.dropCellList();
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') return;
      this.error = ot('heat.failed', { message: errorMessage(err) });
    }
    this.render();
  }

  render(): void {
    const data = this.data && this.data.by === this.by ? this.data : null;
    this.el.dataset.state = this.error ? 'error' : data ? 'loaded' : 'loading';
    this.el.dataset.by = this.by;
    this.el.dataset.measure = this.measure;
    replaceChildren(
      this.el,
      this.controls(),
      this.error
        ? h('p', { class: 'note error' }, this.error)
        : !data
          ? h('p', { class: 'muted' }, ot('heat.loading'))
          : !data.places.length
            ? h('p', { class: 'muted' }, ot('heat.empty'))
            : this.table(data),
      data ? this.cellDetail(data) : null,
      data ? this.markedLists(data) : null,
    );
  }

  private controls(): HTMLElement {
    const segmented = (testid: string, label: string, options: { value: string; text: string; on: boolean; pick: () => void }[]) =>
      h(
        'div',
        { class: 'segmented', role: 'group', 'aria-label': label, 'data-testid': testid },
        h('span', { class: 'segmented-label' }, label),
        ...options.map((o) =>
          h(
            'button',
            { type: 'button', 'aria-pressed': String(o.on), class: o.on ? 'on' : '', 'data-value': o.value, onclick: o.pick },
            o.text,
          ),
        ),
      );
    return h(
      'div',
      { class: 'heat-controls' },
      segmented(
        'heat-by',
        ot('heat.by'),
        (['city', 'region'] as const).map((by) => ({
          value: by,
          text: ot(`heat.by.${by}`),
          on: by === this.by,
          pick: () => {
            if (by === this.by) return;
            this.by = by;
            this.selected = null;
            this.dropCellList();
            void this.load();
          },
        })),
      ),
      segmented(
        'heat-measure',
        ot('heat.measure'),
        MEASURES.map((m) => ({
          value: m,
          text: ot(`heat.measure.${m}`),
          on: m === this.measure,
          pick: () => {
            this.measure = m;
            this.render();
          },
        })),
      ),
    );
  }

  private themeName(theme: ThemeInfo): string {
    const fallback = getLang() === 'en' && theme.nameEn ? theme.nameEn : theme.name;
    return labelOf(this.cy, theme.id, fallback);
  }

  /** Covered themes first, the most places first; gaps last. */
  private columns(data: Specialisation): ThemeInfo[] {
    const places = new Map<string, number>();
    for (const c of data.cells) places.set(c.themeId, (places.get(c.themeId) ?? 0) + 1);
    return [...data.themes].sort(
      (a, b) => (places.get(b.id) ?? 0) - (places.get(a.id) ?? 0) || this.themeName(a).localeCompare(this.themeName(b), locale()),
    );
  }

  private table(data: Specialisation): HTMLElement {
    const cells = new Map(data.cells.map((c) => [`${c.placeId}\n${c.themeId}`, c]));
    const gaps = new Set(data.gaps.map((g) => g.id));
    const crowded = new Map(data.crowded.map((c) => [c.id, c.placeIds.length]));
    const max = Math.max(0, ...data.cells.map((c) => cellValue(c, this.measure)));
    const columns = this.columns(data);
    const head = h(
      'tr',
      {},
      h('th', { class: 'corner', scope: 'col' }, ot('heat.place')),
      ...columns.map((theme) => {
        const isGap = gaps.has(theme.id);
        const crowdedBy = crowded.get(theme.id);
        return h(
          'th',
          {
            scope: 'col',
            class: ['theme-col', isGap ? 'gap' : '', crowdedBy ? 'crowded' : ''].filter(Boolean).join(' '),
            'data-testid': 'heat-theme',
            'data-theme': theme.id,
            title: isGap ? ot('heat.gapHint') : crowdedBy ? ot('heat.crowdedHint') : this.themeName(theme),
          },
          h('span', { class: 'theme-name' }, this.themeName(theme)),
          isGap ? h('span', { class: 'badge gap-badge', 'data-testid': 'heat-gap' }, ot('heat.gap')) : null,
          crowdedBy
            ? h('span', { class: 'badge crowded-badge', 'data-testid': 'heat-crowded' }, ot('heat.crowded', { count: crowdedBy }))
            : null,
        );
      }),
    );
    const rows = data.places.map((place) =>
      h(
        'tr',
        { 'data-place': place.id },
        h('th', { scope: 'row', class: 'place-name' }, labelOf(this.cy, place.id, place.name)),
        ...columns.map((theme) => {
          const cell = cells.get(`${place.id}\n${theme.id}`);
          const value = cellValue(cell, this.measure);
          const classes = [gaps.has(theme.id) ? 'gap' : '', crowded.has(theme.id) ? 'crowded' : ''].filter(Boolean).join(' ');
          if (!cell) return h('td', { class: `empty ${classes}`.trim() });
          const { background, dark } = heat(value, max);
          const isSelected = this.selected?.placeId === place.id && this.selected.themeId === theme.id;
          return h(
            'td',
            { class: classes },
            h(
              'button',
              {
                type: 'button',
                class: ['heat-cell', dark ? 'dark' : '', isSelected ? 'selected' : ''].filter(Boolean).join(' '),
                style: background ? `background:${background}` : '',
                'data-testid': 'heat-cell',
                'data-place': place.id,
                'data-theme': theme.id,
                'data-value': value,
                'aria-pressed': String(isSelected),
                title: `${ot('heat.cell', { place: labelOf(this.cy, place.id, place.name), theme: this.themeName(theme) })}: ${formatValue(value, this.measure)}`,
                onclick: () => {
                  this.selected = { placeId: place.id, themeId: theme.id };
                  void this.loadCell(false);
                  this.el.querySelector('[data-testid="heat-cell-detail"]')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
                },
              },
              formatValue(value, this.measure),
            ),
          );
        }),
      ),
    );
    return h(
      'div',
      { class: 'heat-scroll', 'data-testid': 'heat-scroll' },
      h('table', { class: 'heat-table', 'data-testid': 'heat-table' }, h('thead', {}, head), h('tbody', {}, ...rows)),
    );
  }

  private cellDetail(data: Specialisation): HTMLElement {
    const sel = this.selected;
    const cell = sel && data.cells.find((c) => c.placeId === sel.placeId && c.themeId === sel.themeId);
    if (!sel || !cell) return h('p', { class: 'muted heat-hint' }, ot('heat.cellHint'));
    const place = data.places.find((p) => p.id === cell.placeId);
    const theme = data.themes.find((t) => t.id === cell.themeId);
    return h(
      'div',
      { class: 'heat-detail', 'data-testid': 'heat-cell-detail', 'data-place': cell.placeId, 'data-theme': cell.themeId },
      h(
        'h4',
        {},
        ot('heat.cell', { place: labelOf(this.cy, cell.placeId, place?.name), theme: theme ? this.themeName(theme) : cell.themeId }),
      ),
      h(
        'p',
        { class: 'muted' },
        [
          ot('heat.cellProjects', { count: cell.projects }),
          `${ot('heat.measure.organisations')}: ${formatNumber(cell.organisations)}`,
          formatValue(cell.euros, 'euros'),
        ].join(' · '),
      ),
      this.cellProjectList(),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-testid': 'heat-highlight',
          onclick: () => void this.highlightCell(cell),
        },
        ot('heat.highlight'),
      ),
    );
  }

  private cellKey(): string | null {
    return this.selected ? `${this.by}\n${this.selected.placeId}\n${this.selected.themeId}` : null;
  }

  private dropCellList(): void {
    this.cellList?.loading?.abort();
    this.cellList = null;
  }

  /** Asks for the next page of the selected cell's projects (or the first, when `more` is false). */
  private async loadCell(more: boolean): Promise<void> {
    const key = this.cellKey();
    const sel = this.selected;
    if (!key || !sel) return;
    const list = more && this.cellList?.key === key ? this.cellList : null;
    this.cellList?.loading?.abort();
    const controller = new AbortController();
    const current: CellList = list ?? { key, items: [], total: 0, loading: null, error: null };
    current.loading = controller;
    current.error = null;
    this.cellList = current;
    this.render();
    try {
      const page = await overlapsApi.cellProjects(this.workspaceId, { by: this.by, ...sel }, { offset: current.items.length, limit: CELL_PAGE }, controller.signal);
      if (controller.signal.aborted) return;
      current.items = [...current.items, ...page.items];
      current.total = page.total;
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') return;
      current.error = ot('heat.cellFailed', { message: errorMessage(err) });
    }
    current.loading = null;
    if (this.cellList === current) this.render();
  }

  private cellProjectList(): HTMLElement {
    const list = this.cellList?.key === this.cellKey() ? this.cellList : null;
    if (!list || (list.loading && !list.items.length)) return h('p', { class: 'muted', 'data-testid': 'heat-cell-loading' }, ot('heat.cellLoading'));
    if (list.error && !list.items.length) return h('p', { class: 'note error' }, list.error);
    return h(
      'div',
      {},
      h(
        'ul',
        { class: 'heat-projects', 'data-total': list.total },
        ...list.items.map((p) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'link', 'data-testid': 'heat-project', 'data-id': p.id, onclick: () => this.focusNode(p.id) },
              labelOf(this.cy, p.id, p.name),
            ),
          ),
        ),
      ),
      list.error ? h('p', { class: 'note error' }, list.error) : null,
      list.items.length < list.total
        ? h(
            'button',
            { type: 'button', class: 'link', 'data-testid': 'heat-more', disabled: Boolean(list.loading), onclick: () => void this.loadCell(true) },
            ot('heat.more', { shown: list.items.length, total: list.total }),
          )
        : null,
    );
  }

  /** Shows the cell's projects on the map: those loaded, or up to MAX_HIGHLIGHTED asked for at once. */
  private async highlightCell(cell: SpecialisationCell): Promise<void> {
    const list = this.cellList?.key === this.cellKey() ? this.cellList : null;
    let ids = list?.items.map((p) => p.id) ?? [];
    if (!list || ids.length < list.total) {
      try {
        const page = await overlapsApi.cellProjects(this.workspaceId, { by: this.by, placeId: cell.placeId, themeId: cell.themeId }, { offset: 0, limit: MAX_HIGHLIGHTED });
        ids = page.items.map((p) => p.id);
      } catch (err) {
        if (list) list.error = ot('heat.cellFailed', { message: errorMessage(err) });
        this.render();
        return;
      }
    }
    this.showCell(ids, cell.placeId, this.by);
  }

  private markedLists(data: Specialisation): HTMLElement {
    const themeById = new Map(data.themes.map((t) => [t.id, t]));
    const name = (t: ThemeInfo) => this.themeName(themeById.get(t.id) ?? t);
    return h(
      'div',
      { class: 'heat-marks' },
      h('h4', {}, ot('heat.crowdedList')),
      data.crowded.length
        ? h(
            'ul',
            { 'data-testid': 'heat-crowded-list' },
            ...data.crowded.map((c) =>
              h(
                'li',
                { 'data-theme': c.id },
                h('strong', {}, name(c)),
                ': ',
                c.placeIds.map((p) => labelOf(this.cy, p, data.places.find((x) => x.id === p)?.name)).join(', '),
              ),
            ),
          )
        : h('p', { class: 'muted' }, ot('heat.noCrowded')),
      h('h4', {}, ot('heat.gaps')),
      data.gaps.length
        ? h('ul', { class: 'gap-list', 'data-testid': 'heat-gap-list' }, ...data.gaps.map((g) => h('li', { 'data-theme': g.id }, name(g))))
        : h('p', { class: 'muted' }, ot('heat.noGaps')),
    );
  }
}
