/**
 * Saved views on the map: a header button opens the views menu (the workspace's views: open, share,
 * stop sharing, delete; and a form that saves the current filter, style and layout under a name).
 * Opening a view applies its filter (sidebar filters plus view-filter.ts), its style (view-style.ts),
 * its layout and camera, and puts ?view=<id> in the URL; /w/:ws?view=<id> opens it at start. Views
 * others save arrive live (view:* events).
 */
import type { Core } from 'cytoscape';
import { COLOUR_BY, SIZE_BY, VIEW_METRICS, ViewInputSchema, type ColourBy, type SavedView, type SizeBy, type ViewFilter, type ViewInput, type ViewStyle } from '../../../domain/views';
import { errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import type { LiveConnection } from '../live';
import type { FilterState } from '../views/filters';
import type { LayoutName } from '../views/layouts';
import { applyViewFilter, sidebarStateOf, viewFilterOf } from './view-filter';
import { applyViewStyle } from './view-style';
import { sharedPagePath, viewsApi } from './views-api';
import { vt } from './views-i18n';
import './saved-views.css';

export interface ViewsFeatureDeps {
  workspaceId: string;
  cy: Core;
  socket: LiveConnection['socket'];
  /** The sidebar filters: read, and replaced when a view opens. */
  filters: () => FilterState;
  setFilters: (state: FilterState) => void;
  layout: () => LayoutName;
  setLayout: (layout: LayoutName) => Promise<void>;
  notify: (message: string, kind?: 'info' | 'success' | 'error') => void;
  /** After a view's rules were applied or cleared (e.g. to recount what is visible). */
  applied: () => void;
}

/** What browser tests read: the open view (null when none). */
declare global {
  interface Window {
    verkostoViews?: { active: () => SavedView | null; opened: number; lastShareUrl: string | null };
  }
}

const label = (key: string) => {
  if (key === 'type') return vt('style.type');
  if (key === 'city' || key === 'region' || key === 'community') return vt(`style.${key}`);
  const metric = key.replace(/^metrics_/, '');
  if ((VIEW_METRICS as readonly string[]).includes(metric)) return vt(`metric.${metric as (typeof VIEW_METRICS)[number]}`);
  return key === 'budgetEur' || key === 'euShareEur' ? vt(`field.${key}`) : key;
};

export class ViewsFeature {
  private readonly button = h('button', { type: 'button', class: 'secondary', 'data-testid': 'views-button' });
  private readonly dialog = h('dialog', { class: 'views-menu', 'data-testid': 'views-menu' });
  private views: SavedView[] = [];
  private active: SavedView | null = null;
  private shareLinks = new Map<string, string>();
  /** Kept across re-renders of the list (views arriving live must not wipe what is being typed). */
  private form: HTMLFormElement | null = null;
  private readonly handle = { active: () => this.active, opened: 0, lastShareUrl: null as string | null };

  constructor(private readonly deps: ViewsFeatureDeps) {
    document.body.append(this.dialog);
    this.button.addEventListener('click', () => void this.openMenu());
    window.verkostoViews = this.handle;
    const upsert = (view: SavedView) => {
      if (view.workspaceId !== deps.workspaceId) return;
      this.views = [...this.views.filter((v) => v.id !== view.id), view].sort((a, b) => a.name.localeCompare(b.name));
      this.render();
    };
    deps.socket.on('view:created', upsert);
    deps.socket.on('view:updated', upsert);
    deps.socket.on('view:deleted', ({ id }) => {
      this.views = this.views.filter((v) => v.id !== id);
      this.render();
    });
    this.relabel();
  }

  mountBefore(anchor: Element): void {
    anchor.before(this.button);
  }

  relabel(): void {
    this.button.textContent = this.active ? vt('menu.active', { name: this.active.name }) : vt('menu.button');
    this.button.title = vt('menu.buttonHint');
    this.form = null;
    if (this.dialog.open) this.render();
  }

  /** After the first graph is drawn: opens the view in the URL (?view=<id>), if any. */
  async openFromUrl(): Promise<void> {
    const id = new URLSearchParams(window.location.search).get('view');
    if (!id) return;
    try {
      await this.open(await viewsApi.get(this.deps.workspaceId, id));
    } catch (err) {
      this.deps.notify(vt('open.failed', { message: errorMessage(err) }), 'error');
    }
  }

  /** After live changes: the view's rules and style again over the changed graph. */
  refresh(): void {
    if (!this.active) return;
    applyViewFilter(this.deps.cy, this.active.filter);
    applyViewStyle(this.deps.cy, this.active.style);
  }

  async open(view: SavedView): Promise<void> {
    this.active = view;
    this.deps.setFilters(sidebarStateOf(view.filter));
    applyViewFilter(this.deps.cy, view.filter);
    applyViewStyle(this.deps.cy, view.style);
    await this.deps.setLayout(view.layout);
    // The sidebar's animated fit (started when the filters were set) would otherwise end on the old layout.
    this.deps.cy.stop(true, false);
    if (view.camera) this.deps.cy.viewport({ zoom: view.camera.zoom, pan: view.camera.pan });
    else this.deps.cy.fit(this.deps.cy.elements(':visible'), 30);
    this.setUrl(view.id);
    this.deps.applied();
    this.handle.opened++;
    this.relabel();
    this.deps.notify(vt('open.applied', { name: view.name }), 'success');
  }

  private clear(): void {
    this.active = null;
    applyViewFilter(this.deps.cy, null);
    applyViewStyle(this.deps.cy, null);
    this.setUrl(null);
    this.deps.applied();
    this.relabel();
    this.render();
  }

  private setUrl(viewId: string | null): void {
    const url = new URL(window.location.href);
    if (viewId) url.searchParams.set('view', viewId);
    else url.searchParams.delete('view');
    window.history.replaceState(window.history.state, '', url);
  }

  private async openMenu(): Promise<void> {
    this.form = null;
    this.render();
    if (!this.dialog.open) this.dialog.showModal();
    try {
      this.views = await viewsApi.list(this.deps.workspaceId);
      this.render();
    } catch (err) {
      this.deps.notify(vt('error.generic', { message: errorMessage(err) }), 'error');
    }
  }

  private render(): void {
    replaceChildren(
      this.dialog,
      h(
        'header',
        { class: 'views-head' },
        h('h2', {}, vt('menu.title')),
        h('button', { type: 'button', class: 'icon', title: vt('menu.close'), 'data-testid': 'views-close', onclick: () => this.dialog.close() }, '✕'),
      ),
      this.active
        ? h('p', { class: 'views-active' }, vt('menu.active', { name: this.active.name }), ' ', h('button', { type: 'button', class: 'link', 'data-testid': 'views-clear', onclick: () => this.clear() }, vt('menu.clear')))
        : null,
      this.views.length
        ? h('ul', { class: 'views-list', 'data-testid': 'views-list' }, ...this.views.map((v) => this.item(v)))
        : h('p', { class: 'muted' }, vt('menu.none')),
      (this.form ??= this.saveForm()),
    );
  }

  private item(view: SavedView): HTMLElement {
    const link = this.shareLinks.get(view.id);
    return h(
      'li',
      { 'data-testid': 'views-item', 'data-view-id': view.id, class: view.id === this.active?.id ? 'active' : '' },
      h('span', { class: 'views-name' }, view.name, view.shared ? h('small', { class: 'views-shared' }, ` · ${vt('menu.shared')}`) : null),
      h(
        'span',
        { class: 'views-actions' },
        h('button', { type: 'button', 'data-testid': 'views-open', onclick: () => void this.open(view).then(() => this.dialog.close()) }, vt('menu.open')),
        h('button', { type: 'button', 'data-testid': 'views-share', onclick: () => void this.share(view) }, vt('menu.share')),
        view.shared ? h('button', { type: 'button', 'data-testid': 'views-unshare', onclick: () => void this.revoke(view) }, vt('menu.unshare')) : null,
        h('button', { type: 'button', class: 'danger', 'data-testid': 'views-delete', onclick: () => void this.remove(view) }, vt('menu.delete')),
      ),
      link && view.shared
        ? h('label', { class: 'views-link' }, vt('share.link'), h('input', { type: 'text', readonly: true, value: link, 'data-testid': 'views-share-link' }))
        : null,
    );
  }

  private async share(view: SavedView): Promise<void> {
    try {
      const { token, view: updated } = await viewsApi.share(this.deps.workspaceId, view.id);
      const url = new URL(sharedPagePath(token), window.location.origin).href;
      this.shareLinks.set(view.id, url);
      this.handle.lastShareUrl = url;
      this.views = this.views.map((v) => (v.id === updated.id ? updated : v));
      this.render();
      try {
        await navigator.clipboard.writeText(url);
        this.deps.notify(vt('share.copied'), 'success');
      } catch {
        /* no clipboard permission: the link is shown in the menu to copy by hand */
      }
    } catch (err) {
      this.deps.notify(vt('error.generic', { message: errorMessage(err) }), 'error');
    }
  }

  private async revoke(view: SavedView): Promise<void> {
    try {
      const updated = await viewsApi.revoke(this.deps.workspaceId, view.id);
      this.shareLinks.delete(view.id);
      this.views = this.views.map((v) => (v.id === updated.id ? updated : v));
      this.render();
      this.deps.notify(vt('share.revoked'));
    } catch (err) {
      this.deps.notify(vt('error.generic', { message: errorMessage(err) }), 'error');
    }
  }

  private async remove(view: SavedView): Promise<void> {
    try {
      await viewsApi.remove(this.deps.workspaceId, view.id);
      this.views = this.views.filter((v) => v.id !== view.id);
      if (this.active?.id === view.id) this.clear();
      this.render();
    } catch (err) {
      this.deps.notify(vt('error.generic', { message: errorMessage(err) }), 'error');
    }
  }

  /** The save form: name, period, one metric range and the style; filters and layout come from the map. */
  private saveForm(): HTMLFormElement {
    const current = this.active;
    const range = current?.filter.metricRanges[0];
    const field = (labelText: string, input: HTMLElement) => h('label', { class: 'field' }, h('span', {}, labelText), input);
    const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 200, 'data-testid': 'views-save-name' });
    const from = h('input', { type: 'date', name: 'from', value: current?.filter.period?.from ?? '', 'data-testid': 'views-save-from' });
    const to = h('input', { type: 'date', name: 'to', value: current?.filter.period?.to ?? '', 'data-testid': 'views-save-to' });
    const metric = h(
      'select',
      { name: 'metric', 'data-testid': 'views-save-metric' },
      h('option', { value: '' }, vt('save.metricNone')),
      ...VIEW_METRICS.map((m) => h('option', { value: m, selected: range?.metric === m }, vt(`metric.${m}`))),
    );
    const min = h('input', { type: 'number', step: 'any', name: 'min', value: range?.min ?? '', 'data-testid': 'views-save-min' });
    const max = h('input', { type: 'number', step: 'any', name: 'max', value: range?.max ?? '', 'data-testid': 'views-save-max' });
    const sizeBy = h(
      'select',
      { name: 'sizeBy', 'data-testid': 'views-save-size' },
      h('option', { value: '' }, vt('style.sizeNone')),
      ...SIZE_BY.map((k) => h('option', { value: k, selected: current?.style.sizeBy === k }, label(k))),
    );
    const colourBy = h(
      'select',
      { name: 'colourBy', 'data-testid': 'views-save-colour' },
      ...COLOUR_BY.map((k) => h('option', { value: k, selected: (current?.style.colourBy ?? 'type') === k }, label(k))),
    );
    const keepCamera = h('input', { type: 'checkbox', name: 'camera', 'data-testid': 'views-save-camera' });
    const error = h('p', { class: 'note error', 'data-testid': 'views-save-error', hidden: true });
    const form = h(
      'form',
      { class: 'views-save', 'data-testid': 'views-save' },
      h('h3', {}, vt('save.title')),
      field(vt('save.name'), name),
      h('div', { class: 'row' }, field(vt('save.periodFrom'), from), field(vt('save.periodTo'), to)),
      h('div', { class: 'row' }, field(vt('save.metric'), metric), field(vt('save.min'), min), field(vt('save.max'), max)),
      h('div', { class: 'row' }, field(vt('save.sizeBy'), sizeBy), field(vt('save.colourBy'), colourBy)),
      h('label', { class: 'check' }, keepCamera, ' ', vt('save.camera')),
      error,
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'views-save-submit' }, vt('save.submit')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const num = (input: HTMLInputElement) => (input.value.trim() === '' ? null : Number(input.value));
      const extra: Pick<ViewFilter, 'period' | 'metricRanges'> = {
        period: from.value || to.value ? { from: from.value || null, to: to.value || null } : null,
        metricRanges: metric.value ? [{ metric: metric.value as (typeof VIEW_METRICS)[number], min: num(min), max: num(max) }] : [],
      };
      const style: ViewStyle = { sizeBy: (sizeBy.value || null) as SizeBy | null, colourBy: colourBy.value as ColourBy };
      const cy = this.deps.cy;
      const input: ViewInput = {
        name: name.value,
        filter: viewFilterOf(this.deps.filters(), extra),
        style,
        layout: this.deps.layout(),
        // Without a saved camera the opened view fits what it shows (a zoom made for one screen may miss on another).
        camera: keepCamera.checked ? { zoom: cy.zoom(), pan: cy.pan() } : null,
      };
      // The schema the API validates with: the same message, before the round trip.
      const parsed = ViewInputSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        error.hidden = false;
        error.textContent = vt('save.invalid', { field: issue.path.join('.'), message: issue.message });
        return;
      }
      void this.save(input, error);
    });
    return form;
  }

  private async save(input: ViewInput, error: HTMLElement): Promise<void> {
    try {
      const view = await viewsApi.create(this.deps.workspaceId, input);
      this.views = [...this.views.filter((v) => v.id !== view.id), view].sort((a, b) => a.name.localeCompare(b.name));
      this.deps.notify(vt('save.saved', { name: view.name }), 'success');
      this.form = null;
      await this.open(view);
      this.render();
    } catch (err) {
      error.hidden = false;
      error.textContent = vt('error.generic', { message: errorMessage(err) });
    }
  }
}
