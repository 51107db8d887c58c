/**
 * The live connection: socket.io typed with the domain contract. Tracks the last applied sequence
 * number per workspace and joins with it on every (re)connect, so the server replays what was missed.
 * Events with seq <= lastSeq are ignored (replay and live delivery may overlap); events that arrive
 * ahead of a gap are held briefly and the gap is filled from GET /changes?after=.
 */
import { io, type Socket } from 'socket.io-client';
import type { AppliedChange, ChangeFailed, ClientToServerEvents, JoinAck, ServerToClientEvents } from '../../domain/events';

export type LiveStatus = 'connecting' | 'syncing' | 'live' | 'reconnecting' | 'offline';

export interface LiveHandlers {
  /** Called for each change, in seq order, exactly once per seq. `replay` is true while catching up after a join. */
  onChange(change: AppliedChange, replay: boolean): void;
  onStatus?(status: LiveStatus): void;
  /** Called after each successful join once the replay is done. */
  onSynced?(info: { workspaceId: string; lastSeq: number; replayed: number }): void;
  onFailed?(failure: ChangeFailed): void;
  onError?(error: { code: string; message: string }): void;
  /** Fills a gap from the REST change log. */
  fetchChangesAfter?(workspaceId: string, after: number): Promise<{ items: AppliedChange[]; lastSeq: number }>;
  /** Whether to receive 'metrics:updated' (default true; the workshop pages do not show metrics). */
  metrics?: boolean;
}

type VerkostoSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const GAP_WAIT_MS = 700;

export class LiveConnection {
  readonly socket: VerkostoSocket;
  private readonly lastSeqs = new Map<string, number>();
  private readonly held = new Map<string, Map<number, AppliedChange>>();
  private readonly gapTimers = new Map<string, number>();
  private readonly replaying = new Set<string>();
  private readonly filling = new Set<string>();
  private readonly joined = new Set<string>();
  private status: LiveStatus = 'connecting';
  private joinedOnce!: Promise<void>;
  private resolveJoinedOnce!: () => void;

  constructor(private readonly handlers: LiveHandlers, url?: string) {
    this.joinedOnce = new Promise((resolve) => (this.resolveJoinedOnce = resolve));
    this.socket = io(url ?? '', {
      path: '/socket.io',
      autoConnect: false,
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      timeout: 10_000,
    }) as VerkostoSocket;

    this.socket.on('connect', () => {
      for (const workspaceId of this.joined) this.emitJoin(workspaceId);
    });
    this.socket.on('disconnect', (reason) => {
      this.setStatus(reason === 'io client disconnect' ? 'offline' : 'reconnecting');
    });
    this.socket.on('connect_error', () => {
      this.setStatus(this.socket.active ? 'reconnecting' : 'offline');
    });
    this.socket.io.on('reconnect_attempt', () => this.setStatus('reconnecting'));
    this.socket.io.on('reconnect_failed', () => this.setStatus('offline'));

    this.socket.on('node:created', (c) => this.receive(c));
    this.socket.on('node:updated', (c) => this.receive(c));
    this.socket.on('node:deleted', (c) => this.receive(c));
    this.socket.on('relationship:created', (c) => this.receive(c));
    this.socket.on('relationship:updated', (c) => this.receive(c));
    this.socket.on('relationship:deleted', (c) => this.receive(c));
    this.socket.on('node:merged', (c) => this.receive(c));
    // The client joins batched: one event per worker batch, its changes in seq order.
    this.socket.on('changes:applied', (batch) => {
      for (const change of batch.changes) this.receive(change);
    });
    this.socket.on('node:unmerged', (c) => this.receive(c));
    this.socket.on('import:applied', (c) => this.receive(c));
    this.socket.on('workspace:synced', (state) => this.synced(state.workspaceId, state.lastSeq, state.replayed));
    this.socket.on('change:failed', (failure) => this.handlers.onFailed?.(failure));
    this.socket.on('workspace:error', (error) => this.handlers.onError?.(error));
  }

  /** The last sequence number applied for a workspace (0 before the first graph load). */
  lastSeq(workspaceId: string): number {
    return this.lastSeqs.get(workspaceId) ?? 0;
  }

  /** Records the seq a freshly loaded graph reflects; later events at or below it are ignored. */
  setBaseline(workspaceId: string, seq: number): void {
    if (seq > this.lastSeq(workspaceId)) this.lastSeqs.set(workspaceId, seq);
    this.drain(workspaceId);
  }

  getStatus(): LiveStatus {
    return this.status;
  }

  /** Resolves after the first successful join of any workspace. */
  whenJoined(): Promise<void> {
    return this.joinedOnce;
  }

  /** Joins a workspace (now if connected, otherwise on connect) and opens the socket. */
  join(workspaceId: string): void {
    this.joined.add(workspaceId);
    if (this.socket.connected) this.emitJoin(workspaceId);
    else if (!this.socket.active) {
      this.setStatus('connecting');
      this.socket.connect();
    }
  }

  leave(workspaceId: string): void {
    this.joined.delete(workspaceId);
    if (this.socket.connected) this.socket.emit('workspace:leave', { workspaceId });
  }

  close(): void {
    this.socket.disconnect();
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.handlers.onStatus?.(status);
  }

  private emitJoin(workspaceId: string): void {
    this.setStatus('syncing');
    this.replaying.add(workspaceId);
    const lastSeq = this.lastSeq(workspaceId);
    const metrics = this.handlers.metrics ?? true;
    this.socket.timeout(15_000).emit('workspace:join', { workspaceId, lastSeq, batched: true, ...(metrics ? {} : { metrics }) }, (err: Error | null, ack?: JoinAck) => {
      if (err || !ack) {
        // No answer: the connection is probably broken; socket.io reconnects and we join again.
        if (this.socket.connected) this.socket.disconnect().connect();
        return;
      }
      if (!ack.ok) {
        this.replaying.delete(workspaceId);
        this.setStatus('offline');
        this.handlers.onError?.({ code: ack.code, message: ack.message });
        return;
      }
      // The ack may come before or after the replay; 'workspace:synced' ends the replay. If the server
      // never sends it, treat the join as complete after a short while.
      window.setTimeout(() => {
        if (this.replaying.has(workspaceId)) this.synced(workspaceId, ack.lastSeq, ack.replayed);
      }, 1500);
    });
  }

  private synced(workspaceId: string, serverLastSeq: number, replayed: number): void {
    if (!this.joined.has(workspaceId)) return;
    const wasReplaying = this.replaying.delete(workspaceId);
    if (this.socket.connected) this.setStatus('live');
    if (serverLastSeq > this.lastSeq(workspaceId)) {
      // Events are still in flight or were lost: make sure we catch up.
      this.scheduleGapFill(workspaceId, GAP_WAIT_MS);
    }
    if (wasReplaying) {
      this.handlers.onSynced?.({ workspaceId, lastSeq: this.lastSeq(workspaceId), replayed });
      this.resolveJoinedOnce();
    }
  }

  /** Takes one event from the socket or the REST change log. */
  private receive(change: AppliedChange): void {
    const { workspaceId, seq } = change;
    if (!this.joined.has(workspaceId) || typeof seq !== 'number') return;
    if (seq <= this.lastSeq(workspaceId)) return;
    let held = this.held.get(workspaceId);
    if (!held) this.held.set(workspaceId, (held = new Map()));
    held.set(seq, change);
    this.drain(workspaceId);
  }

  /** Applies held events in order while they are consecutive; waits for a gap to be filled otherwise. */
  private drain(workspaceId: string, force = false): void {
    const held = this.held.get(workspaceId);
    if (!held || held.size === 0) return;
    for (const seq of [...held.keys()]) if (seq <= this.lastSeq(workspaceId)) held.delete(seq);
    for (;;) {
      const next = this.lastSeq(workspaceId) + 1;
      let change = held.get(next);
      if (!change && force && held.size > 0) {
        // Gap that the change log could not fill (e.g. a failed change used a number): skip it.
        const lowest = Math.min(...held.keys());
        change = held.get(lowest);
      }
      if (!change) break;
      held.delete(change.seq);
      this.lastSeqs.set(workspaceId, change.seq);
      try {
        this.handlers.onChange(change, this.replaying.has(workspaceId));
      } catch (err) {
        console.error('[verkosto] applying change failed', change, err);
      }
    }
    if (held.size > 0) this.scheduleGapFill(workspaceId, GAP_WAIT_MS);
  }

  private scheduleGapFill(workspaceId: string, delay: number): void {
    if (this.gapTimers.has(workspaceId) || this.filling.has(workspaceId)) return;
    const timer = window.setTimeout(() => {
      this.gapTimers.delete(workspaceId);
      void this.fillGap(workspaceId);
    }, delay);
    this.gapTimers.set(workspaceId, timer);
  }

  private async fillGap(workspaceId: string): Promise<void> {
    const fetcher = this.handlers.fetchChangesAfter;
    this.filling.add(workspaceId);
    if (fetcher) {
      try {
        let after = this.lastSeq(workspaceId);
        for (let page = 0; page < 20; page++) {
          const { items, lastSeq } = await fetcher(workspaceId, after);
          for (const item of items) this.receive(item);
          if (items.length === 0 || this.lastSeq(workspaceId) >= lastSeq) break;
          const newest = Math.max(...items.map((i) => i.seq));
          if (newest <= after) break;
          after = newest;
        }
      } catch (err) {
        // Keep what is held and try again later; skipping now could lose changes for good.
        console.warn('[verkosto] could not fetch missed changes', err);
        this.filling.delete(workspaceId);
        if (this.held.get(workspaceId)?.size) this.scheduleGapFill(workspaceId, 3000);
        return;
      }
    }
    this.filling.delete(workspaceId);
    this.drain(workspaceId, true);
  }
}
