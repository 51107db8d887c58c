/**
 * The live map of a workshop's workspace, reused by the participant, projector and facilitator pages:
 * draws the graph once (one layout run), then applies live changes in place (new nodes next to their
 * neighbours, nothing else moves) and catches up after a reconnect by sequence number. Entries the
 * facilitator hid (`hidden: true`) are left out, or faded on the facilitator's map.
 */
import type { Core, SingularElementArgument, StylesheetJson } from 'cytoscape';
import type { AppliedChange } from '../../../domain/events';
import type { Graph } from '../../../domain/graph';
import { api, ApiError } from '../api';
import type { VerkostoHandle } from '../app';
import { debounce } from '../dom';
import { LiveConnection, type LiveStatus } from '../live';
import { buildStylesheet } from '../style/cy-style';
import { GraphView } from '../views/graph-view';
import { runLayout, type Clearance } from '../views/layouts';
import { LiveApplier } from '../views/live-apply';

export interface WorkshopMapOptions {
  /** Room a newly placed node keeps from the others (the projector's large labels need more). */
  clearance?: Clearance;
  /** Room between nodes in the first layout (1 = the map page's). */
  layoutSpacing?: number;
  /** Moves the camera (never the nodes) to keep new arrivals in view, zooming in no further than maxZoom. */
  follow?: { maxZoom: number };
  /** Extra style rules after the standard ones (a function gets the map's Cytoscape instance). */
  style?: StylesheetJson | ((cy: Core) => StylesheetJson);
  hiddenEntries?: 'hide' | 'fade';
  onAdded?(ele: SingularElementArgument, animate: boolean): void;
  onChange?(change: AppliedChange, replay: boolean): void;
  onStatus?(status: LiveStatus): void;
  /** After the first graph is drawn. */
  onLoaded?(graph: Graph): void;
}

const RELOAD_DELAY_MS = 3000;

export class WorkshopMap {
  readonly view: GraphView;
  readonly applier: LiveApplier;
  readonly live: LiveConnection;
  private readonly handle: VerkostoHandle;
  private drawn = false;
  private joined = false;

  constructor(
    readonly container: HTMLElement,
    readonly workspaceId: string,
    private readonly opts: WorkshopMapOptions = {},
  ) {
    this.view = new GraphView(container);
    // The standard style leaves hidden entries out; the facilitator sees them faded.
    const fadeHidden: StylesheetJson =
      opts.hiddenEntries === 'fade' ? [{ selector: 'node[?hidden]', style: { display: 'element', opacity: 0.3 } }] : [];
    const extra = typeof opts.style === 'function' ? opts.style(this.view.cy) : (opts.style ?? []);
    this.view.cy.style([...buildStylesheet(), ...extra, ...fadeHidden]);
    const followArrivals = debounce(() => this.followArrivals(), 450);
    this.applier = new LiveApplier(this.view, () => 'fcose', {
      clearance: opts.clearance,
      onAdded: (ele, animate) => {
        opts.onAdded?.(ele, animate);
        if (opts.follow) followArrivals();
      },
    });
    if (opts.follow) this.view.cy.maxZoom(opts.follow.maxZoom);
    this.live = new LiveConnection({
      onChange: (change, replay) => {
        this.applier.apply(change, !replay && !document.hidden);
        opts.onChange?.(change, replay);
      },
      onStatus: (status) => opts.onStatus?.(status),
      fetchChangesAfter: (ws, after) => api.changesAfter(ws, after),
      // Phones and the projector do not show metrics; the event would carry every node's to each of them.
      metrics: false,
    });
    this.handle = {
      cy: this.view.cy,
      workspaceId,
      ready: false,
      lastSeq: () => this.live.lastSeq(workspaceId),
      status: () => this.live.getStatus(),
      layout: () => 'fcose',
    };
    window.verkosto = this.handle;
    void this.live.whenJoined().then(() => {
      this.joined = true;
      this.updateReady();
    });
    new ResizeObserver(debounce(() => this.view.cy.resize(), 100)).observe(container);
  }

  get cy() {
    return this.view.cy;
  }

  get ready(): boolean {
    return this.handle.ready;
  }

  /** Loads and draws the graph (retrying while the network is down), then goes live. */
  async start(): Promise<void> {
    for (;;) {
      try {
        const graph = await api.graph(this.workspaceId);
        this.view.load(graph);
        this.live.setBaseline(this.workspaceId, graph.seq);
        // A map in a hidden tab has no size to fit to; it is fitted when shown (refit).
        const shown = this.container.clientWidth > 0 && this.container.clientHeight > 0;
        if (graph.nodes.length)
          await runLayout(this.view.cy, 'fcose', { animate: false, randomize: true, fit: shown, spacing: this.opts.layoutSpacing });
        if (shown) this.fitAll(false);
        this.drawn = true;
        this.updateReady();
        this.opts.onLoaded?.(graph);
        this.live.join(this.workspaceId);
        return;
      } catch (err) {
        if (!(err instanceof ApiError) || (err.status !== 0 && err.status < 500)) throw err;
        this.opts.onStatus?.('offline');
        await new Promise((resolve) => window.setTimeout(resolve, RELOAD_DELAY_MS));
      }
    }
  }

  /** Shows everything drawn (after the container was shown or resized, or when something landed outside). */
  fitAll(animate: boolean): void {
    const cy = this.view.cy;
    cy.resize();
    const visible = cy.elements(':visible');
    if (visible.empty() || cy.width() === 0 || cy.height() === 0) return;
    const padding = Math.round(Math.min(cy.width(), cy.height()) * 0.06) + 24;
    cy.stop();
    if (animate) cy.animate({ fit: { eles: visible, padding } }, { duration: 700, easing: 'ease-in-out-cubic' });
    else cy.fit(visible, padding);
  }

  /** Fits again when a new arrival is out of view, or when the map fills little of the view. */
  private followArrivals(): void {
    const cy = this.view.cy;
    if (cy.width() === 0 || cy.height() === 0) return;
    const view = cy.extent();
    const box = cy.elements(':visible').boundingBox({});
    const outside = box.x1 < view.x1 || box.y1 < view.y1 || box.x2 > view.x2 || box.y2 > view.y2;
    const small = Math.max(box.w / view.w, box.h / view.h) < 0.6 && cy.zoom() < cy.maxZoom();
    if (outside || small) this.fitAll(true);
  }

  private updateReady(): void {
    this.handle.ready = this.drawn && this.joined;
    document.body.dataset.ready = String(this.handle.ready);
  }
}
