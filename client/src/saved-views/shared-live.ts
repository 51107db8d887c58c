/**
 * Keeps a share link's map live. The page joins its workspace's room like any map (applied-change
 * events never carry personal fields), but it does not apply those changes itself: what a shared view
 * shows is the API's decision (its filter, read as the public), so after changes arrive it reads the
 * shared graph again (debounced) and brings the map in line with it: new elements fade in next to their
 * neighbours, changed ones take their new data, and what the view no longer shows goes away.
 */
import type { SharedView } from './views-api';
import type { GraphView } from '../views/graph-view';
import type { LiveApplier } from '../views/live-apply';
import { LiveConnection, type LiveStatus } from '../live';

/** Changes usually come in bursts (a workshop, an import): wait this long for the burst to settle. */
const SETTLE_MS = 400;
/** ...but never longer than this while changes keep coming. */
const MAX_WAIT_MS = 3000;

export interface SharedFollowOptions {
  workspaceId: string;
  viewId: string;
  seq: number;
  /** Whether the view filters or styles by a metric: then recomputed metrics change what it shows too. */
  usesMetrics: boolean;
  view: GraphView;
  applier: LiveApplier;
  /** Reads the shared view again (GET /api/v1/shared/:token). */
  refetch(): Promise<SharedView>;
  /** The map now matches `shared` (the view's name, filter or style may have changed too). */
  onReconciled(shared: SharedView): void;
  /** The link stopped working (revoked or deleted), or could not be read. */
  onLost(err: unknown): void;
  onStatus(status: LiveStatus): void;
}

/** Brings the map in line with a fresh read of the shared graph; returns how many elements changed. */
export function reconcile(view: GraphView, applier: LiveApplier, graph: SharedView['graph']): number {
  let changed = 0;
  const wanted = new Set<string>();
  for (const node of graph.nodes) {
    wanted.add(node.id);
    const drawn = view.node(node.id);
    if (drawn && drawn.data('version') === node.version) {
      // Metrics are recomputed without a new version: take them quietly (sizes and colours follow).
      for (const [key, value] of Object.entries(node)) if (key.startsWith('metrics_') && drawn.data(key) !== value) drawn.data(key, value);
      continue;
    }
    applier.upsertNode(node, true);
    changed++;
  }
  for (const edge of graph.edges) {
    wanted.add(edge.id);
    const drawn = view.edge(edge.id);
    if (drawn && drawn.data('updatedAt') === edge.updatedAt) continue;
    if (applier.upsertEdge(edge, true)) changed++;
  }
  for (const ele of view.cy.elements().toArray()) {
    if (wanted.has(ele.id())) continue;
    applier.remove(ele.id());
    changed++;
  }
  return changed;
}

export function followSharedView(opts: SharedFollowOptions): { close(): void; status(): LiveStatus; lastSeq(): number } {
  let timer: number | undefined;
  let firstPendingAt = 0;
  let reading = false;
  let again = false;
  let stopped = false;

  const read = async () => {
    timer = undefined;
    firstPendingAt = 0;
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      const shared = await opts.refetch();
      if (stopped) return;
      reconcile(opts.view, opts.applier, shared.graph);
      opts.onReconciled(shared);
    } catch (err) {
      stop();
      opts.onLost(err);
    } finally {
      reading = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    const now = Date.now();
    firstPendingAt ||= now;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void read(), Math.max(0, Math.min(SETTLE_MS, firstPendingAt + MAX_WAIT_MS - now)));
  };

  const live = new LiveConnection({ onChange: schedule, onStatus: opts.onStatus, metrics: opts.usesMetrics });
  if (opts.usesMetrics) live.socket.on('metrics:updated', (m) => m.workspaceId === opts.workspaceId && schedule());
  // The view itself edited (filter, style, name), revoked or deleted: read the link again.
  live.socket.on('view:updated', (v) => v.id === opts.viewId && schedule());
  live.socket.on('view:deleted', (v) => v.id === opts.viewId && schedule());
  live.setBaseline(opts.workspaceId, opts.seq);
  live.join(opts.workspaceId);

  function stop() {
    stopped = true;
    window.clearTimeout(timer);
    live.close();
  }
  return { close: stop, status: () => live.getStatus(), lastSeq: () => live.lastSeq(opts.workspaceId) };
}
