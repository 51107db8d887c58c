/**
 * Each workspace's change-log sequence number, cheap to ask for. After committing a batch, and before
 * the batch's jobs complete, the worker raises `<prefix>:seq:<workspace>` in Redis to the batch's
 * highest seq (never lowering it) and publishes the number on `<prefix>:seq-raised`. So an API process
 * asked after a client's write was answered (?wait=true) sees at least that write's seq for the price
 * of one Redis GET instead of a Neo4j read (read your writes), and its cached indexes can follow the
 * published numbers in the background, off the request path. A small batch's changes go along with the
 * number, so catching up needs no read of the change log either.
 *
 * Writers outside the worker (seed scripts, benchmark loads) do not raise the key: when it is missing
 * the Neo4j number is read, and otherwise it is checked against Neo4j in the background at most every
 * VERIFY_MS, so such writes show within that time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { byWorkspace, type AppliedChange } from '../../domain/events';
import type { Config } from './config';
import type { Logger } from './logger';
import type { GraphDb } from './neo4j';
import { createRedis } from './redis';

const seqKey = (config: Pick<Config, 'REDIS_PREFIX'>, workspaceId: string) => `${config.REDIS_PREFIX}:seq:${workspaceId}`;
const raisedChannel = (config: Pick<Config, 'REDIS_PREFIX'>) => `${config.REDIS_PREFIX}:seq-raised`;

/** lua/raise-workspace-seq.lua, read once when the module loads (a missing file fails at start-up). */
const RAISE = fs.readFileSync(path.join(__dirname, 'lua', 'raise-workspace-seq.lua'), 'utf8');

/** How old the Neo4j check of a workspace's seq may get while the Redis number is used. */
const VERIFY_MS = 5_000;

export interface SeqRaised {
  workspaceId: string;
  seq: number;
  /** The batch's changes of the workspace (small batches only), so followers need not read them from the log. */
  changes?: AppliedChange[];
}

/** Most changes of a workspace sent along with its raised seq (an import chunk's batch is not sent). */
const PUSH_MAX_CHANGES = 100;
const PUSH_MAX_CHARS = 200_000;
/** Changes kept per workspace for catching up, and workspaces kept. */
const RECENT_PER_WORKSPACE = 2_000;
const RECENT_WORKSPACES = 100;

/** Where the current sequence number of a workspace comes from (null: no such workspace). */
export interface SeqSource {
  current(workspaceId: string): Promise<number | null>;
  /** The numbers the worker announces, for following them in the background (optional). */
  onRaised?(listener: (raised: SeqRaised) => void): () => void;
  /** The changes after `after` up to `upTo` as the worker sent them, when every one of them came (optional). */
  recentBetween?(workspaceId: string, after: number, upTo: number): AppliedChange[] | null;
}

/** The Neo4j number, read every time (for a process that has no Redis numbers, e.g. a test's fresh index). */
export const graphSeqs = (db: GraphDb): SeqSource => ({
  current: async (workspaceId) => (await db.read<{ seq: number }>('workspace-seq', { workspaceId }))[0]?.seq ?? null,
});

/**
 * The worker's side: raises and publishes each workspace's highest seq among the applied changes, with
 * the changes themselves when they are few.
 */
export async function raiseWorkspaceSeqs(redis: Redis, config: Pick<Config, 'REDIS_PREFIX'>, applied: readonly AppliedChange[]): Promise<void> {
  await Promise.all(
    [...byWorkspace(applied)].map(([workspaceId, changes]) => {
      const seq = Math.max(...changes.map((c) => c.seq));
      let message = changes.length <= PUSH_MAX_CHANGES ? JSON.stringify({ workspaceId, seq, changes } satisfies SeqRaised) : '';
      if (!message || message.length > PUSH_MAX_CHARS) message = JSON.stringify({ workspaceId, seq } satisfies SeqRaised);
      return redis.eval(RAISE, 2, seqKey(config, workspaceId), raisedChannel(config), seq, message);
    }),
  );
}

/** The API's side: the current seq of a workspace, and the numbers the worker publishes. */
export class WorkspaceSeqs implements SeqSource {
  /** The last Neo4j answer per workspace (null: no such workspace) and when it came. */
  private readonly checked = new Map<string, { seq: number | null; at: number }>();
  private readonly listeners = new Set<(raised: SeqRaised) => void>();
  /** The changes the worker sent along, by workspace and seq (the latest RECENT_PER_WORKSPACE). */
  private readonly recent = new Map<string, Map<number, AppliedChange>>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly db: GraphDb,
    private readonly redis: Redis,
    private readonly config: Config,
    private readonly logger?: Logger,
  ) {}

  /** Subscribes to the numbers the worker publishes (listeners get them from then on). */
  async start(): Promise<void> {
    if (this.subscriber) return;
    const sub = createRedis(this.config, 'subscriber');
    this.subscriber = sub;
    sub.on('message', (_channel: string, text: string) => {
      let raised: SeqRaised;
      try {
        raised = JSON.parse(text) as SeqRaised;
      } catch {
        return;
      }
      if (raised.changes) this.remember(raised.workspaceId, raised.changes);
      for (const listener of this.listeners) listener({ workspaceId: raised.workspaceId, seq: raised.seq });
    });
    sub.on('error', (err: Error) => this.logger?.warn({ err }, 'workspace seq subscription'));
    await sub.subscribe(raisedChannel(this.config));
  }

  async stop(): Promise<void> {
    const sub = this.subscriber;
    this.subscriber = null;
    if (sub) await sub.quit().catch(() => sub.disconnect());
  }

  /** Calls `listener` with every number the worker publishes (after start); returns the unsubscribe. */
  onRaised(listener: (raised: SeqRaised) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recentBetween(workspaceId: string, after: number, upTo: number): AppliedChange[] | null {
    const kept = this.recent.get(workspaceId);
    if (!kept || upTo - after > kept.size) return null;
    const out: AppliedChange[] = [];
    for (let seq = after + 1; seq <= upTo; seq++) {
      const change = kept.get(seq);
      if (!change) return null;
      out.push(change);
    }
    return out;
  }

  private remember(workspaceId: string, changes: AppliedChange[]): void {
    let kept = this.recent.get(workspaceId);
    if (!kept) {
      if (this.recent.size >= RECENT_WORKSPACES) this.recent.delete(this.recent.keys().next().value as string);
      this.recent.set(workspaceId, (kept = new Map()));
    }
    for (const c of changes) kept.set(c.seq, c);
    // Insertion order is nearly seq order: drop from the front until few enough are kept.
    for (const seq of kept.keys()) {
      if (kept.size <= RECENT_PER_WORKSPACE) break;
      kept.delete(seq);
    }
  }

  /** The workspace's current seq (at least that of every write answered so far); null: no such workspace. */
  async current(workspaceId: string): Promise<number | null> {
    const raw = await this.redis.get(seqKey(this.config, workspaceId));
    if (raw === null) return this.fromGraph(workspaceId);
    const checked = this.checked.get(workspaceId);
    if (!checked || Date.now() - checked.at > VERIFY_MS) {
      // The Redis number is used now; the check only makes writes from outside the worker show soon.
      this.checked.set(workspaceId, { seq: checked ? checked.seq : Number(raw), at: Date.now() });
      void this.fromGraph(workspaceId).catch((err: Error) => this.logger?.warn({ err, workspaceId }, 'workspace seq check failed'));
    }
    if (checked && checked.seq === null) return null;
    return Math.max(Number(raw), checked?.seq ?? 0);
  }

  private async fromGraph(workspaceId: string): Promise<number | null> {
    const [row] = await this.db.read<{ seq: number }>('workspace-seq', { workspaceId });
    const seq = row ? row.seq : null;
    const before = this.checked.get(workspaceId)?.seq;
    this.checked.set(workspaceId, { seq, at: Date.now() });
    if (seq !== null && before !== undefined && before !== null && seq > before) for (const listener of this.listeners) listener({ workspaceId, seq });
    return seq;
  }
}
