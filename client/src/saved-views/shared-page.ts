/**
 * The read-only map a share link opens (/shared/<token>): the view's graph as the API serves it to the
 * public (filtered by the view, never contact details), drawn with the view's style and layout. No edit
 * forms, no add or delete buttons; it follows the workspace live (shared-live.ts), so a projector or a
 * partner's screen shows the view as it grows. Tapping a node shows its public fields.
 * window.verkosto (cy, ready) is set as on the map page, for browser tests.
 */
import type { NodeSingular } from 'cytoscape';
import type { SavedView } from '../../../domain/views';
import { ApiError, errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { fieldLabel, getLang, LANGUAGES, onLanguageChange, setLang, t, typeLabel, type Lang } from '../i18n';
import { fieldOrder, formatValue } from '../views/format';
import { displayName, graphNodeOf, GraphView } from '../views/graph-view';
import { runLayout, type LayoutName } from '../views/layouts';
import { LiveApplier } from '../views/live-apply';
import type { LiveStatus } from '../live';
import { applyViewFilter } from './view-filter';
import { applyViewStyle } from './view-style';
import { followSharedView } from './shared-live';
import { viewsApi, type SharedView } from './views-api';
import { vt } from './views-i18n';
import './saved-views.css';

/** Whether what a view shows depends on computed metrics (a metric range, or size or colour by one). */
const usesMetrics = (v: SavedView) =>
  v.filter.metricRanges.length > 0 ||
  [v.style.sizeBy, v.style.colourBy].some((f) => typeof f === 'string' && (f.startsWith('metrics_') || f === 'community'));

export async function startSharedPage(token: string): Promise<void> {
  const title = h('h1', { 'data-testid': 'shared-title' }, 'Verkosto');
  const badge = h('span', { class: 'shared-badge', 'data-testid': 'shared-read-only' });
  const count = h('span', { class: 'shared-count', 'data-testid': 'shared-count' });
  const liveBadge = h('span', { class: 'shared-live', 'data-testid': 'shared-live', 'data-status': 'connecting' });
  const lang = h('select', { 'aria-label': 'Kieli / Language / Språk', 'data-testid': 'language-switch' });
  const cyBox = h('div', { class: 'shared-cy', 'data-testid': 'graph' });
  const stage = h('main', { class: 'shared-stage' }, cyBox);
  const page = h(
    'div',
    { class: 'shared-page', 'data-testid': 'shared-page' },
    h('header', { class: 'shared-head' }, title, badge, count, liveBadge, lang),
    stage,
  );
  // The map page's markup (with its edit controls) is not wanted here at all.
  document.body.replaceChildren(page);

  const view = new GraphView(cyBox);
  let shared: SharedView | null = null;
  let card: HTMLElement | null = null;
  let liveStatus: LiveStatus | 'lost' = 'connecting';

  const showNode = (node: NodeSingular | null) => {
    card?.remove();
    card = null;
    if (!node) return;
    const data = graphNodeOf(node) as unknown as Record<string, unknown>;
    const fields = fieldOrder(data, node.data('type')).filter((f) => !f.startsWith('metrics_'));
    card = h(
      'aside',
      { class: 'shared-card', 'data-testid': 'shared-details' },
      h('h2', {}, displayName(graphNodeOf(node))),
      h('div', { class: 'muted' }, typeLabel(String(node.data('type')))),
      h('dl', {}, ...fields.flatMap((f) => [h('dt', {}, fieldLabel(f)), h('dd', { 'data-field': f }, formatValue(f, data[f]))])),
      h('button', { type: 'button', class: 'secondary', onclick: () => view.select(null) }, vt('shared.close')),
    );
    stage.append(card);
  };
  view.onSelect((selection) => showNode(selection?.kind === 'node' ? (view.node(selection.id) ?? null) : null));

  const relabel = () => {
    badge.textContent = vt('shared.readOnly');
    liveBadge.dataset.status = liveStatus;
    liveBadge.textContent = vt(
      liveStatus === 'live'
        ? 'shared.live'
        : liveStatus === 'lost'
          ? 'shared.lost'
          : liveStatus === 'offline'
            ? 'shared.offline'
            : 'shared.connecting',
    );
    replaceChildren(lang, ...LANGUAGES.map((l) => h('option', { value: l, selected: l === getLang() }, t(`lang.${l}`))));
    if (shared) {
      title.textContent = shared.view.name;
      document.title = `${shared.view.name} · Verkosto`;
      count.textContent = vt('shared.nodes', { count: view.cy.nodes(':visible').length });
    }
    view.relabel();
  };
  lang.addEventListener('change', () => setLang(lang.value as Lang));
  onLanguageChange(relabel);
  relabel();

  stage.append(h('p', { class: 'shared-message', 'data-testid': 'shared-message' }, vt('shared.loading')));
  try {
    shared = await viewsApi.shared(token);
  } catch (err) {
    const message =
      err instanceof ApiError && err.status === 404 ? vt('shared.notFound') : vt('error.generic', { message: errorMessage(err) });
    replaceChildren(stage, h('p', { class: 'shared-message', 'data-testid': 'shared-message' }, message));
    return;
  }
  stage.querySelector('.shared-message')?.remove();
  view.load(shared.graph);
  let savedView = shared.view as SavedView;
  // The API has filtered by the view already; the client rules hide nothing more, but keep the two in step.
  applyViewFilter(view.cy, savedView.filter);
  applyViewStyle(view.cy, savedView.style);
  await runLayout(view.cy, savedView.layout, { animate: false, randomize: true });
  if (savedView.camera) view.cy.viewport({ zoom: savedView.camera.zoom, pan: savedView.camera.pan });
  else view.cy.fit(view.cy.elements(':visible'), 30);
  relabel();

  const applier = new LiveApplier(view, () => savedView.layout as LayoutName);
  const setLive = (status: LiveStatus | 'lost') => {
    liveStatus = status;
    relabel();
  };
  const follower = followSharedView({
    workspaceId: savedView.workspaceId,
    viewId: savedView.id,
    seq: shared.graph.seq,
    usesMetrics: usesMetrics(savedView),
    view,
    applier,
    refetch: () => viewsApi.shared(token),
    onReconciled: (fresh) => {
      shared = fresh;
      savedView = fresh.view as SavedView;
      applyViewFilter(view.cy, savedView.filter);
      applyViewStyle(view.cy, savedView.style);
      relabel();
    },
    onLost: () => setLive('lost'),
    onStatus: (status) => liveStatus !== 'lost' && setLive(status),
  });
  window.verkosto = {
    cy: view.cy,
    workspaceId: savedView.workspaceId,
    ready: true,
    lastSeq: () => follower.lastSeq(),
    status: () => follower.status(),
    layout: () => savedView.layout,
  };
  document.body.dataset.ready = 'true';
}
