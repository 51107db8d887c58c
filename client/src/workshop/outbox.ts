/**
 * The participant's outbox: every submission is stored in localStorage with its Idempotency-Key before
 * anything is sent, and sent in order until the server has it. A network failure keeps it (retried with
 * backoff, at once when the browser is back online or the socket reconnects); a paused workshop keeps
 * it until resumed; a definite refusal (400/403/409/422) marks it failed with the reason, never dropped
 * silently. Links may refer to entries still in the outbox (by key); they are sent once those have ids.
 */
import type { NodeType } from '../../../domain/entities';
import type { RelationshipType } from '../../../domain/relationships';
import { ApiError, randomId } from '../api';
import { readJson, storageKey, writeJson } from './local-store';

/** An entry that exists (id) or is on its way (the key of its outbox item). */
export type EntryRef = { id: string; name: string } | { key: string; name: string };

export const refIdentity = (ref: EntryRef) => ('id' in ref ? `id:${ref.id}` : `key:${ref.key}`);

export interface NodeSubmission {
  kind: 'node';
  nodeType: NodeType;
  props: Record<string, unknown>;
}

export interface LinkSubmission {
  kind: 'link';
  relType: RelationshipType;
  from: EntryRef;
  to: EntryRef;
  props?: Record<string, unknown>;
}

export type Submission = NodeSubmission | LinkSubmission;

export interface OutboxItem {
  /** Also the Idempotency-Key: a resend is the same change and is applied once. */
  key: string;
  submission: Submission;
  /** What the participant typed, to show and to give back if they discard a failed item. */
  label: string;
  /** Which part of the page it came from. */
  section: string;
  createdAt: number;
  attempts: number;
  state: 'pending' | 'failed';
  error?: { status: number; code: string; message: string };
}

/** Why sending stopped: the network, a pause, the end of the workshop, or a lost participant token. */
export type OutboxHalt = 'offline' | 'paused' | 'closed' | 'auth' | null;

/** A submission with its references resolved to ids, ready for the API. */
export type ReadySubmission =
  { kind: 'node'; nodeType: NodeType; props: Record<string, unknown> } | { kind: 'link'; body: Record<string, unknown> };

export interface OutboxDeps {
  /** Sends one item; resolves with the id of the created (or existing) entry. */
  send(item: OutboxItem, ready: ReadySubmission, signal: AbortSignal): Promise<string>;
  onHalt?(halt: OutboxHalt): void;
}

interface Stored {
  items: OutboxItem[];
  resolved: Record<string, string>;
}

const SEND_TIMEOUT_MS = 25_000;
const MIN_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;
const PAUSED_RECHECK_MS = 20_000;
/** A link whose end was accepted but not applied yet gets a 404; retried this often before failing. */
const NOT_FOUND_RETRIES = 4;

/** The server's message with the fields it named. */
function describe(err: ApiError): string {
  const fields = err.details.map((d) => `${d.path}: ${d.message}`).join('; ');
  return fields ? `${err.message} – ${fields}` : err.message;
}

type Verdict = 'retry' | 'paused' | 'closed' | 'auth' | 'failed';

function verdictOf(err: unknown, item: OutboxItem): Verdict {
  if (!(err instanceof ApiError)) return 'retry';
  if (err.status === 0) return 'retry';
  if (err.status === 423) return 'paused';
  if (err.status === 410) return 'closed';
  if (err.status === 401) return 'auth';
  if (err.status === 408 || err.status === 425 || err.status === 429 || err.status >= 500) return 'retry';
  if (err.status === 404 && item.submission.kind === 'link' && item.attempts < NOT_FOUND_RETRIES) return 'retry';
  return 'failed';
}

export class Outbox {
  private readonly storageKey: string;
  private items: OutboxItem[] = [];
  private resolved: Record<string, string> = {};
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private retryTimer: number | undefined;
  private backoff = 0;
  private halted: OutboxHalt = null;

  constructor(
    code: string,
    private readonly deps: OutboxDeps,
  ) {
    this.storageKey = storageKey(code, 'outbox');
    this.load();
    // Another tab of the same participant may have sent (or queued) something.
    window.addEventListener('storage', (e) => {
      if (e.key === this.storageKey) {
        this.load();
        this.emit();
      }
    });
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get halt(): OutboxHalt {
    return this.halted;
  }

  pending(): OutboxItem[] {
    return this.items.filter((i) => i.state === 'pending');
  }

  failed(): OutboxItem[] {
    return this.items.filter((i) => i.state === 'failed');
  }

  item(key: string): OutboxItem | undefined {
    return this.items.find((i) => i.key === key);
  }

  /** The id of an entry, once known. */
  idOf(ref: EntryRef): string | undefined {
    return 'id' in ref ? ref.id : this.resolved[ref.key];
  }

  /** Saved, waiting or failed: for an entry, counting its own item and every link item that touches it. */
  statusOf(ref: EntryRef): 'saved' | 'pending' | 'failed' {
    const identity = refIdentity(ref);
    const related = this.items.filter(
      (i) =>
        ('key' in ref && i.key === ref.key) ||
        (i.submission.kind === 'link' && (refIdentity(i.submission.from) === identity || refIdentity(i.submission.to) === identity)),
    );
    if (related.some((i) => i.state === 'failed')) return 'failed';
    if (related.length > 0) return 'pending';
    return 'saved';
  }

  /** Stores a submission (before any sending) and starts sending; returns its key. */
  enqueue(submission: Submission, label: string, section: string): string {
    this.load();
    const item: OutboxItem = { key: randomId(), submission, label, section, createdAt: Date.now(), attempts: 0, state: 'pending' };
    this.items.push(item);
    this.save();
    this.emit();
    void this.flush();
    return item.key;
  }

  /** Sends a failed item again (and the links that failed because of it). */
  retry(key: string): void {
    this.load();
    for (const item of this.items) {
      if (item.state !== 'failed') continue;
      if (item.key === key || (item.error?.code === 'DEPENDENCY_FAILED' && this.dependsOn(item, key))) {
        item.state = 'pending';
        item.attempts = 0;
        delete item.error;
      }
    }
    this.save();
    this.emit();
    void this.flush(true);
  }

  /** Drops a failed item (and the links that cannot be made without it); returns what was dropped. */
  discard(key: string): OutboxItem[] {
    this.load();
    const dropped = this.items.filter((i) => i.key === key || this.dependsOn(i, key));
    this.items = this.items.filter((i) => !dropped.includes(i));
    this.save();
    this.emit();
    return dropped;
  }

  /** Sends what is pending, in order. `now` skips the backoff wait (back online, reconnected, resumed). */
  flush(now = false): Promise<void> {
    if (now) {
      this.backoff = 0;
      window.clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        await this.flushOnce();
      } while (this.flushAgain && this.halted === null);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    this.load();
    if (this.pending().length === 0) {
      this.setHalt(this.halted === 'closed' || this.halted === 'auth' ? this.halted : null);
      return;
    }
    if (navigator.onLine === false) {
      this.setHalt('offline');
      return;
    }
    // By key: every load() replaces the objects (another tab may have written meanwhile).
    for (const key of this.items.map((i) => i.key)) {
      const item = this.items.find((i) => i.key === key);
      if (!item || item.state !== 'pending') continue;
      const ready = this.prepare(item);
      if (ready === 'blocked') continue;
      const controller = new AbortController();
      const timer = window.setTimeout(() => controller.abort(), SEND_TIMEOUT_MS);
      try {
        const id = await this.deps.send(item, ready, controller.signal);
        this.load();
        this.resolved[item.key] = id;
        this.items = this.items.filter((i) => i.key !== item.key);
        this.backoff = 0;
        this.setHalt(null);
        this.save();
        this.emit();
      } catch (err) {
        this.load();
        const current = this.items.find((i) => i.key === item.key);
        if (!current) continue;
        current.attempts++;
        const verdict = verdictOf(err, current);
        if (verdict === 'failed') {
          current.state = 'failed';
          current.error =
            err instanceof ApiError
              ? { status: err.status, code: err.code, message: describe(err) }
              : { status: 0, code: 'ERROR', message: String(err) };
          this.save();
          this.emit();
          continue;
        }
        this.save();
        this.stopAfter(verdict);
        return;
      } finally {
        window.clearTimeout(timer);
      }
    }
  }

  private stopAfter(verdict: Exclude<Verdict, 'failed'>): void {
    switch (verdict) {
      case 'retry':
        this.setHalt('offline');
        this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff ? this.backoff * 2 : MIN_BACKOFF_MS);
        this.scheduleRetry(this.backoff);
        break;
      case 'paused':
        this.setHalt('paused');
        this.scheduleRetry(PAUSED_RECHECK_MS);
        break;
      case 'closed':
        this.setHalt('closed');
        break;
      case 'auth':
        this.setHalt('auth');
        break;
    }
    this.emit();
  }

  /** Resolves an item's references; a link whose end failed fails too. */
  private prepare(item: OutboxItem): ReadySubmission | 'blocked' {
    const s = item.submission;
    if (s.kind === 'node') return { kind: 'node', nodeType: s.nodeType, props: s.props };
    const ends: string[] = [];
    for (const ref of [s.from, s.to]) {
      const id = this.idOf(ref);
      if (id) {
        ends.push(id);
        continue;
      }
      const dependency = 'key' in ref ? this.items.find((i) => i.key === ref.key) : undefined;
      item.state = 'failed';
      item.error =
        dependency?.state === 'failed'
          ? { status: 0, code: 'DEPENDENCY_FAILED', message: dependency.label }
          : { status: 0, code: 'DEPENDENCY_MISSING', message: ref.name };
      this.save();
      this.emit();
      return 'blocked';
    }
    return { kind: 'link', body: { type: s.relType, from: ends[0], to: ends[1], ...(s.props ?? {}) } };
  }

  private dependsOn(item: OutboxItem, key: string): boolean {
    const s = item.submission;
    return s.kind === 'link' && [s.from, s.to].some((ref) => 'key' in ref && ref.key === key);
  }

  private scheduleRetry(ms: number): void {
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(() => {
      this.retryTimer = undefined;
      void this.flush();
    }, ms);
  }

  private setHalt(halt: OutboxHalt): void {
    if (halt === this.halted) return;
    this.halted = halt;
    this.deps.onHalt?.(halt);
  }

  private load(): void {
    const stored = readJson<Stored>(this.storageKey);
    if (!stored) return;
    this.items = Array.isArray(stored.items) ? stored.items : [];
    this.resolved = stored.resolved && typeof stored.resolved === 'object' ? stored.resolved : {};
  }

  private save(): void {
    writeJson(this.storageKey, { items: this.items, resolved: this.resolved } satisfies Stored);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
