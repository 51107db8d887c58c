/**
 * Probable duplicates among a workspace's organisations or people, as pairs with the score and the
 * reasons, from the shared entity matcher (domain/matching, used read-only).
 *
 * Not all pairs: every record asks the matcher's candidate index (blocking on name keys, acronyms,
 * business id, domain) for its best candidates, so the work grows with the records times the few each
 * one shares rare keys with. A pair found from both sides is reported once, with the higher score.
 * The pairs are kept per workspace and type until the workspace's change log moves on; the list is
 * computed down to MIN_SCORE_FLOOR once and filtered by each request's minScore.
 */
import type { EntityRecord } from '../../domain/matching';
import type { GraphDb } from '../infra/neo4j';
import { findDuplicatePairsOffThread, type DuplicatePair, type DuplicateType } from './duplicate-pairs-compute';
import type { GraphReads } from './graph-reads';

export { findDuplicatePairs, MIN_SCORE_FLOOR, type DuplicatePair, type DuplicateType } from './duplicate-pairs-compute';

const MAX_CACHED = 20;

export interface DuplicateList {
  workspaceId: string;
  seq: number;
  type: DuplicateType;
  /** Records compared, and pairs at or above minScore before the limit. */
  records: number;
  total: number;
  items: DuplicatePair[];
}

interface Cached {
  seq: number;
  records: number;
  /** In flight or done: concurrent requests for one state of a workspace share one computation. */
  pairs: Promise<DuplicatePair[]>;
}

export class DuplicatePairs {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly db: GraphDb,
    private readonly reads: GraphReads,
  ) {}

  /** The workspace's probable duplicates of a type, or null when the workspace does not exist. */
  async list(workspaceId: string, type: DuplicateType, minScore: number, limit: number): Promise<DuplicateList | null> {
    const workspace = await this.reads.workspace(workspaceId);
    if (!workspace) return null;
    const key = `${workspaceId}\n${type}`;
    let cached = this.cache.get(key);
    if (!cached || cached.seq !== workspace.seq) {
      const rows = await this.db.read<{ record: EntityRecord }>('nodes-for-matching', { workspaceId, nodeType: type });
      const records = rows.map((r) => withoutNulls(r.record));
      cached = { seq: workspace.seq, records: records.length, pairs: findDuplicatePairsOffThread(records, type) };
      this.cache.delete(key);
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, cached);
      const mine = cached;
      // A failed computation is not kept.
      cached.pairs.catch(() => this.cache.get(key) === mine && this.cache.delete(key));
    }
    const matching = (await cached.pairs).filter((p) => p.score >= minScore);
    return { workspaceId, seq: cached.seq, type, records: cached.records, total: matching.length, items: matching.slice(0, limit) };
  }
}

/** Neo4j gives null for missing properties; the matcher expects them absent. */
function withoutNulls(record: EntityRecord): EntityRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as unknown as EntityRecord;
}
