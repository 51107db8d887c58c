/**
 * Applies live changes to the canvas without re-running the layout: existing nodes keep their
 * positions, new nodes fade in next to their neighbours (or at their coordinates), updated elements
 * get their new data, deleted ones go away. Stale updates (an older version than drawn) are ignored.
 */
import type { EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { AppliedChange } from '../../../domain/events';
import type { GraphEdge, GraphNode } from '../../../domain/graph';
import { relLabel } from '../i18n';
import { displayName, edgeElement, nodeElement, type GraphView } from './graph-view';
import { placementFor, type Clearance, type LayoutName } from './layouts';

/** How long a new node counts as "just arrived" and may still move next to its first neighbour. */
const FRESH_MS = 20_000;
/** Data keys Cytoscape does not allow to change after an element exists. */
const IMMUTABLE_KEYS = new Set(['id', 'source', 'target', 'parent']);

export interface LiveApplierOptions {
  /** Room a newly placed node keeps from the others (larger labels need more). */
  clearance?: Clearance;
  /** Called for every element added, so a view can mark new arrivals its own way. */
  onAdded?(ele: SingularElementArgument, animate: boolean): void;
}

export class LiveApplier {
  private readonly fresh = new Map<string, number>();

  constructor(
    private readonly view: GraphView,
    private readonly currentLayout: () => LayoutName,
    private readonly options: LiveApplierOptions = {},
  ) {}

  apply(change: AppliedChange, animate: boolean): void {
    switch (change.event) {
      case 'node:created':
      case 'node:updated':
        this.upsertNode(change.node, animate);
        break;
      case 'node:deleted':
        this.remove(change.node.id);
        break;
      case 'relationship:created':
      case 'relationship:updated':
        this.upsertEdge(change.edge, animate);
        break;
      case 'relationship:deleted':
        this.remove(change.edge.id);
        break;
      case 'node:merged':
        this.merge(change.node, change.mergedId, change.movedEdges, animate);
        break;
      case 'node:unmerged':
        this.unmerge(change.node, change.restored, change.edges, animate);
        break;
      case 'import:applied':
        // Up to 2,000 rows at once: one redraw, no animations.
        this.view.cy.batch(() => {
          for (const node of [...change.created.nodes, ...change.updated.nodes]) this.upsertNode(node, false);
          for (const edge of [...change.created.edges, ...change.updated.edges]) this.upsertEdge(edge, false);
        });
        break;
    }
  }

  /** A merge undone: the merged node is back next to the survivor, with its links (moved ones by their ids). */
  unmerge(survivor: GraphNode, restored: GraphNode, edges: GraphEdge[], animate = true): void {
    this.upsertNode(survivor, animate);
    this.upsertNode(restored, animate);
    for (const edge of edges) {
      this.view.cy.getElementById(edge.id).remove();
      this.upsertEdge(edge, animate);
    }
  }

  /** The survivor keeps its place and takes over the merged node's links; the merged node goes. */
  merge(survivor: GraphNode, mergedId: string, movedEdges: GraphEdge[], animate = true): void {
    this.upsertNode(survivor, animate);
    for (const edge of movedEdges) {
      this.view.cy.getElementById(edge.id).remove();
      this.upsertEdge(edge, animate);
    }
    this.remove(mergedId);
  }

  upsertNode(node: GraphNode, animate = true): NodeSingular {
    const existing = this.view.node(node.id);
    if (existing) {
      const drawn = existing.data('version');
      if (typeof drawn === 'number' && typeof node.version === 'number' && node.version < drawn) return existing;
      replaceData(existing, { ...node, label: displayName(node) });
      if (animate) flash(existing);
      return existing;
    }
    const added = this.view.cy.add(nodeElement(node)).nodes()[0]!;
    added.position(placementFor(this.view.cy, added, this.currentLayout(), this.options.clearance));
    this.fresh.set(node.id, Date.now());
    if (animate) fadeIn(added);
    this.options.onAdded?.(added, animate);
    return added;
  }

  upsertEdge(edge: GraphEdge, animate = true): EdgeSingular | undefined {
    const existing = this.view.edge(edge.id);
    if (existing) {
      replaceData(existing, { ...edge, label: relLabel(edge.type) });
      return existing;
    }
    const source = this.view.node(edge.source);
    const target = this.view.node(edge.target);
    if (!source || !target) return undefined;
    const added = this.view.cy.add(edgeElement(edge)).edges()[0]!;
    for (const end of [source, target]) this.settleFreshNode(end, animate);
    if (animate) fadeIn(added);
    this.options.onAdded?.(added, animate);
    return added;
  }

  remove(id: string): void {
    this.fresh.delete(id);
    this.view.cy.getElementById(id).remove();
  }

  /** A node that arrived moments ago and has just got its first link moves next to that neighbour. */
  private settleFreshNode(node: NodeSingular, animate: boolean): void {
    const since = this.fresh.get(node.id());
    if (since === undefined) return;
    if (Date.now() - since > FRESH_MS) {
      this.fresh.delete(node.id());
      return;
    }
    if (node.connectedEdges().length !== 1) return;
    const target = placementFor(this.view.cy, node, this.currentLayout(), this.options.clearance);
    // stop() also ends the fade-in midway: finish it, or the node stays half transparent.
    node.stop();
    node.removeStyle('opacity');
    if (animate) node.animate({ position: target }, { duration: 450, easing: 'ease-out-cubic' });
    else node.position(target);
  }
}

/** Replaces an element's data so that fields removed on the server disappear here too. */
function replaceData(ele: SingularElementArgument, next: Record<string, unknown>): void {
  const stale = Object.keys(ele.data()).filter((key) => !(key in next) && !IMMUTABLE_KEYS.has(key));
  if (stale.length) ele.removeData(stale.join(' '));
  const update: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (!IMMUTABLE_KEYS.has(key)) update[key] = value;
  ele.data(update);
}

function fadeIn(ele: SingularElementArgument): void {
  ele.style('opacity', 0);
  ele.animate({ style: { opacity: 1 } }, { duration: 600, complete: () => ele.removeStyle('opacity') });
  if (ele.isNode()) flash(ele);
}

function flash(ele: SingularElementArgument): void {
  ele.addClass('flash');
  window.setTimeout(() => ele.removeClass('flash'), 1600);
}
