/**
 * The details panel for the selected node or link: every field, the links with clickable neighbours,
 * and edit / add link / delete buttons. It draws from the canvas at once and then merges the node as
 * GET /workspaces/:ws/:collection/:id returns it (fields the graph leaves out, links outside the view).
 * On a phone it is a bottom sheet that can be expanded.
 */
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { NodeType } from '../../../domain/entities';
import type { GraphEdge, GraphNode } from '../../../domain/graph';
import { api, errorMessage, type NodeDetail } from '../api';
import { h, replaceChildren, svg, type Child } from '../dom';
import { fieldLabel, relLabel, t, typeLabel } from '../i18n';
import { swatchSvg } from '../style/cy-style';
import { fieldOrder, formatValue } from './format';
import { displayName, graphEdgeOf, graphNodeOf, type GraphView, type Selection } from './graph-view';

export interface DetailsActions {
  focusNode(id: string): void;
  selectEdge(id: string): void;
  editNode(node: GraphNode): void;
  editEdge(edge: GraphEdge): void;
  addLink(from: GraphNode): void;
  deleteNode(node: GraphNode): Promise<void>;
  deleteEdge(edge: GraphEdge): Promise<void>;
  /** Sections other features add under a node's actions (a project's overlaps). */
  extraSections?(node: GraphNode): Child[];
}

interface LinkRow {
  edgeId: string;
  type: string;
  outgoing: boolean;
  other: { id: string; type: string; name: string };
}

export class DetailsPanel {
  private selection: Selection = null;
  private detail: NodeDetail | null = null;
  private detailError: string | null = null;
  private loading: AbortController | null = null;
  private expanded = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly workspaceId: string,
    private readonly view: GraphView,
    private readonly actions: DetailsActions,
  ) {}

  get current(): Selection {
    return this.selection;
  }

  show(selection: Selection): void {
    const same = selection?.id === this.selection?.id;
    this.selection = selection;
    if (!same) {
      this.detail = null;
      this.detailError = null;
      this.expanded = false;
    }
    this.render();
    if (selection?.kind === 'node') void this.load(selection.id);
  }

  /** Re-renders after a live change or a language switch; re-fetches when the selected node changed. */
  refresh(refetch = false): void {
    if (!this.selection) return;
    if (this.view.cy.getElementById(this.selection.id).empty()) {
      this.selection = null;
      this.render();
      return;
    }
    this.render();
    if (refetch && this.selection.kind === 'node') void this.load(this.selection.id);
  }

  private async load(id: string): Promise<void> {
    const node = this.view.node(id);
    if (!node) return;
    this.loading?.abort();
    const controller = new AbortController();
    this.loading = controller;
    try {
      const detail = await api.getNode(this.workspaceId, node.data('type') as NodeType, id, controller.signal);
      if (controller.signal.aborted || this.selection?.id !== id) return;
      this.detail = detail;
      this.detailError = null;
    } catch (err) {
      if ((err as Error)?.name === 'AbortError' || this.selection?.id !== id) return;
      this.detailError = t('details.loadFailed', { message: errorMessage(err) });
    }
    this.render();
  }

  private render(): void {
    const sel = this.selection;
    const ele = sel ? this.view.cy.getElementById(sel.id) : null;
    this.root.hidden = !sel || !ele || ele.empty();
    document.body.classList.toggle('details-open', !this.root.hidden);
    this.root.classList.toggle('expanded', this.expanded);
    if (!sel || !ele || ele.empty()) {
      this.root.removeAttribute('data-id');
      replaceChildren(this.root);
      return;
    }
    this.root.dataset.id = sel.id;
    this.root.dataset.kind = sel.kind;
    const body = ele.isNode() ? this.nodeBody(ele) : this.edgeBody(ele as EdgeSingular);
    replaceChildren(this.root, this.toolbar(), ...body);
  }

  private toolbar(): HTMLElement {
    return h(
      'div',
      { class: 'panel-toolbar' },
      h('span', { class: 'sheet-handle', 'aria-hidden': 'true' }),
      h('span', { class: 'panel-kicker' }, t('details.title')),
      h(
        'button',
        {
          type: 'button',
          class: 'icon sheet-toggle',
          title: this.expanded ? t('details.collapse') : t('details.expand'),
          'aria-label': this.expanded ? t('details.collapse') : t('details.expand'),
          onclick: () => {
            this.expanded = !this.expanded;
            this.render();
          },
        },
        this.expanded ? '▾' : '▴',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'icon',
          title: t('app.close'),
          'aria-label': t('app.close'),
          'data-testid': 'details-close',
          onclick: () => this.view.select(null),
        },
        '✕',
      ),
    );
  }

  private nodeBody(ele: NodeSingular): Child[] {
    const drawn = graphNodeOf(ele);
    const fetched = this.detail?.node;
    const node: GraphNode =
      fetched && fetched.id === drawn.id && (fetched.version ?? 0) >= (drawn.version ?? 0) ? { ...drawn, ...fetched } : drawn;
    const links = this.linkRows(ele);
    return [
      h(
        'header',
        { class: 'panel-head' },
        svg(swatchSvg(node.type, 22)),
        h('div', {}, h('h2', { 'data-testid': 'details-name' }, displayName(node)), h('div', { class: 'panel-sub' }, typeLabel(node.type))),
      ),
      h(
        'div',
        { class: 'panel-actions' },
        h('button', { type: 'button', 'data-testid': 'details-edit', onclick: () => this.actions.editNode(node) }, t('details.edit')),
        h('button', { type: 'button', 'data-testid': 'details-add-link', onclick: () => this.actions.addLink(node) }, t('details.addLink')),
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            'data-testid': 'details-delete',
            onclick: () => this.confirmDelete(displayName(node), () => this.actions.deleteNode(node)),
          },
          t('details.delete'),
        ),
      ),
      this.detailError ? h('p', { class: 'note error' }, this.detailError) : null,
      ...(this.actions.extraSections?.(node) ?? []),
      h('h3', {}, t('details.fields')),
      this.fieldList(node, node.type),
      h('h3', {}, `${t('details.links')} (${links.length})`),
      links.length
        ? h('ul', { class: 'link-list', 'data-testid': 'details-links' }, ...links.map((row) => this.linkItem(row)))
        : h('p', { class: 'muted' }, t('details.noLinks')),
    ];
  }

  private edgeBody(ele: EdgeSingular): Child[] {
    const edge = graphEdgeOf(ele);
    const end = (node: NodeSingular) => this.nodeChip({ id: node.id(), type: node.data('type'), name: String(node.data('label')) });
    return [
      h(
        'header',
        { class: 'panel-head' },
        h('div', {}, h('h2', { 'data-testid': 'details-name' }, relLabel(edge.type)), h('div', { class: 'panel-sub' }, edge.type)),
      ),
      h(
        'dl',
        { class: 'ends' },
        h('dt', {}, t('details.from')),
        h('dd', {}, end(ele.source())),
        h('dt', {}, t('details.to')),
        h('dd', {}, end(ele.target())),
      ),
      h(
        'div',
        { class: 'panel-actions' },
        h('button', { type: 'button', 'data-testid': 'details-edit', onclick: () => this.actions.editEdge(edge) }, t('details.edit')),
        h(
          'button',
          {
            type: 'button',
            class: 'danger',
            'data-testid': 'details-delete',
            onclick: () => this.confirmDelete(relLabel(edge.type), () => this.actions.deleteEdge(edge)),
          },
          t('details.delete'),
        ),
      ),
      h('h3', {}, t('details.fields')),
      this.fieldList(edge),
    ];
  }

  private fieldList(data: Record<string, unknown>, type?: NodeType): HTMLElement {
    const rows = fieldOrder(data, type).flatMap((field) => [
      h('dt', {}, fieldLabel(field)),
      h('dd', { 'data-field': field }, formatValue(field, data[field])),
    ]);
    return h('dl', { class: 'fields', 'data-testid': 'details-fields' }, ...rows);
  }

  /** Links from the canvas, plus any the API knows about that the canvas does not show. */
  private linkRows(ele: NodeSingular): LinkRow[] {
    const rows: LinkRow[] = ele.connectedEdges().map((e) => {
      const outgoing = e.source().same(ele);
      const other = outgoing ? e.target() : e.source();
      return {
        edgeId: e.id(),
        type: e.data('type'),
        outgoing,
        other: { id: other.id(), type: other.data('type'), name: String(other.data('label')) },
      };
    });
    if (this.detail && this.detail.node.id === ele.id()) {
      const seen = new Set(rows.map((r) => r.edgeId));
      const neighbours = new Map(this.detail.neighbours.map((n) => [n.id, n]));
      for (const edge of this.detail.edges) {
        if (seen.has(edge.id)) continue;
        const outgoing = edge.source === ele.id();
        const other = neighbours.get(outgoing ? edge.target : edge.source);
        if (other)
          rows.push({ edgeId: edge.id, type: edge.type, outgoing, other: { id: other.id, type: other.type, name: displayName(other) } });
      }
    }
    return rows.sort((a, b) => relLabel(a.type).localeCompare(relLabel(b.type)) || a.other.name.localeCompare(b.other.name));
  }

  private linkItem(row: LinkRow): HTMLElement {
    const onCanvas = this.view.edge(row.edgeId) !== undefined;
    return h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'rel', disabled: !onCanvas, title: row.type, onclick: () => this.actions.selectEdge(row.edgeId) },
        `${row.outgoing ? '→' : '←'} ${relLabel(row.type)}`,
      ),
      this.nodeChip(row.other),
    );
  }

  private nodeChip(node: { id: string; type: string; name: string }): HTMLElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'chip',
        'data-testid': 'neighbour-link',
        'data-id': node.id,
        onclick: () => this.actions.focusNode(node.id),
      },
      svg(swatchSvg(node.type, 14)),
      node.name,
    );
  }

  private confirmDelete(name: string, run: () => Promise<void>): void {
    if (!window.confirm(t('details.confirmDelete', { name }))) return;
    void run();
  }
}
