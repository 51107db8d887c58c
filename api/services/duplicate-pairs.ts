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
import { MatcherIndex, type EntityRecord } from '../../domain/matching';
import type { GraphDb } from '../infra/neo4j';
import type { GraphReads } from './graph-reads';

export type DuplicateType = 'Organisation' | 'Person';

/** The lowest minScore a request may ask for (below it most pairs are noise). */
export const MIN_SCORE_FLOOR = 0.5;
/** Candidates asked for per record: a record with more probable duplicates than this is rare. */
const CANDIDATES_PER_RECORD = 10;
/** Records scored in full per query after blocking (the matcher's default is 300). */
const SCORED_PER_RECORD = 100;
const MAX_CACHED = 20;

export interface PairEnd {
  id: string;
  name: string;
}

export interface DuplicatePair {
  a: PairEnd;
  b: PairEnd;
  score: number;
  reasons: string[];
}

export interface DuplicateOptions {
  minScore?: number;
  candidatesPerRecord?: number;
  scoredPerRecord?: number;
}

/** Probable duplicate pairs among records of one type, best first (pure: no services). */
export function findDuplicatePairs(records: readonly EntityRecord[], type: DuplicateType, options: DuplicateOptions = {}): DuplicatePair[] {
  const { minScore = MIN_SCORE_FLOOR, candidatesPerRecord = CANDIDATES_PER_RECORD, scoredPerRecord = SCORED_PER_RECORD } = options;
  const index = new MatcherIndex(records);
  const pairs = new Map<string, DuplicatePair>();
  for (const record of records) {
    const candidates = index.findCandidates(record, { type, minScore, limit: candidatesPerRecord, maxScored: scoredPerRecord, excludeId: record.id });
    for (const c of candidates) {
      const [a, b] = record.id < c.record.id ? [record, c.record] : [c.record, record];
      const key = `${a.id}\n${b.id}`;
      const score = Math.round(c.score * 1000) / 1000;
      const seen = pairs.get(key);
      if (!seen || seen.score < score) pairs.set(key, { a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name }, score, reasons: c.reasons });
    }
  }
  return [...pairs.values()].sort((x, y) => y.score - x.score || x.a.name.localeCompare(y.a.name, 'fi') || x.b.name.localeCompare(y.b.name, 'fi'));
}

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
  pairs: DuplicatePair[];
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
      cached = { seq: workspace.seq, records: records.length, pairs: findDuplicatePairs(records, type) };
      this.cache.delete(key);
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, cached);
    }
    const matching = cached.pairs.filter((p) => p.score >= minScore);
    return { workspaceId, seq: cached.seq, type, records: cached.records, total: matching.length, items: matching.slice(0, limit) };
  }
}

/** Neo4j gives null for missing properties; the matcher expects them absent. */
function withoutNulls(record: EntityRecord): EntityRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as unknown as EntityRecord;
}
