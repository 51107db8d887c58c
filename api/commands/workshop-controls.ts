/**
 * A workshop facilitator's controls over the entries on the map: hide or show a node, delete a node or
 * link, merge two nodes into one. Each is an ordinary change (node:update with hidden, node:delete,
 * relationship:delete, node:merge) made by `facilitator:<userId>` in the workshop; these prechecks give
 * the 404/422 at once, the worker checks again when it applies the change.
 */
import type { NodeType } from '../../domain/entities';
import type { RelationshipType } from '../../domain/relationships';
import { AppError, notFound, type ErrorDetail } from '../errors';
import type { GraphReads } from '../services/graph-reads';

export const facilitatorActor = (userId: string) => `facilitator:${userId}`;

/** The type of a node of the workspace (404 when there is none with this id). */
export async function entryNodeType(reads: GraphReads, workspaceId: string, id: string): Promise<NodeType> {
  const node = (await reads.lookup(workspaceId, [id])).get(id);
  if (!node?.type || !node.inWorkspace || node.type === 'Workspace') throw notFound('Entry', id);
  return node.type;
}

/** A node or, failing that, a link of the workspace with this id (404 when neither). */
export async function entryOf(reads: GraphReads, workspaceId: string, id: string): Promise<{ nodeType: NodeType } | { relType: RelationshipType }> {
  const node = (await reads.lookup(workspaceId, [id])).get(id);
  if (node?.type && node.inWorkspace && node.type !== 'Workspace') return { nodeType: node.type };
  const edge = await reads.relationship(workspaceId, null, id);
  if (edge) return { relType: edge.type };
  throw notFound('Entry', id);
}

/** Both nodes must be in the workspace (422 MERGE_NOT_FOUND) and of one type (422 MERGE_TYPE_MISMATCH); the type. */
export async function precheckMerge(reads: GraphReads, workspaceId: string, survivorId: string, mergedId: string): Promise<NodeType> {
  const found = await reads.lookup(workspaceId, [survivorId, mergedId]);
  const missing: ErrorDetail[] = [];
  for (const [path, id] of [['survivorId', survivorId], ['mergedId', mergedId]] as const) {
    const node = found.get(id);
    if (!node?.type || !node.inWorkspace || node.type === 'Workspace') missing.push({ path, message: `no node "${id}" in the workspace` });
  }
  if (missing.length) throw new AppError(422, 'MERGE_NOT_FOUND', 'Both nodes of a merge must be in the workspace', missing);
  const survivorType = found.get(survivorId)!.type!;
  const mergedType = found.get(mergedId)!.type!;
  if (survivorType !== mergedType) {
    throw new AppError(422, 'MERGE_TYPE_MISMATCH', `A ${mergedType} cannot be merged into a ${survivorType}`, [{ path: 'mergedId', message: `expected a ${survivorType}` }]);
  }
  return survivorType;
}
