/**
 * Network analysis on the map page: a header button opens a drawer with three tabs (metric tables,
 * ego network and introduction paths, material flows); double-clicking a node brings its neighbours
 * onto the map; metrics:updated from the worker refreshes the nodes' metrics, the styling and the table.
 * app.ts creates one and forwards language switches to it.
 */
import type { Core } from 'cytoscape';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, MetricsUpdated, ServerToClientEvents } from '../../../domain/events';
import { errorMessage } from '../api';
import { h, replaceChildren } from '../dom';
import { analysisApi } from './analysis-api';
import { at, type AnalysisKey } from './analysis-i18n';
import { ExploreView } from './explore-view';
import { FlowsView } from './flows-view';
import { GraphTools } from './graph-tools';
import { MetricTables } from './metric-tables';
import './analysis.css';

export interface AnalysisFeatureDeps {
  workspaceId: string;
  cy: Core;
  /** The element around the canvas: the drawer goes in it. */
  stage: HTMLElement;
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  focusNode(id: string): void;
  notify(message: string): void;
}

type Tab = 'metrics' | 'explore' | 'flows';
const TABS: Tab[] = ['metrics', 'explore', 'flows'];

export class AnalysisFeature {
  readonly tools: GraphTools;
  private readonly button = h('button', { type: 'button', class: 'secondary', 'data-testid': 'analysis-button' });
  private readonly drawer = h('aside', { class: 'an-drawer', 'data-testid': 'analysis-drawer', hidden: true });
  private readonly metrics: MetricTables;
  private readonly explore: ExploreView;
  private readonly flows: FlowsView;
  private tab: Tab = 'metrics';
  private readonly loaded = new Set<Tab>();

  constructor(private readonly deps: AnalysisFeatureDeps) {
    this.tools = new GraphTools(deps.cy);
    this.metrics = new MetricTables(deps.workspaceId, deps.cy, deps.focusNode);
    this.flows = new FlowsView(deps.workspaceId, this.tools, deps.focusNode);
    this.explore = new ExploreView(deps.workspaceId, deps.cy, this.tools, () => this.flows.leftMap());
    this.button.addEventListener('click', () => this.toggle());
    deps.stage.append(this.drawer);
    deps.cy.on('dbltap', 'node', (evt) => void this.expand(evt.target.id()));
    deps.socket.on('metrics:updated', (m) => this.onMetrics(m));
    this.relabel();
  }

  mountBefore(anchor: Element): void {
    anchor.before(this.button);
  }

  toggle(): void {
    if (this.drawer.hidden) this.open(this.tab);
    else this.drawer.hidden = true;
  }

  open(tab: Tab): void {
    this.tab = tab;
    this.drawer.hidden = false;
    this.render();
    if (!this.loaded.has(tab)) {
      this.loaded.add(tab);
      if (tab === 'metrics') void this.metrics.load();
      if (tab === 'flows') void this.flows.load();
    }
  }

  relabel(): void {
    this.button.textContent = at('button');
    this.button.title = at('button.hint');
    this.render();
  }

  /** Double-click: the node's neighbours onto the map, also those the filters or a hide took away. */
  private async expand(id: string): Promise<void> {
    try {
      const ego = await analysisApi.ego(this.deps.workspaceId, id, 1);
      const added = this.tools.expand(ego);
      if (added) this.deps.notify(at('explore.expanded', { count: added }));
    } catch (err) {
      this.deps.notify(errorMessage(err));
    }
  }

  private onMetrics(update: MetricsUpdated): void {
    if (update.workspaceId !== this.deps.workspaceId) return;
    const cy = this.deps.cy;
    cy.batch(() => {
      for (const { id, type: _type, ...values } of update.nodes) {
        const node = cy.getElementById(id);
        if (node.empty()) continue;
        for (const [key, value] of Object.entries(values)) node.data(`metrics_${key}`, value);
      }
    });
    if (this.loaded.has('metrics')) this.metrics.onMetricsUpdated();
    if (this.loaded.has('flows')) void this.flows.load();
  }

  private render(): void {
    if (this.drawer.hidden) return;
    const body = this.tab === 'metrics' ? this.metrics : this.tab === 'explore' ? this.explore : this.flows;
    body.render();
    replaceChildren(
      this.drawer,
      h('div', { class: 'an-head' }, h('h2', {}, at('title')), h('button', { type: 'button', class: 'icon', title: at('close'), 'data-testid': 'analysis-close', onclick: () => (this.drawer.hidden = true) }, '✕')),
      h(
        'div',
        { class: 'an-tabs', role: 'tablist' },
        ...TABS.map((tab) =>
          h('button', { type: 'button', role: 'tab', class: `tab${tab === this.tab ? ' on' : ''}`, 'data-testid': `analysis-tab-${tab}`, onclick: () => this.open(tab) }, at(`tab.${tab}` as AnalysisKey)),
        ),
      ),
      h('div', { class: 'an-body' }, body.el),
    );
  }
}
