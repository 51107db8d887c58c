/**
 * Wires the views together for one workspace: loads the graph, draws it, joins the live connection
 * and applies changes, and connects search, filters, details, the form and the header controls.
 * Exposes window.verkosto for browser tests.
 */
import type { Core, EdgeSingular, SingularElementArgument } from 'cytoscape';
import { perEntityEvents, type AppliedChange } from '../../domain/events';
import type { GraphEdge, GraphNode } from '../../domain/graph';
import { AnalysisFeature } from './analysis/analysis-feature';
import { api, ApiError, errorMessage, type WorkspaceInfo } from './api';
import { byId, debounce, h, replaceChildren } from './dom';
import { takeEarlyGraph } from './early-graph';
import { getLang, LANGUAGES, onLanguageChange, relLabel, setLang, t, translateDom, type Lang } from './i18n';
import { LiveConnection, type LiveStatus } from './live';
import { OverlapsFeature } from './overlaps/overlaps-feature';
import { VIEW_HIDDEN } from './saved-views/view-filter';
import { ViewsFeature } from './saved-views/views-feature';
import { ActivityFeed } from './views/activity-feed';
import { DetailsPanel, type DetailsActions } from './views/details-panel';
import { EntityForm } from './views/entity-form';
import { ExportMenu } from './views/export-menu';
import { FiltersView, isFiltering } from './views/filters';
import { ImportDialog } from './views/import-dialog';
import { displayName, GraphView } from './views/graph-view';
import { initialPlacement, isLayoutName, LAYOUT_NAMES, runLayout, type LayoutName } from './views/layouts';
import { LegendView } from './views/legend';
import { LiveApplier } from './views/live-apply';
import { RenderControls } from './views/render-controls';
import { rendererPreference, webglBackend } from './views/renderer-choice';
import { SearchBox } from './views/search-box';
import { SkillsView } from './views/skills-view';
import { StatusIndicator } from './views/status-indicator';
import { Toasts } from './views/toasts';

/** What browser tests can reach: the Cytoscape instance, the applied sequence number, readiness. */
export interface VerkostoHandle {
  cy: Core;
  workspaceId: string;
  /** True once the first graph is drawn and the socket has joined the workspace. */
  ready: boolean;
  lastSeq(): number;
  status(): LiveStatus;
  layout(): LayoutName;
  /** ms from navigation start until the first frame with every loaded element was drawn (bench/render.ts). */
  firstRenderMs?: number;
  /** Whether Cytoscape draws with WebGL, and the GPU or software rasteriser behind it. */
  renderer?(): { webgl: boolean; backend: string | null };
}

declare global {
  interface Window {
    verkosto?: VerkostoHandle;
  }
}

const LAYOUT_KEY = 'verkosto.layout';

/**
 * Times the steps of the first load as performance measures named `verkosto:<step>` (each from the end
 * of the previous one), which bench/render.ts reads and DevTools shows in its timings track.
 */
function loadPhases(): (step: string) => void {
  let since = performance.now();
  return (step) => {
    const now = performance.now();
    performance.measure(`verkosto:${step}`, { start: since, end: now });
    since = now;
  };
}

function initialLayout(): LayoutName {
  const fromUrl = new URLSearchParams(window.location.search).get('layout');
  if (isLayoutName(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(LAYOUT_KEY);
    if (isLayoutName(stored)) return stored;
  } catch {
    /* storage may be blocked */
  }
  return 'fcose';
}

export class App {
  private readonly view: GraphView;
  private readonly applier: LiveApplier;
  private readonly live: LiveConnection;
  private readonly filters: FiltersView;
  private readonly legend: LegendView;
  private readonly details: DetailsPanel;
  private readonly form: EntityForm;
  private readonly status: StatusIndicator;
  private readonly toasts: Toasts;
  private readonly feed: ActivityFeed;
  private readonly overlaps: OverlapsFeature;
  private readonly savedViews: ViewsFeature;
  private readonly handle: VerkostoHandle;
  private layout = initialLayout();
  private readonly rendererMode = rendererPreference();
  private drawn = false;
  private joined = false;
  /** Work after live changes, batched to one pass per frame. */
  private refreshPending = { filterOptions: false, refetchDetails: false, scheduled: false };

  constructor(private readonly workspaceId: string) {
    this.view = new GraphView(byId('cy'), this.rendererMode);
    this.applier = new LiveApplier(this.view, () => this.layout);
    this.toasts = new Toasts(byId('toasts'));
    this.status = new StatusIndicator(byId('live-status'));
    this.filters = new FiltersView(byId('filters'), this.view.cy, () => this.afterFilter());
    this.legend = new LegendView(byId('legend'), this.view.cy);
    this.feed = new ActivityFeed(byId('activity'), (id) => this.focusElement(id));
    this.overlaps = new OverlapsFeature({
      workspaceId,
      cy: this.view.cy,
      stage: byId('cy').parentElement!,
      insightsCard: byId('insights'),
      openButton: byId('overlaps-button'),
      notify: (message, onClick) => this.toasts.show(message, 'info', 9000, onClick),
      focusNode: (id) => this.focusElement(id),
    });
    this.details = new DetailsPanel(byId('details'), workspaceId, this.view, this.detailsActions());
    this.form = new EntityForm(byId<HTMLDialogElement>('entity-form'), {
      workspaceId,
      view: this.view,
      applier: this.applier,
      onSaved: (id, name) => {
        this.toasts.show(t('form.saved', { name }), 'success');
        this.scheduleRefresh({ filterOptions: true, refetchDetails: true });
        window.setTimeout(() => this.focusElement(id), 50);
      },
      onWarning: (message) => this.toasts.show(message, 'error'),
    });
    new SearchBox(byId('search'), workspaceId, this.view.cy, (hit) => this.focusElement(hit.id, hit.name));
    const exportMenu = new ExportMenu(byId('fit-button').parentElement!, { workspaceId, cy: this.view.cy, filters: () => this.filters.current });
    onLanguageChange(() => exportMenu.render());
    this.live = new LiveConnection({
      onChange: (change, replay) => this.onChange(change, replay),
      onStatus: (status) => this.status.set(status),
      onSynced: ({ replayed }) => {
        if (replayed > 0 && this.joined) this.toasts.show(t('live.caughtUp', { count: replayed }));
      },
      onFailed: (failure) => {
        if (failure.final) this.toasts.show(t('live.failed', { reason: failure.reason }), 'error');
      },
      onError: (error) => this.toasts.show(t('error.generic', { message: `${error.message} (${error.code})` }), 'error'),
      fetchChangesAfter: (ws, after) => api.changesAfter(ws, after),
    });
    this.live.socket.on('insight:overlaps', (insight) => this.overlaps.onInsight(insight));
    this.savedViews = new ViewsFeature({
      workspaceId,
      cy: this.view.cy,
      socket: this.live.socket,
      filters: () => this.filters.current,
      setFilters: (state) => this.filters.set(state),
      layout: () => this.layout,
      setLayout: (layout) => this.setLayout(layout, false),
      notify: (message, kind) => this.toasts.show(message, kind),
      applied: () => this.updateCount(),
    });
    this.savedViews.mountBefore(byId('overlaps-button'));

    this.handle = {
      cy: this.view.cy,
      workspaceId,
      ready: false,
      lastSeq: () => this.live.lastSeq(workspaceId),
      status: () => this.live.getStatus(),
      layout: () => this.layout,
      renderer: () => ({ webgl: this.view.webgl, backend: this.view.webgl ? webglBackend(byId('cy')) : null }),
    };
    window.verkosto = this.handle;

    this.view.onSelect((selection) => this.details.show(selection));
    this.bindHeader();
    this.bindSidebar();
    onLanguageChange(() => this.relabel());
    new ResizeObserver(debounce(() => this.view.cy.resize(), 100)).observe(byId('cy'));
    this.relabel();
  }

  async start(): Promise<void> {
    void this.loadWorkspaceName();
    void this.live.whenJoined().then(() => {
      this.joined = true;
      this.updateReady();
    });
    if (await this.loadGraph()) this.live.join(this.workspaceId);
  }

  // -------------------------------------------------------------------------------------------------
  // Loading
  // -------------------------------------------------------------------------------------------------

  private async loadGraph(): Promise<boolean> {
    this.showOverlay(t('app.loading'));
    const phase = loadPhases();
    try {
      const graph = await api.graph(this.workspaceId, undefined, takeEarlyGraph(this.workspaceId));
      phase('fetch');
      const initial = initialPlacement(graph, this.layout);
      // A big map asked for the force layout starts geographic (not remembered): fcose on demand.
      if (initial) this.showLayout(initial.layout);
      this.view.load(graph, initial?.placement);
      phase('add');
      this.live.setBaseline(this.workspaceId, graph.seq);
      this.filters.render();
      this.filters.apply();
      this.legend.render();
      this.updateCount();
      if (graph.nodes.length === 0) this.showOverlay(t('app.empty'), { offerAdd: true });
      else this.hideOverlay();
      phase('panels');
      if (!initial) await runLayout(this.view.cy, this.layout, { animate: false, randomize: true });
      phase('layout');
      await this.savedViews.openFromUrl();
      phase('views');
      await this.view.whenRendered();
      phase('frame');
      this.handle.firstRenderMs ??= performance.now();
      this.drawn = true;
      this.updateReady();
      return true;
    } catch (err) {
      const message = err instanceof ApiError && err.code === 'NETWORK' ? t('error.network') : errorMessage(err);
      this.showOverlay(t('app.loadFailed', { message }), {
        retry: () => {
          void this.loadGraph().then((ok) => ok && this.live.join(this.workspaceId));
        },
      });
      return false;
    }
  }

  private async loadWorkspaceName(): Promise<void> {
    try {
      const info = await api.workspace(this.workspaceId);
      const ws = (info as { node?: WorkspaceInfo }).node ?? (info as WorkspaceInfo);
      if (typeof ws.name === 'string') byId('workspace-name').textContent = ws.name;
    } catch {
      byId('workspace-name').textContent = this.workspaceId;
    }
  }

  private updateReady(): void {
    this.handle.ready = this.drawn && this.joined;
    document.body.dataset.ready = String(this.handle.ready);
  }

  /** The message over the canvas: loading, failed (with retry) or empty (with an add button). */
  private showOverlay(message: string, opts: { retry?: () => void; offerAdd?: boolean } = {}): void {
    const overlay = byId('overlay');
    overlay.hidden = false;
    replaceChildren(
      overlay,
      h('p', {}, message),
      opts.retry ? h('button', { type: 'button', class: 'primary', onclick: opts.retry }, t('app.retry')) : null,
      opts.offerAdd
        ? h('button', { type: 'button', class: 'primary', onclick: () => this.form.openCreate('organisation') }, t('form.add'))
        : null,
    );
  }

  private hideOverlay(): void {
    byId('overlay').hidden = true;
  }

  // -------------------------------------------------------------------------------------------------
  // Live changes
  // -------------------------------------------------------------------------------------------------

  private onChange(change: AppliedChange, replay: boolean): void {
    if (change.event === 'import:applied') return this.onImportChunk(change);
    const name = this.describe(change);
    // Big maps take changes in without animations (each would redraw thousands of elements per frame).
    this.applier.apply(change, !replay && !document.hidden && !this.view.big);
    this.overlaps.afterChange(change);
    this.feed.add({ change, name });
    const node = 'node' in change ? change.node : undefined;
    const placeChanged = !!node && (node.type === 'City' || node.type === 'Region' || node.type === 'Theme');
    const selected = this.details.current?.id;
    const touchesSelection =
      !!selected &&
      ('node' in change ? change.node.id === selected : change.edge.id === selected || this.edgeTouches(change.edge, selected));
    this.scheduleRefresh({ filterOptions: placeChanged, refetchDetails: touchesSelection });
  }

  /** An import's chunk: its nodes and links drawn at once, one line in the feed. */
  private onImportChunk(change: Extract<AppliedChange, { event: 'import:applied' }>): void {
    this.applier.apply(change, false);
    for (const each of perEntityEvents([change])) this.overlaps.afterChange(each);
    this.feed.add({ change, name: this.describe(change) });
    const selected = this.details.current?.id;
    const touched = (list: { id: string }[]) => !!selected && list.some((e) => e.id === selected);
    const touchesSelection = touched(change.updated.nodes) || touched(change.updated.edges);
    this.scheduleRefresh({ filterOptions: true, refetchDetails: touchesSelection });
  }

  private edgeTouches(edge: { id: string } & Partial<GraphEdge>, nodeId: string): boolean {
    if (edge.source === nodeId || edge.target === nodeId) return true;
    return !!this.view
      .node(nodeId)
      ?.connectedEdges()
      .filter((e: EdgeSingular) => e.id() === edge.id)
      .nonempty();
  }

  /** A readable name for the feed, taken before the change is applied (deleted things vanish). */
  private describe(change: AppliedChange): string {
    const nameOf = (id: string) => String(this.view.node(id)?.data('label') ?? id);
    switch (change.event) {
      case 'node:created':
      case 'node:updated':
        return displayName(change.node);
      case 'node:merged':
        return `${nameOf(change.mergedId)} → ${displayName(change.node)}`;
      case 'node:unmerged':
        return `${displayName(change.restored)} ← ${displayName(change.node)}`;
      case 'node:deleted':
        return nameOf(change.node.id);
      case 'relationship:created':
      case 'relationship:updated':
        return `${nameOf(change.edge.source)} → ${nameOf(change.edge.target)} (${relLabel(change.edge.type)})`;
      case 'import:applied':
        return t('change.importCounts', { nodes: change.created.nodes.length + change.updated.nodes.length, links: change.created.edges.length + change.updated.edges.length });
      case 'relationship:deleted': {
        const edge = this.view.edge(change.edge.id);
        return edge
          ? `${nameOf(edge.source().id())} → ${nameOf(edge.target().id())} (${relLabel(change.edge.type)})`
          : relLabel(change.edge.type);
      }
    }
  }

  private scheduleRefresh(what: { filterOptions?: boolean; refetchDetails?: boolean }): void {
    const pending = this.refreshPending;
    pending.filterOptions ||= !!what.filterOptions;
    pending.refetchDetails ||= !!what.refetchDetails;
    if (pending.scheduled) return;
    pending.scheduled = true;
    requestAnimationFrame(() => {
      const { filterOptions, refetchDetails } = pending;
      this.refreshPending = { filterOptions: false, refetchDetails: false, scheduled: false };
      if (this.drawn && this.view.cy.nodes().nonempty()) this.hideOverlay();
      if (filterOptions) this.filters.render();
      this.filters.apply();
      this.savedViews.refresh();
      this.legend.render();
      this.updateCount();
      this.view.highlight();
      this.details.refresh(refetchDetails);
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Navigation
  // -------------------------------------------------------------------------------------------------

  /** Selects a node (centred) or an edge; clears filters if they hide it. */
  private focusElement(id: string, name?: string): void {
    const ele = this.view.cy.getElementById(id) as SingularElementArgument;
    if (ele.empty()) {
      this.toasts.show(t('search.notInGraph', { name: name ?? id }));
      return;
    }
    if (ele.isEdge()) {
      this.view.select(id);
      return;
    }
    if (ele.hasClass('filtered')) {
      this.filters.reset();
      this.toasts.show(t('search.revealed', { name: name ?? String(ele.data('label')) }));
    }
    this.view.focus(id, this.coveredByDetails());
    document.body.classList.remove('sidebar-open');
  }

  /** How much of the canvas the details panel covers once open (a side card, or a bottom sheet on phones). */
  private coveredByDetails(): { right?: number; bottom?: number } {
    const stage = byId('cy');
    return window.matchMedia('(max-width: 760px)').matches
      ? { bottom: window.innerHeight * 0.46 }
      : { right: Math.min(394, stage.clientWidth / 2) };
  }

  private afterFilter(): void {
    this.updateCount();
    this.view.highlight();
    this.view.fit();
  }

  private updateCount(): void {
    const cy = this.view.cy;
    const el = byId('node-count');
    const total = cy.nodes().length;
    const visible = cy.nodes().filter((n) => !n.hasClass('filtered') && !n.hasClass(VIEW_HIDDEN)).length;
    el.dataset.nodes = String(total);
    el.dataset.visible = String(visible);
    el.dataset.edges = String(cy.edges().length);
    el.textContent = isFiltering(this.filters.current)
      ? t('app.visibleOf', { visible, total })
      : t('app.nodesEdges', { nodes: total, edges: cy.edges().length });
  }

  private detailsActions(): DetailsActions {
    const remove = async (run: () => Promise<unknown>, id: string) => {
      try {
        await run();
        this.applier.remove(id);
        this.scheduleRefresh({ filterOptions: true });
        this.toasts.show(t('details.deleted'), 'success');
      } catch (err) {
        this.toasts.show(t('error.generic', { message: errorMessage(err) }), 'error');
      }
    };
    return {
      focusNode: (id) => this.focusElement(id),
      selectEdge: (id) => this.view.select(id),
      editNode: (node: GraphNode) => this.form.openEditNode(node),
      editEdge: (edge: GraphEdge) => this.form.openEditEdge(edge),
      addLink: (node: GraphNode) => this.form.openCreate('link', node.id),
      deleteNode: (node) => remove(() => api.deleteNode(this.workspaceId, node.type, node.id), node.id),
      deleteEdge: (edge) => remove(() => api.deleteRelationship(this.workspaceId, edge.type, edge.id), edge.id),
      extraSections: (node) => this.overlaps.detailsSections(node),
    };
  }

  // -------------------------------------------------------------------------------------------------
  // Header and sidebar
  // -------------------------------------------------------------------------------------------------

  private bindHeader(): void {
    const layoutSelect = byId<HTMLSelectElement>('layout-select');
    layoutSelect.addEventListener('change', () => {
      if (isLayoutName(layoutSelect.value)) void this.setLayout(layoutSelect.value, true);
    });
    byId<HTMLSelectElement>('lang-select').addEventListener('change', (e) => setLang((e.target as HTMLSelectElement).value as Lang));
    byId('fit-button').addEventListener('click', () => this.view.fit());
    byId('add-button').addEventListener('click', () => this.form.openCreate('organisation'));
    byId<HTMLAnchorElement>('workshop-button').href = `/workshop/new?workspace=${encodeURIComponent(this.workspaceId)}`;
    new SkillsView(this.workspaceId).mountBefore(byId('overlaps-button'));
    const renderControls = new RenderControls({ workspaceId: this.workspaceId, cy: this.view.cy, mode: this.rendererMode });
    renderControls.mountBefore(byId('lang-select'));
    onLanguageChange(() => renderControls.render());
    const analysis = new AnalysisFeature({
      workspaceId: this.workspaceId,
      cy: this.view.cy,
      stage: byId('cy').parentElement!,
      socket: this.live.socket,
      focusNode: (id) => this.focusElement(id),
      notify: (message) => this.toasts.show(message),
    });
    analysis.mountBefore(byId('overlaps-button'));
    onLanguageChange(() => analysis.relabel());
    new ImportDialog(this.workspaceId, this.live.socket).mountBefore(byId('overlaps-button'));
  }

  private showLayout(layout: LayoutName): void {
    this.layout = layout;
    byId<HTMLSelectElement>('layout-select').value = layout;
  }

  /** Runs a layout and remembers it (the header's select, or a saved view being opened). */
  private setLayout(layout: LayoutName, animate: boolean): Promise<void> {
    this.showLayout(layout);
    try {
      window.localStorage.setItem(LAYOUT_KEY, this.layout);
    } catch {
      /* ignore */
    }
    return runLayout(this.view.cy, this.layout, { animate });
  }

  private bindSidebar(): void {
    const toggle = (open?: boolean) => {
      const isOpen = document.body.classList.toggle('sidebar-open', open);
      byId('menu-button').setAttribute('aria-expanded', String(isOpen));
    };
    byId('menu-button').addEventListener('click', () => toggle());
    byId('sidebar-close').addEventListener('click', () => toggle(false));
    byId('scrim').addEventListener('click', () => toggle(false));
  }

  /** Everything that shows text, after a language switch (and once at start). */
  private relabel(): void {
    translateDom();
    const layoutSelect = byId<HTMLSelectElement>('layout-select');
    replaceChildren(
      layoutSelect,
      ...LAYOUT_NAMES.map((name) => h('option', { value: name, selected: name === this.layout }, t(`layout.${name}`))),
    );
    const langSelect = byId<HTMLSelectElement>('lang-select');
    replaceChildren(langSelect, ...LANGUAGES.map((lang) => h('option', { value: lang, selected: lang === getLang() }, t(`lang.${lang}`))));
    this.view.relabel();
    this.status.render();
    this.filters.render();
    this.legend.render();
    this.feed.render();
    this.overlaps.relabel();
    this.savedViews?.relabel();
    this.details.refresh();
    this.form.relabel();
    this.updateCount();
  }
}
