/**
 * The socket.io contract: event names (entity:verb) and payloads, shared by the API (which holds the
 * sockets), the worker (which emits through Redis) and the client, through socket.io's generics.
 */
import type { GraphEdge, GraphNode } from './graph';
import type { NodeType } from './entities';
import type { RelationshipType } from './relationships';
import type { ImportFinishedEvent, ImportProgressEvent } from './imports';
import type { SavedView } from './views';
import type { WorkshopJoinAck, WorkshopJoinRequest, WorkshopPresence, WorkshopStateChange } from './workshops';

interface AppliedBase {
  /** Position in the workspace's change log: strictly increasing, without gaps. */
  seq: number;
  changeId: string;
  workspaceId: string;
  actor: string;
  /** When the change was accepted (ISO). */
  at: string;
  /** The workshop the change was made in (participants' writes and facilitator controls). */
  workshopId?: string;
}

export type AppliedChange =
  | (AppliedBase & { event: 'node:created'; node: GraphNode })
  | (AppliedBase & { event: 'node:updated'; node: GraphNode })
  | (AppliedBase & { event: 'node:deleted'; node: { id: string; type: NodeType } })
  | (AppliedBase & { event: 'relationship:created'; edge: GraphEdge })
  | (AppliedBase & { event: 'relationship:updated'; edge: GraphEdge })
  | (AppliedBase & { event: 'relationship:deleted'; edge: { id: string; type: RelationshipType } })
  /** A facilitator merged mergedId into `node` (the survivor), which now has its links (movedEdges); mergedId is gone. */
  | (AppliedBase & { event: 'node:merged'; node: GraphNode; mergedId: string; movedEdges: GraphEdge[]; collapsedEdges?: CollapsedEdge[] })
  /**
   * A merge was undone: `restored` is back with its links (`edges`, which include the moved ones by their
   * ids, so a client removes those ids from the survivor first), and `node` is the survivor as it was.
   */
  | (AppliedBase & { event: 'node:unmerged'; node: GraphNode; restored: GraphNode; mergeChangeId: string; edges: GraphEdge[] })
  /**
   * One chunk of an import, applied as one change: the nodes and links it created and updated, as
   * stored, and the rows the worker could not apply (e.g. an id taken meanwhile). See ImportChunkChange.
   */
  | (AppliedBase & { event: 'import:applied'; importId: string; chunk: number; created: ImportedEntities; updated: ImportedEntities; failedRows: ImportRowFailure[] });
export interface ImportedEntities {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
/** A row of an import chunk that was not applied, with why (a rejection code and reason). */
export interface ImportRowFailure {
  row: number;
  sheet?: string;
  code: string;
  reason: string;
}
/** A link of the merged node that the survivor already had (same type, direction and other end): it went into that one. */
export interface CollapsedEdge {
  id: string;
  into: string;
}
/** An applied change before the change log numbers it. */
export type UnsequencedChange = AppliedChange extends infer C ? (C extends AppliedChange ? Omit<C, 'seq'> : never) : never;
export type AppliedEventName = AppliedChange['event'];
export const APPLIED_EVENT_NAMES: readonly AppliedEventName[] = [
  'node:created',
  'node:updated',
  'node:deleted',
  'relationship:created',
  'relationship:updated',
  'relationship:deleted',
  'node:merged',
  'node:unmerged',
  'import:applied',
];

/** Applied changes grouped by workspace, each group in the order given. */
export function byWorkspace(changes: Iterable<AppliedChange>): Map<string, AppliedChange[]> {
  const groups = new Map<string, AppliedChange[]>();
  for (const change of changes) {
    const group = groups.get(change.workspaceId);
    if (group) group.push(change);
    else groups.set(change.workspaceId, [change]);
  }
  return groups;
}

/** Applied changes as one event per node or link: an import chunk becomes its created and updated ones (same seq). */
export function perEntityEvents(changes: readonly AppliedChange[]): AppliedChange[] {
  return changes.flatMap((c): AppliedChange[] => {
    if (c.event !== 'import:applied') return [c];
    const { created, updated, importId: _i, chunk: _c, failedRows: _f, event: _e, ...base } = c;
    return [
      ...created.nodes.map((node) => ({ ...base, event: 'node:created' as const, node })),
      ...updated.nodes.map((node) => ({ ...base, event: 'node:updated' as const, node })),
      ...created.edges.map((edge) => ({ ...base, event: 'relationship:created' as const, edge })),
      ...updated.edges.map((edge) => ({ ...base, event: 'relationship:updated' as const, edge })),
    ];
  });
}

export interface ChangeFailed {
  changeId: string;
  workspaceId: string;
  code: string;
  reason: string;
  /** True once retries are exhausted or the change can never succeed. */
  final: boolean;
}

export interface JoinRequest {
  workspaceId: string;
  /** The last sequence number the client applied; the server replays everything after it. */
  lastSeq?: number;
  /**
   * Whether to receive 'metrics:updated' (default true). Workshop phones and projectors say false: the
   * event carries every node's metrics, and they do not show them.
   */
  metrics?: boolean;
  /**
   * Receive applied changes as one 'changes:applied' per worker batch instead of one event per change
   * (default false). The clients do: a workshop of 200 phones otherwise costs 200 socket writes per
   * change.
   */
  batched?: boolean;
}

/** The changes of one worker batch for one workspace, in seq order ('changes:applied'). */
export interface AppliedChangeBatch {
  workspaceId: string;
  changes: AppliedChange[];
}
export type JoinAck =
  | { ok: true; workspaceId: string; replayed: number; lastSeq: number }
  | { ok: false; code: string; message: string };

/** One node's stored metrics (see worker/metrics/compute.ts for the definitions). */
export interface NodeMetricsPayload {
  id: string;
  type: string;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  closeness: number;
  pagerank: number;
  /** null when the power iteration did not converge (see algorithmNotes). */
  eigenvector: number | null;
  community: number;
  kcore: number;
  broker: boolean;
  brokerCities: number;
  brokerRegions: number;
}
/** Network metrics of a workspace, recomputed (debounced) after its changes; derived, not in the change log. */
export interface MetricsUpdated {
  workspaceId: string;
  computedAt: string;
  /** Which algorithms ran and how (e.g. betweenness exact or sampled). */
  algorithmNotes: string[];
  modularity: number;
  communityCount: number;
  nodes: NodeMetricsPayload[];
}

/** One project that overlaps with the project an insight is about. */
export interface OverlapInsightItem {
  projectId: string;
  name: string;
  /** The city it is run in (its first), or null when none is known. */
  city: string | null;
  score: number;
  explanation: { fi: string; en: string };
}

/** The cross-city overlaps of a project just created or edited (worker → workspace room). */
export interface OverlapInsight {
  workspaceId: string;
  projectId: string;
  overlaps: OverlapInsightItem[];
  /** e.g. "Uusi hanke Vaasassa on päällekkäinen 2 hankkeen kanssa Kokkolassa ja Porissa." */
  message: { fi: string; en: string };
}

export type ServerToClientEvents = {
  [E in AppliedEventName]: (change: Extract<AppliedChange, { event: E }>) => void;
} & {
  'change:failed': (failure: ChangeFailed) => void;
  /** Sent after a join once the missed changes have been replayed. */
  'workspace:synced': (state: { workspaceId: string; lastSeq: number; replayed: number }) => void;
  /** To clients that joined with batched: true, instead of the per-change events. */
  'changes:applied': (batch: AppliedChangeBatch) => void;
  'workspace:error': (error: { code: string; message: string; field?: string }) => void;
  /** To a workshop's room whenever someone joins, leaves or drops away. */
  'workshop:presence': (presence: WorkshopPresence) => void;
  /** To a workshop's room when its facilitator pauses, resumes or closes it. */
  'workshop:state': (change: WorkshopStateChange) => void;
  /** To a workspace's room when its network metrics have been recomputed. */
  'metrics:updated': (metrics: MetricsUpdated) => void;
  /** To a workspace's room when a created or edited project overlaps with projects in other cities. */
  'insight:overlaps': (insight: OverlapInsight) => void;
  /** To a workspace's room while an import reads and applies a file (a few times a second at most). */
  'import:progress': (progress: ImportProgressEvent) => void;
  /** To a workspace's room when an import ends (done, rejected with bad rows, or failed). */
  'import:finished': (finished: ImportFinishedEvent) => void;
  /** To a workspace's room when a saved view is created or changed (also shared or revoked), or deleted. */
  'view:created': (view: SavedView) => void;
  'view:updated': (view: SavedView) => void;
  'view:deleted': (deleted: { workspaceId: string; id: string }) => void;
};

export interface ClientToServerEvents {
  'workspace:join': (request: JoinRequest, ack: (result: JoinAck) => void) => void;
  'workspace:leave': (request: { workspaceId: string }) => void;
  'workshop:join': (request: WorkshopJoinRequest, ack: (result: WorkshopJoinAck) => void) => void;
  'workshop:leave': (request: { code: string }) => void;
}

export type InterServerEvents = Record<string, never>;
export interface SocketData {
  workspaces: Set<string>;
}

/** socket.io room of a workspace. */
export const workspaceRoom = (workspaceId: string) => `workspace:${workspaceId}`;
/** The room of a workspace's clients that take applied changes one event each ('node:created', …). */
export const workspaceChangesRoom = (workspaceId: string) => `workspace-changes:${workspaceId}`;
/** The room of a workspace's clients that take applied changes in batches ('changes:applied'). */
export const workspaceBatchRoom = (workspaceId: string) => `workspace-batched:${workspaceId}`;
/** The room of a workspace's clients that want its metrics ('metrics:updated'). */
export const workspaceMetricsRoom = (workspaceId: string) => `workspace-metrics:${workspaceId}`;
