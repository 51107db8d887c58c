/**
 * The Cytoscape canvas: turns API nodes and edges into elements, keeps labels in the chosen language,
 * and reports selection. Layout lives in layouts.ts, live changes in live-apply.ts.
 */
import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
  type SingularElementArgument,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { Graph, GraphEdge, GraphNode } from '../../../domain/graph';
import { getLang, relLabel } from '../i18n';
import { buildStylesheet } from '../style/cy-style';
import type { GeoPlacement } from './geo-placement';
import {
  applyBigMapStyle,
  BIG_MAP_ELEMENTS,
  fitPositions,
  switchToWebgl,
  usesWebgl,
  wantsWebgl,
  webglAvailable,
  WEBGL_RENDERER_OPTIONS,
  type RendererMode,
} from './renderer-choice';

cytoscape.use(fcose);

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

/** Data keys the view adds to elements; stripped again when handing data back as GraphNode/GraphEdge. */
const VIEW_KEYS = ['label', 'vSize', 'vColour'];

/** The node's name in the interface language when it has one (nameEn / nameSv), else its name. */
export function displayName(node: Pick<GraphNode, 'name'> & Record<string, unknown>): string {
  const lang = getLang();
  const localised = lang === 'en' ? node.nameEn : lang === 'sv' ? node.nameSv : undefined;
  return typeof localised === 'string' && localised.trim() ? localised : String(node.name ?? '');
}

export function nodeElement(node: GraphNode): ElementDefinition {
  return { group: 'nodes', data: { ...node, label: displayName(node) } };
}

export function edgeElement(edge: GraphEdge): ElementDefinition {
  return { group: 'edges', data: { ...edge, label: relLabel(edge.type) } };
}

function stripViewKeys<T>(data: Record<string, unknown>): T {
  const copy = { ...data };
  for (const key of VIEW_KEYS) delete copy[key];
  return copy as T;
}

export function graphNodeOf(node: NodeSingular): GraphNode {
  return stripViewKeys<GraphNode>(node.data());
}

export function graphEdgeOf(edge: EdgeSingular): GraphEdge {
  return stripViewKeys<GraphEdge>(edge.data());
}

export class GraphView {
  readonly cy: Core;
  private selectionListeners = new Set<(selection: Selection) => void>();
  private bigMap = false;

  /** `renderer`: canvas, WebGL, or auto (WebGL once a loaded graph is large; see renderer-choice.ts). */
  constructor(
    container: HTMLElement,
    private readonly renderer: RendererMode = 'auto',
  ) {
    this.cy = cytoscape({
      container,
      ...(renderer === 'webgl' && webglAvailable() ? { renderer: WEBGL_RENDERER_OPTIONS } : {}),
      style: buildStylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.bindInteractions();
  }

  /**
   * Replaces everything on the canvas with a freshly loaded graph. Positions come from a layout run
   * afterwards, or with `placement` at once (computed from the data; the view then fits them).
   */
  load(graph: Graph, placement?: GeoPlacement): void {
    const ids = new Set(graph.nodes.map((n) => n.id));
    const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const size = graph.nodes.length + edges.length;
    if (wantsWebgl(this.renderer, size)) switchToWebgl(this.cy);
    if (size >= BIG_MAP_ELEMENTS && !this.bigMap) {
      this.bigMap = true;
      applyBigMapStyle(this.cy);
    }
    const nodes = graph.nodes.map(nodeElement);
    const links = edges.map(edgeElement);
    if (placement) {
      for (const node of nodes) node.position = placement.positions.get(node.data.id!);
      const side = new Set(placement.sideColumn);
      for (const link of links) if (side.has(link.data.source) || side.has(link.data.target)) link.classes = 'geo-side';
    }
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add([...nodes, ...links]);
    });
    if (placement) fitPositions(this.cy, placement.positions.values());
  }

  /** Whether the loaded map is big enough for the cheaper drawing (renderer-choice.ts). */
  get big(): boolean {
    return this.bigMap;
  }

  get webgl(): boolean {
    return usesWebgl(this.cy);
  }

  /**
   * Resolves when Cytoscape has drawn its next frame (after a forced redraw). The canvas renderer says
   * so with a 'render' event; its WebGL mode does not, but draws in its next animation frame.
   */
  whenRendered(): Promise<void> {
    return new Promise((resolve) => {
      if (this.webgl) requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      else this.cy.one('render', () => resolve());
      this.cy.forceRender();
    });
  }

  node(id: string): NodeSingular | undefined {
    const ele = this.cy.getElementById(id);
    return ele.nonempty() && ele.isNode() ? ele : undefined;
  }

  edge(id: string): EdgeSingular | undefined {
    const ele = this.cy.getElementById(id);
    return ele.nonempty() && ele.isEdge() ? ele : undefined;
  }

  /** Re-labels every element after a language switch. */
  relabel(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.data('label', displayName(n.data()));
      });
      this.cy.edges().forEach((e) => {
        e.data('label', relLabel(e.data('type')));
      });
    });
  }

  onSelect(listener: (selection: Selection) => void): void {
    this.selectionListeners.add(listener);
  }

  /** Selects an element (or nothing); listeners hear about it through the Cytoscape events. */
  select(id: string | null): void {
    const current = this.cy.$(':selected');
    if (id === null) {
      current.unselect();
      return;
    }
    const ele = this.cy.getElementById(id);
    if (ele.empty()) return;
    if (current.length === 1 && current.same(ele)) {
      this.emitSelection();
      return;
    }
    current.unselect();
    ele.select();
  }

  /**
   * Selects a node and moves the view to it, centred in the part of the canvas that panels do not
   * cover (`covered` is how much of the right and bottom edge they hide). False when the node is not drawn.
   */
  focus(id: string, covered: { right?: number; bottom?: number } = {}): boolean {
    const node = this.node(id);
    if (!node || !node.visible()) return false;
    this.select(id);
    const zoom = Math.max(this.cy.zoom(), 1.1);
    const cx = Math.max(0, this.cy.width() - (covered.right ?? 0)) / 2;
    const cy = Math.max(0, this.cy.height() - (covered.bottom ?? 0)) / 2;
    const p = node.position();
    this.cy.stop();
    this.cy.animate({ zoom, pan: { x: cx - p.x * zoom, y: cy - p.y * zoom } }, { duration: 450, easing: 'ease-in-out-cubic' });
    return true;
  }

  fit(animate = true): void {
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return;
    if (animate) this.cy.animate({ fit: { eles: visible, padding: 40 } }, { duration: 350 });
    else this.cy.fit(visible, 40);
  }

  selection(): Selection {
    const selected = this.cy.$(':selected');
    if (selected.length !== 1) return null;
    const ele = selected[0]!;
    return { kind: ele.isNode() ? 'node' : 'edge', id: ele.id() };
  }

  private emitSelection(): void {
    const selection = this.selection();
    this.highlight(selection);
    for (const listener of this.selectionListeners) listener(selection);
  }

  /** Fades everything but the selected node's neighbourhood (or the selected edge and its ends). */
  highlight(selection: Selection = this.selection()): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('faded');
      if (!selection) return;
      const ele = this.cy.getElementById(selection.id) as SingularElementArgument;
      if (ele.empty()) return;
      const keep = ele.isNode() ? ele.closedNeighborhood() : ele.union(ele.connectedNodes());
      this.cy.elements().difference(keep).addClass('faded');
    });
  }

  private bindInteractions(): void {
    const cy = this.cy;
    let pending = false;
    // select and unselect fire in pairs when the selection moves; report once per frame.
    const scheduleEmit = () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        this.emitSelection();
      });
    };
    // Keep the selection single even when code (or a test) calls ele.select() directly.
    cy.on('select', (evt) => {
      cy.$(':selected').difference(evt.target).unselect();
    });
    cy.on('select unselect', scheduleEmit);
    cy.on('remove', (evt) => {
      if (evt.target.selected()) scheduleEmit();
    });
    cy.on('mouseover', 'node, edge', (evt) => {
      evt.target.addClass('hovered');
      if (evt.target.isNode()) evt.target.connectedEdges().addClass('show-label');
      cy.container()!.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node, edge', (evt) => {
      evt.target.removeClass('hovered');
      if (evt.target.isNode()) evt.target.connectedEdges().removeClass('show-label');
      cy.container()!.style.cursor = '';
    });
  }
}
