/**
 * "Did you mean ...?": entities of a workspace that are probably the same as a name being entered
 * (case, ä/ö/å, typos, legal suffixes, translations through aliases, abbreviations), with a score and
 * the reasons, from the shared matcher in domain/matching. The workshop type-ahead, the forms and
 * duplicate checks use it. Each workspace's index is kept until its change log moves on.
 */
import type { NodeType } from '../../domain/entities';
import { findCandidates, MatcherIndex, type EntityRecord } from '../../domain/matching';
import type { GraphDb } from '../infra/neo4j';
import type { GraphReads } from './graph-reads';

export interface SimilarEntity {
  id: string;
  type: NodeType;
  name: string;
  score: number;
  reasons: string[];
}

interface CachedIndex {
  seq: number;
  index: MatcherIndex;
}

const MAX_CACHED = 50;

export class SimilarEntities {
  private readonly cache = new Map<string, CachedIndex>();

  constructor(
    private readonly db: GraphDb,
    private readonly reads: GraphReads,
  ) {}

  async find(workspaceId: string, nodeType: NodeType, name: string, limit: number, minScore: number): Promise<SimilarEntity[] | null> {
    const index = await this.indexOf(workspaceId, nodeType);
    if (!index) return null;
    return findCandidates({ name, type: nodeType }, index, { limit, minScore, type: nodeType }).map((c) => ({
      id: c.record.id,
      type: nodeType,
      name: c.record.name,
      score: Math.round(c.score * 1000) / 1000,
      reasons: c.reasons,
    }));
  }

  private async indexOf(workspaceId: string, nodeType: NodeType): Promise<MatcherIndex | null> {
    const workspace = await this.reads.workspace(workspaceId);
    if (!workspace) return null;
    const key = `${workspaceId}\n${nodeType}`;
    const cached = this.cache.get(key);
    if (cached && cached.seq === workspace.seq) return cached.index;
    const rows = await this.db.read<{ record: EntityRecord }>('nodes-for-matching', { workspaceId, nodeType });
    const index = new MatcherIndex(rows.map((r) => stripNulls(r.record)));
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { seq: workspace.seq, index });
    return index;
  }
}

/** Neo4j gives null for missing properties; the matcher expects them absent. */
function stripNulls(record: EntityRecord): EntityRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as unknown as EntityRecord;
}
