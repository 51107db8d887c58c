/**
 * "Did you mean ...?": entities of a workspace that are probably the same as a name being entered
 * (case, ä/ö/å, typos, legal suffixes, translations through aliases, abbreviations), with a score and
 * the reasons, from the shared matcher in domain/matching. The workshop type-ahead, the forms and
 * duplicate checks use it. Each workspace's index is kept (a FollowedIndex) and, when its change log
 * moves on, caught up from the log (created, edited, hidden, deleted and merged entities of the type)
 * instead of being rebuilt, in the background once the worker announces the new seq, so a request
 * seldom waits; a long gap or many removals rebuild it.
 */
import type { NodeType } from '../../domain/entities';
import { findCandidates, MatcherIndex, type EntityRecord } from '../../domain/matching';
import { perEntityEvents, type AppliedChange } from '../../domain/events';
import type { GraphNode } from '../../domain/graph';
import type { GraphDb } from '../infra/neo4j';
import { graphSeqs, type SeqSource } from '../infra/workspace-seq';
import { changesBetween } from './change-replay';
import { FollowedIndex, followedFrom, timeSliced } from './followed-index';

export interface SimilarEntity {
  id: string;
  type: NodeType;
  name: string;
  score: number;
  reasons: string[];
}

const MAX_CACHED = 50;
/** Most log entries replayed into a cached index; a longer gap rebuilds it. */
const MAX_REPLAY = 5_000;
/** Rebuild when removed records take this share of the index's slots. */
const MAX_REMOVED_SHARE = 0.25;
/** The fields the matcher reads (nodes-for-matching returns these). */
const MATCH_FIELDS = ['name', 'aliases', 'nameEn', 'nameSv', 'businessId', 'website'] as const;

export class SimilarEntities {
  /** Per workspace and node type. */
  private readonly indexes = new Map<string, FollowedIndex<MatcherIndex>>();
  private readonly seqs: SeqSource;

  constructor(
    private readonly db: GraphDb,
    seqs?: SeqSource,
  ) {
    this.seqs = seqs ?? graphSeqs(db);
    // Numbers the worker announces: the workspace's indexes catch up before the next request asks.
    this.seqs.onRaised?.(({ workspaceId, seq }) => {
      for (const [key, followed] of this.indexes) if (key.startsWith(`${workspaceId}\n`)) followed.follow(seq);
    });
  }

  /** Candidates for a name; null: no such workspace. Throws IndexBuilding while a new index is built for over coldWaitMs. */
  async find(workspaceId: string, nodeType: NodeType, name: string, limit: number, minScore: number, options: { coldWaitMs?: number } = {}): Promise<SimilarEntity[] | null> {
    const index = await this.indexOf(workspaceId, nodeType, options.coldWaitMs);
    if (!index) return null;
    return findCandidates({ name, type: nodeType }, index, { limit, minScore, type: nodeType }).map((c) => ({
      id: c.record.id,
      type: nodeType,
      name: c.record.name,
      score: Math.round(c.score * 1000) / 1000,
      reasons: c.reasons,
    }));
  }

  private async indexOf(workspaceId: string, nodeType: NodeType, coldWaitMs?: number): Promise<MatcherIndex | null> {
    const seq = await this.seqs.current(workspaceId);
    if (seq === null) return null;
    const key = `${workspaceId}\n${nodeType}`;
    const followed = followedFrom(this.indexes, key, MAX_CACHED, () =>
      new FollowedIndex<MatcherIndex>({
        build: () => this.build(workspaceId, nodeType),
        catchUp: (index, from, to) => this.catchUp(index, workspaceId, nodeType, from, to),
      }),
    );
    return followed.at(seq, { coldWaitMs, what: `${nodeType} name index of workspace "${workspaceId}"` });
  }

  /** Reads the names and indexes them in time slices (100,000 organisations take seconds). */
  private async build(workspaceId: string, nodeType: NodeType): Promise<MatcherIndex> {
    const rows = await this.db.read<{ record: EntityRecord }>('nodes-for-matching', { workspaceId, nodeType });
    const index = new MatcherIndex();
    await timeSliced(rows, (r) => index.add(stripNulls(r.record)));
    return index;
  }

  /** The index with the log's changes after `from` up to `to` applied to it (the nodes' events carry their fields). */
  private async catchUp(index: MatcherIndex, workspaceId: string, nodeType: NodeType, from: number, to: number): Promise<MatcherIndex> {
    const changes = await changesBetween(this.db, workspaceId, from, to, MAX_REPLAY, this.seqs);
    if (!changes || index.removedCount > index.size * MAX_REMOVED_SHARE) return this.build(workspaceId, nodeType);
    const events = perEntityEvents(changes);
    // An event this code does not know (e.g. a new kind) may carry entities: rebuild.
    if (events.some((c) => !KNOWN_EVENTS.has(c.event))) return this.build(workspaceId, nodeType);
    for (const change of events) applyToIndex(index, nodeType, change);
    return index;
  }
}

/** The events applyToIndex knows (links among them: they do not change what a name matches). */
const KNOWN_EVENTS: ReadonlySet<string> = new Set(['node:created', 'node:updated', 'node:deleted', 'node:merged', 'node:unmerged', 'relationship:created', 'relationship:updated', 'relationship:deleted']);

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
    case 'node:unmerged':
      // The merged entity is back, and the survivor as it was before the merge.
      if (change.restored.type === nodeType) upsertNode(index, change.restored);
      if (change.node.type === nodeType) upsertNode(index, change.node);
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
