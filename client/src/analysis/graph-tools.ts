/**
 * What the analysis views do to the map: dim or hide everything outside an ego network, highlight
 * introduction paths, focus on a selection, hide nodes, bring a node's neighbours onto the map, and the
 * material-flow view (SUPPLIES as directed arrows, width by tonnes a year). All of it is done with
 * classes of its own (an-*), so "show all" undoes exactly this and leaves the filters' classes alone.
 */
import type { Core, NodeSingular, StylesheetJsonBlock } from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../domain/graph';
import { VIEW_HIDDEN } from '../saved-views/view-filter';
import { SHOWN_ANYWAY } from '../views/filters';
import { edgeElement, nodeElement } from '../views/graph-view';
import type { EgoNetwork, IntroductionPaths, MaterialFlows } from './analysis-api';

const CLASSES = ['an-dim', 'an-hidden', 'an-ego', 'an-path', 'an-flow', 'an-untaken'];

const STYLES: StylesheetJsonBlock[] = [
  { selector: '.an-dim', style: { opacity: 0.12 } },
  { selector: 'node.an-dim', style: { 'text-opacity': 0.3 } },
  { selector: '.an-hidden', style: { display: 'none' } },
  { selector: 'node.an-ego', style: { 'border-width': 3, 'border-color': '#1d4f86' } },
  {
    selector: 'node.an-path',
    style: {
      'border-width': 5,
      'border-color': '#e11d48',
      'underlay-color': '#e11d48',
      'underlay-opacity': 0.25,
      'underlay-padding': 6,
      'z-index': 20,
    },
  },
  { selector: 'edge.an-path', style: { width: 5, 'line-color': '#e11d48', 'target-arrow-color': '#e11d48', opacity: 1, 'z-index': 20 } },
  {
    selector: 'edge.an-flow',
    style: {
      width: 'data(flowWidth)',
      'line-color': '#2e7d32',
      'target-arrow-color': '#2e7d32',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.4,
      'curve-style': 'bezier',
      label: 'data(flowLabel)',
      'font-size': 10,
      opacity: 1,
      'z-index': 15,
    },
  },
  { selector: 'node.an-untaken', style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': '#d97706', opacity: 1 } },
];

/** Widest and narrowest flow arrow, in pixels. */
const FLOW_WIDTH = { min: 1.5, max: 14 };

export class GraphTools {
  constructor(private readonly cy: Core) {
    cy.style().append(STYLES).update();
  }

  /** Undoes every analysis mark: dimmed, hidden, ego, path and flow. */
  showAll(): void {
    this.cy.batch(() => this.cy.elements().removeClass([...CLASSES, SHOWN_ANYWAY].join(' ')));
  }

  /** Keeps the ego network's nodes (and links among them) as they are; the rest dimmed or hidden. */
  showEgo(ego: EgoNetwork, hideOthers: boolean): number {
    this.addMissing(ego.nodes, ego.edges, ego.centre);
    const ids = new Set(ego.nodes.map((n) => n.id));
    this.cy.batch(() => {
      this.cy.elements().removeClass(CLASSES.join(' '));
      const keep = this.cy.nodes().filter((n) => ids.has(n.id()));
      keep.removeClass('filtered').addClass('an-ego');
      const others = this.cy.elements().difference(keep.union(keep.edgesWith(keep)));
      others.addClass(hideOthers ? 'an-hidden' : 'an-dim');
    });
    return ids.size;
  }

  /** Highlights the paths' nodes and links; everything else is dimmed. */
  showPaths(result: IntroductionPaths): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass(CLASSES.join(' '));
      if (!result.paths.length) return;
      const ids = new Set(result.paths.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)]));
      const marked = this.cy.elements().filter((e) => ids.has(e.id()));
      marked.removeClass('filtered').addClass('an-path');
      this.cy.elements().difference(marked).addClass('an-dim');
    });
  }

  /** Only the node and its neighbours stay visible. */
  focus(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty() || !node.isNode()) return false;
    this.cy.batch(() => {
      this.cy.elements().removeClass('an-dim an-hidden');
      const keep = node.closedNeighborhood();
      this.cy.elements().difference(keep).addClass('an-hidden');
    });
    return true;
  }

  hide(id: string): void {
    this.cy.getElementById(id).addClass('an-hidden').unselect();
  }

  /**
   * Brings a node's neighbours onto the map: adds those the map does not have (placed around the node)
   * and shows those the filters, the view or a hide took away, and keeps them shown when the filters
   * are applied again (a live change re-applies them). Returns how many became visible.
   */
  expand(ego: EgoNetwork): number {
    const before = new Set(this.cy.nodes(':visible').map((n) => n.id()));
    this.addMissing(ego.nodes, ego.edges, ego.centre);
    const ids = new Set(ego.nodes.map((n) => n.id));
    const nodes = this.cy.nodes().filter((n) => ids.has(n.id()));
    nodes.removeClass(`filtered ${VIEW_HIDDEN} an-hidden an-dim`).addClass(SHOWN_ANYWAY);
    nodes
      .connectedEdges()
      .filter((e) => ids.has(e.source().id()) && ids.has(e.target().id()))
      .removeClass('filtered an-hidden an-dim');
    return nodes.filter((n) => !before.has(n.id())).length;
  }

  /** SUPPLIES as directed arrows, width by tonnes a year; side streams without a taker outlined; the rest faded. */
  showFlows(flows: MaterialFlows): void {
    const max = Math.max(1, ...flows.flows.map((f) => f.tonnesPerYear ?? 0));
    const flowIds = new Set(flows.flows.map((f) => f.id));
    const untaken = new Set(flows.untakenStreams.map((s) => s.id));
    this.cy.batch(() => {
      this.cy.elements().removeClass(CLASSES.join(' '));
      const edges = this.cy.edges().filter((e) => flowIds.has(e.id()));
      for (const flow of flows.flows) {
        const edge = this.cy.getElementById(flow.id);
        if (edge.empty()) continue;
        const tonnes = flow.tonnesPerYear ?? 0;
        edge.data('flowWidth', FLOW_WIDTH.min + (FLOW_WIDTH.max - FLOW_WIDTH.min) * Math.sqrt(tonnes / max));
        edge.data(
          'flowLabel',
          [flow.material, flow.tonnesPerYear === null ? null : `${tonnes.toLocaleString('fi-FI')} t/a`].filter(Boolean).join(' · '),
        );
      }
      edges.addClass('an-flow');
      const streams = this.cy.nodes().filter((n) => untaken.has(n.id()));
      streams.addClass('an-untaken');
      const keep = edges.union(edges.connectedNodes()).union(streams).union(streams.incomers());
      this.cy.elements().difference(keep).addClass('an-dim');
    });
  }

  private addMissing(nodes: GraphNode[], edges: GraphEdge[], centreId: string): void {
    const missing = nodes.filter((n) => this.cy.getElementById(n.id).empty());
    const centre = this.cy.getElementById(centreId) as NodeSingular;
    const at = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    this.cy.batch(() => {
      missing.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / Math.max(1, missing.length);
        this.cy.add({ ...nodeElement(n), position: { x: at.x + 90 * Math.cos(angle), y: at.y + 90 * Math.sin(angle) } });
      });
      const newEdges = edges.filter(
        (e) =>
          this.cy.getElementById(e.id).empty() &&
          this.cy.getElementById(e.source).nonempty() &&
          this.cy.getElementById(e.target).nonempty(),
      );
      this.cy.add(newEdges.map(edgeElement));
    });
  }
}
