/**
 * "Did you mean ...?": entities of a workspace that are probably the same as a name being entered
 * (case, ä/ö/å, typos, legal suffixes, translations through aliases, abbreviations), with a score and
 * the reasons, from the shared matcher in domain/matching. The workshop type-ahead, the forms and
 * duplicate checks use it. Each workspace's index is kept and, when its change log moves on, caught
 * up from the log (created, edited, hidden, deleted and merged entities of the type) instead of being
 * rebuilt; a long gap or many removals rebuild it.
 */
import type { NodeType } from '../../domain/entities';
import { findCandidates, MatcherIndex, type EntityRecord } from '../../domain/matching';
import type { AppliedChange } from '../../domain/events';
import type { GraphNode } from '../../domain/graph';
import type { GraphDb } from '../infra/neo4j';
import { changesBetween } from './change-replay';
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
  /** Shared by concurrent requests; each catch-up chains onto the previous one. */
  index: Promise<MatcherIndex>;
}

const MAX_CACHED = 50;
/** Most log entries replayed into a cached index; a longer gap rebuilds it. */
const MAX_REPLAY = 5_000;
/** Rebuild when removed records take this share of the index's slots. */
const MAX_REMOVED_SHARE = 0.25;
/** The fields the matcher reads (nodes-for-matching returns these). */
const MATCH_FIELDS = ['name', 'aliases', 'nameEn', 'nameSv', 'businessId', 'website'] as const;

export class SimilarEntities {
  private readonly cache = new Map<string, CachedIndex>();

  constructor(
    private readonly db: GraphDb,
    // Kept for callers that construct it so; the seq now comes from workspace-seq.
    protected readonly reads: GraphReads,
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
    // Only the seq: reads.workspace() also counts the workspace's nodes, slow on a large workspace.
    const [workspace] = await this.db.read<{ seq: number }>('workspace-seq', { workspaceId });
    if (!workspace) return null;
    const key = `${workspaceId}\n${nodeType}`;
    const cached = this.cache.get(key);
    if (cached && cached.seq === workspace.seq) return cached.index;
    const seq = workspace.seq;
    const index =
      cached && cached.seq < seq
        ? cached.index.then((ix) => this.catchUp(ix, workspaceId, nodeType, cached.seq, seq))
        : this.build(workspaceId, nodeType);
    this.cache.delete(key);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, { seq, index });
    index.catch(() => this.cache.get(key)?.index === index && this.cache.delete(key));
    return index;
  }

  private async build(workspaceId: string, nodeType: NodeType): Promise<MatcherIndex> {
    const rows = await this.db.read<{ record: EntityRecord }>('nodes-for-matching', { workspaceId, nodeType });
    return new MatcherIndex(rows.map((r) => stripNulls(r.record)));
  }

  /** The index with the log's changes after `from` up to `to` applied to it (the nodes' events carry their fields). */
  private async catchUp(index: MatcherIndex, workspaceId: string, nodeType: NodeType, from: number, to: number): Promise<MatcherIndex> {
    const changes = await changesBetween(this.db, workspaceId, from, to, MAX_REPLAY);
    if (!changes || index.removedCount > index.size * MAX_REMOVED_SHARE) return this.build(workspaceId, nodeType);
    for (const change of changes) applyToIndex(index, nodeType, change);
    return index;
  }
}

function applyToIndex(index: MatcherIndex, nodeType: NodeType, change: AppliedChange): void {
  switch (change.event) {
    case 'node:created':
    case 'node:updated':
      if (change.node.type === nodeType) upsertNode(index, change.node);
      return;
    case 'node:deleted':
      if (change.node.type === nodeType) index.remove(change.node.id);
      return;
    case 'node:merged':
      if (change.node.type !== nodeType) return;
      index.remove(change.mergedId);
      upsertNode(index, change.node);
      return;
    default:
      // Links do not change what a name matches.
      return;
  }
}

/** A node from an event as the matcher's record; a hidden node leaves the index (as nodes-for-matching leaves it out). */
function upsertNode(index: MatcherIndex, node: GraphNode): void {
  if (node.hidden === true) {
    index.remove(node.id);
    return;
  }
  const record: Record<string, unknown> = { id: node.id, type: node.type };
  for (const field of MATCH_FIELDS) if (node[field] !== undefined && node[field] !== null) record[field] = node[field];
  index.upsert(record as unknown as EntityRecord);
}

/** Neo4j gives null for missing properties; the matcher expects them absent. */
function stripNulls(record: EntityRecord): EntityRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null)) as unknown as EntityRecord;
}
