/**
 * /w/:ws/print: the workspace's summary on one A4 page (key figures, cities, projects' euros, top
 * actors, brokers, communities, a picture of the map), laid out for @media print. The picture is the
 * open map's handed-over PNG, or drawn here from the graph when the page is opened on its own.
 */
import './print-page.css';
import type { WorkspaceSummary, SummaryActor } from '../../../domain/summary';
import { api, API_BASE, errorMessage, request, type WorkspaceInfo } from '../api';
import { h, replaceChildren, type Child } from '../dom';
import { formatDateTime, formatNumber, onLanguageChange, typeLabel } from '../i18n';
import { GraphView } from '../views/graph-view';
import { runLayout } from '../views/layouts';
import { mapPng, takeStoredMapImage } from './map-image';
import { pt } from './print-strings';

/** The workspace of a print route (/w/:id/print), or null. */
export function printRouteOf(location: Pick<Location, 'pathname'>): string | null {
  const match = /^\/w\/([^/]+)\/print\/?$/.exec(location.pathname);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

interface PrintHandle {
  ready: boolean;
  summary?: WorkspaceSummary;
  mapSource?: 'handed-over' | 'drawn';
}

declare global {
  interface Window {
    verkostoPrint?: PrintHandle;
  }
}

export async function startPrintPage(workspaceId: string): Promise<void> {
  const handle: PrintHandle = { ready: false };
  window.verkostoPrint = handle;
  const root = h('main', { class: 'print-page', 'data-testid': 'print-page' }, h('p', {}, pt('print.loading')));
  document.body.replaceChildren(root);
  document.body.className = 'print-body';
  document.documentElement.classList.remove('workshop-route');
  try {
    const [summary, info, image] = await Promise.all([
      request<WorkspaceSummary>('GET', `${API_BASE}/workspaces/${encodeURIComponent(workspaceId)}/summary`),
      api.workspace(workspaceId).catch(() => null),
      mapImage(workspaceId, handle),
    ]);
    const ws = info ? ((info as { node?: WorkspaceInfo }).node ?? (info as WorkspaceInfo)) : null;
    const name = typeof ws?.name === 'string' ? ws.name : workspaceId;
    handle.summary = summary;
    const draw = () => {
      document.title = `${name} – ${pt('print.title')}`;
      replaceChildren(root, ...page(workspaceId, name, summary, image));
    };
    draw();
    onLanguageChange(draw);
  } catch (err) {
    replaceChildren(
      root,
      h('p', { class: 'print-error', 'data-testid': 'print-error' }, pt('print.failed', { message: errorMessage(err) })),
    );
  }
  handle.ready = true;
  document.body.dataset.ready = 'true';
}

async function mapImage(workspaceId: string, handle: PrintHandle): Promise<string | null> {
  const stored = takeStoredMapImage(workspaceId);
  if (stored) {
    handle.mapSource = 'handed-over';
    return stored;
  }
  // Drawn off-screen at a fixed size, then dropped.
  const container = h('div', { class: 'print-offscreen-map' });
  document.body.append(container);
  const view = new GraphView(container);
  try {
    const graph = await api.graph(workspaceId);
    if (graph.nodes.length === 0) return null;
    view.load(graph);
    await runLayout(view.cy, 'fcose', { animate: false, randomize: true });
    handle.mapSource = 'drawn';
    return mapPng(view.cy);
  } catch {
    return null;
  } finally {
    view.cy.destroy();
    container.remove();
  }
}

const money = (n: number | null) => (n === null ? pt('print.none') : formatNumber(n, true));

function figure(label: string, value: string, testid: string): HTMLElement {
  return h('div', { class: 'print-figure', 'data-testid': testid }, h('strong', {}, value), h('span', {}, label));
}

function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'print-section' }, h('h2', {}, title), ...children);
}

function list(items: Child[][], testid: string): HTMLElement {
  if (items.length === 0) return h('p', { class: 'print-empty' }, pt('print.none'));
  return h('ol', { 'data-testid': testid }, ...items.map((parts) => h('li', {}, ...parts)));
}

function actors(items: SummaryActor[], testid: string, digits: number): HTMLElement {
  return list(
    items.map((a) => [
      h('span', { class: 'name' }, a.name ?? a.id),
      h('span', { class: 'meta' }, `${typeLabel(a.type)} · ${a.value.toFixed(digits)}`),
    ]),
    testid,
  );
}

function page(workspaceId: string, name: string, s: WorkspaceSummary, image: string | null): Child[] {
  const back = `/w/${encodeURIComponent(workspaceId)}`;
  return [
    h(
      'nav',
      { class: 'print-actions' },
      h('a', { href: back, class: 'button-link' }, pt('print.back')),
      h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, pt('print.print')),
    ),
    h(
      'header',
      { class: 'print-head' },
      h('h1', { 'data-testid': 'print-title' }, `${name} – ${pt('print.title')}`),
      h(
        'p',
        { class: 'print-meta' },
        pt('print.generated', {
          date: formatDateTime(s.generatedAt),
          metrics: s.metricsComputedAt ? formatDateTime(s.metricsComputedAt) : pt('print.noMetrics'),
        }),
      ),
    ),
    h(
      'div',
      { class: 'print-figures' },
      figure(pt('print.nodes'), formatNumber(s.counts.nodes), 'figure-nodes'),
      figure(pt('print.relationships'), formatNumber(s.counts.relationships), 'figure-relationships'),
      figure(pt('print.projects'), formatNumber(s.projects.count), 'figure-projects'),
      figure(pt('print.budget'), money(s.projects.budgetEur), 'figure-budget'),
      figure(pt('print.euShare'), money(s.projects.euShareEur), 'figure-eu-share'),
      figure(
        pt('print.communities'),
        s.communities.count === null ? pt('print.none') : formatNumber(s.communities.count),
        'figure-communities',
      ),
    ),
    image
      ? h('figure', { class: 'print-map' }, h('img', { src: image, alt: pt('print.map'), 'data-testid': 'print-map' }))
      : h('p', { class: 'print-empty' }, pt('print.none')),
    h(
      'div',
      { class: 'print-columns' },
      section(
        pt('print.byType'),
        list(
          s.counts.nodeTypes.map((t) => [
            h('span', { class: 'name' }, typeLabel(t.type)),
            h('span', { class: 'meta' }, formatNumber(t.count)),
          ]),
          'print-types',
        ),
      ),
      section(
        pt('print.cities'),
        list(
          s.cities.map((c) => [
            h('span', { class: 'name' }, c.name),
            h('span', { class: 'meta' }, `${formatNumber(c.organisations)} ${pt('print.orgs')}`),
          ]),
          'print-cities',
        ),
      ),
      section(
        pt('print.topProjects'),
        list(
          s.projects.top.map((p) => [h('span', { class: 'name' }, p.name), h('span', { class: 'meta' }, money(p.budgetEur))]),
          'print-projects',
        ),
      ),
      section(pt('print.pagerank'), actors(s.topActors.pagerank, 'print-pagerank', 3)),
      section(pt('print.betweenness'), actors(s.topActors.betweenness, 'print-betweenness', 3)),
      section(pt('print.degree'), actors(s.topActors.degree, 'print-degree', 0)),
      section(
        pt('print.brokers'),
        list(
          s.brokers.map((b) => [
            h('span', { class: 'name' }, b.name),
            h('span', { class: 'meta' }, pt('print.brokerCities', { n: b.brokerCities })),
          ]),
          'print-brokers',
        ),
      ),
      section(
        pt('print.communities'),
        list(
          s.communities.largest.map((c) => [
            h('span', { class: 'name' }, c.members.map((m) => m.name).join(', ')),
            h('span', { class: 'meta' }, pt('print.communityOf', { size: c.size })),
          ]),
          'print-communities',
        ),
      ),
    ),
  ];
}
