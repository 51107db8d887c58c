/**
 * Duplicate work between cities on the map page: the selected project's overlaps in the details panel,
 * live overlap insights (toast and sidebar card), the workspace's overlapping pairs and the
 * specialisation heat map in a drawer, and the map highlight they all share. app.ts creates one and
 * forwards the details panel, live changes, insights and language switches to it.
 */
import type { Core } from 'cytoscape';
import type { AppliedChange, OverlapInsight } from '../../../domain/events';
import type { GraphNode } from '../../../domain/graph';
import { debounce, h, replaceChildren, type Child } from '../dom';
import { InsightFeed } from './insight-feed';
import { MapHighlight } from './map-highlight';
import { OverlapsDrawer } from './overlaps-drawer';
import { ot } from './overlaps-i18n';
import { ProjectOverlapsPanel } from './project-overlaps-panel';
import './overlaps.css';

export interface OverlapsFeatureDeps {
  workspaceId: string;
  cy: Core;
  /** The element around the canvas: the drawer and the highlight bar go in it. */
  stage: HTMLElement;
  /** A sidebar card for the insights. */
  insightsCard: HTMLElement;
  /** The header button that opens the drawer. */
  openButton: HTMLElement;
  notify(message: string, onClick: () => void): void;
  focusNode(id: string): void;
}

/** Changes after which the pairs and the matrix may differ. */
const MATRIX_TYPES = new Set(['Project', 'City', 'Region', 'Theme', 'Organisation']);
const MATRIX_LINKS = new Set(['FOCUSES_ON', 'LOCATED_IN', 'IN_REGION', 'LEADS', 'PARTNER_IN']);

export class OverlapsFeature {
  readonly highlight: MapHighlight;
  readonly panel: ProjectOverlapsPanel;
  readonly insights: InsightFeed;
  readonly drawer: OverlapsDrawer;
  private readonly staleSoon: () => void;

  constructor(private readonly deps: OverlapsFeatureDeps) {
    this.highlight = new MapHighlight(deps.cy, deps.stage);
    this.panel = new ProjectOverlapsPanel(deps.workspaceId, this.highlight, deps.focusNode);
    this.insights = new InsightFeed(deps.insightsCard, deps.workspaceId, this.highlight, deps.notify);
    this.drawer = new OverlapsDrawer(deps.workspaceId, deps.cy, this.highlight, deps.focusNode);
    deps.stage.append(this.drawer.el);
    deps.openButton.addEventListener('click', () => this.drawer.toggle());
    this.staleSoon = debounce(() => this.drawer.markStale(), 1000);
    this.relabel();
  }

  /** Extra sections of the details panel for a node. */
  detailsSections(node: GraphNode): Child[] {
    return [this.panel.sectionFor(node)];
  }

  onInsight(insight: OverlapInsight): void {
    if (insight.workspaceId !== this.deps.workspaceId) return;
    this.insights.receive(insight);
    this.panel.reloadIfShowing([insight.projectId, ...insight.overlaps.map((o) => o.projectId)]);
    this.staleSoon();
  }

  /** After the map applied a live change. */
  afterChange(change: AppliedChange): void {
    if (change.event === 'node:created' || change.event === 'relationship:created' || change.event === 'node:merged') {
      const id = 'node' in change ? change.node.id : 'edge' in change ? change.edge.id : '';
      this.highlight.dimNew(this.deps.cy.getElementById(id));
    }
    const touchesMatrix = 'node' in change ? MATRIX_TYPES.has(change.node.type) : 'edge' in change && MATRIX_LINKS.has(change.edge.type);
    if (touchesMatrix) this.staleSoon();
  }

  relabel(): void {
    // A symbol instead of the word on phones, where the header is short of room.
    replaceChildren(
      this.deps.openButton,
      h('span', { class: 'long-label' }, ot('drawer.button')),
      h('span', { class: 'short-label', 'aria-hidden': 'true' }, '⇄'),
    );
    this.deps.openButton.title = ot('drawer.buttonHint');
    this.deps.openButton.setAttribute('aria-label', ot('drawer.button'));
    this.insights.render();
    this.highlight.render();
    if (this.drawer.isOpen) this.drawer.render();
  }
}
