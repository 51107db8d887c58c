/**
 * Turns changes into the $rows of the Cypher that applies them, and the rows that come back into
 * applied events. One op per query: node-create, node-update, ... (see cypher/queries).
 */
import type { Change, ChangeOp, MergeUndo } from '../domain/changes';
import type { CollapsedEdge, UnsequencedChange } from '../domain/events';
import type { GraphEdge, GraphNode } from '../domain/graph';
import { publicNode } from '../domain/privacy';
import { RELATIONSHIP_END_CONDITIONS, RELATIONSHIP_ENDS, type EndCondition } from '../domain/relationships';
import type { QueryName } from '../api/infra/cypher';
import { toNeo4jProps } from '../api/infra/mapper';

export const QUERY_FOR_OP: Record<Exclude<ChangeOp, 'import:chunk'>, QueryName> = {
  'node:create': 'node-create',
  'node:update': 'node-update',
  'node:delete': 'node-delete',
  'relationship:create': 'relationship-create',
  'relationship:update': 'relationship-update',
  'relationship:delete': 'relationship-delete',
  'node:merge': 'node-merge',
  'node:unmerge': 'node-unmerge',
};

/**
 * The query that applies a change: its op's, except add-or-get creates (which never overwrite). An import
 * chunk runs several (worker/import/apply-chunk.ts); its name here is its first.
 */
export const queryFor = (change: Change): QueryName =>
  change.op === 'import:chunk' ? 'import-nodes-create' : change.op === 'node:create' && change.addOrGet ? 'node-add-or-get' : QUERY_FOR_OP[change.op];

/** What a workshop participant's new node or link records about its origin. */
const originOf = (change: Change) => ({
  ...(change.participantId && { createdBy: change.participantId }),
  ...(change.workshopId && { workshopId: change.workshopId }),
});

/** An end condition as the create query checks it: the property, the allowed values, the code. */
const endCheck = (c: EndCondition | undefined) => (c ? { property: c.property, values: [...c.values], code: c.code } : null);

export function toRow(change: Change): Record<string, unknown> {
  const base = { changeId: change.id, workspaceId: change.workspaceId, at: change.at };
  switch (change.op) {
    case 'node:create':
      return { ...base, nodeType: change.nodeType, nodeId: change.nodeId, props: toNeo4jProps({ ...change.props, ...originOf(change) }) };
    case 'node:update': {
      const props = change.hidden === undefined ? change.props : { ...change.props, hidden: change.hidden };
      return { ...base, nodeType: change.nodeType, nodeId: change.nodeId, props: toNeo4jProps(props), baseVersion: change.baseVersion ?? null };
    }
    case 'node:delete':
      return { ...base, nodeType: change.nodeType, nodeId: change.nodeId };
    case 'relationship:create': {
      const ends = RELATIONSHIP_ENDS[change.relType];
      const conditions = RELATIONSHIP_END_CONDITIONS[change.relType];
      return {
        ...base,
        relType: change.relType,
        relId: change.relId,
        from: change.from,
        to: change.to,
        fromTypes: ends.from,
        toTypes: ends.to,
        fromCheck: endCheck(conditions?.from),
        toCheck: endCheck(conditions?.to),
        props: toNeo4jProps({ ...change.props, ...originOf(change) }),
      };
    }
    case 'relationship:update':
      return { ...base, relType: change.relType, relId: change.relId, props: toNeo4jProps(change.props) };
    case 'relationship:delete':
      return { ...base, relType: change.relType, relId: change.relId };
    case 'node:merge':
      return { ...base, nodeType: change.nodeType, survivorId: change.nodeId, mergedId: change.mergedId };
    case 'import:chunk':
      throw new Error('an import chunk is applied by applyImportChunk, not as a row');
    case 'node:unmerge': {
      const { undo } = change;
      return {
        ...base,
        nodeType: change.nodeType,
        survivorId: change.nodeId,
        mergedId: change.mergedId,
        mergeChangeId: change.mergeChangeId,
        merged: toNeo4jProps(undo.merged),
        aliasesBefore: undo.aliasesBefore,
        filled: undo.filled,
        moved: undo.moved,
        collapsed: undo.collapsed.map((c) => ({ ...c, props: toNeo4jProps(c.props) })),
        dropped: undo.dropped.map((d) => ({ ...d, props: toNeo4jProps(d.props) })),
      };
    }
  }
}

/** A row the apply queries return. */
export interface AppliedRow {
  changeId: string;
  error: string | null;
  currentVersion?: number | null;
  node?: GraphNode | null;
  edge?: GraphEdge | null;
  /** node-merge: the merged node's links, now the survivor's, and those that went into one of its own. */
  movedEdges?: GraphEdge[] | null;
  collapsedEdges?: CollapsedEdge[] | null;
  /** node-merge: what unmerge needs (kept in the change log, not sent to clients). */
  undo?: MergeUndo | null;
  /** node-unmerge: the merged node again, and its links. */
  restored?: GraphNode | null;
  edges?: GraphEdge[] | null;
}

/** The event clients receive for an applied change (seq is added once the log numbers it). */
export function toEvent(change: Change, row: AppliedRow): UnsequencedChange {
  const base = { changeId: change.id, workspaceId: change.workspaceId, actor: change.actor, at: change.at, ...(change.workshopId && { workshopId: change.workshopId }) };
  switch (change.op) {
    case 'node:create':
      return { ...base, event: 'node:created', node: publicNode(row.node!) };
    case 'node:update':
      return { ...base, event: 'node:updated', node: publicNode(row.node!) };
    case 'node:delete':
      return { ...base, event: 'node:deleted', node: { id: change.nodeId, type: change.nodeType } };
    case 'relationship:create':
      return { ...base, event: 'relationship:created', edge: row.edge! };
    case 'relationship:update':
      return { ...base, event: 'relationship:updated', edge: row.edge! };
    case 'relationship:delete':
      return { ...base, event: 'relationship:deleted', edge: { id: change.relId, type: change.relType } };
    case 'node:merge':
      return {
        ...base,
        event: 'node:merged',
        node: publicNode(row.node!),
        mergedId: change.mergedId,
        movedEdges: row.movedEdges ?? [],
        collapsedEdges: row.collapsedEdges ?? [],
      };
    case 'import:chunk':
      throw new Error('an import chunk is applied by applyImportChunk, not as a row');
    case 'node:unmerge':
      return {
        ...base,
        event: 'node:unmerged',
        node: publicNode(row.node!),
        restored: publicNode(row.restored!),
        mergeChangeId: change.mergeChangeId,
        edges: row.edges ?? [],
      };
  }
}
