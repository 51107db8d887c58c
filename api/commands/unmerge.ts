/**
 * Undoing a merge from the change log: the merge's log entry holds what it changed (MergeUndo), which
 * becomes a node:unmerge change like any other write. 404 when the change is not in the workspace,
 * 422 NOT_A_MERGE for any other change (NOT_UNDOABLE for an import's chunk), 409 ALREADY_UNMERGED once it has been undone (the worker checks
 * again in its transaction, where two undos racing each other meet).
 */
import type { NodeUnmergeChange } from '../../domain/changes';
import { MergeUndoSchema } from '../../domain/changes';
import type { NodeType } from '../../domain/entities';
import { conflict, notFound, unprocessable } from '../errors';
import type { GraphReads } from '../services/graph-reads';

export type UnmergeTarget = Pick<NodeUnmergeChange, 'nodeType' | 'nodeId' | 'mergedId' | 'mergeChangeId' | 'undo'>;

/** replay: the same undo request again (its change may have been applied: the merge is then reverted by it). */
export async function unmergeTargetOf(reads: GraphReads, workspaceId: string, mergeChangeId: string, replay = false): Promise<UnmergeTarget> {
  const record = await reads.mergeRecord(workspaceId, mergeChangeId);
  if (!record) throw notFound('Change', mergeChangeId);
  if (record.op === 'import:applied') {
    throw unprocessable('NOT_UNDOABLE', `Change "${mergeChangeId}" is a chunk of an import: imports cannot be undone from the change log (edit or delete the imported nodes instead)`);
  }
  if (record.op !== 'node:merged') throw unprocessable('NOT_A_MERGE', `Change "${mergeChangeId}" is a ${record.op}, not a merge`);
  if (record.revertedBy && !replay) throw conflict('ALREADY_UNMERGED', `The merge "${mergeChangeId}" was undone by change "${record.revertedBy}"`, { revertedBy: record.revertedBy });
  const undo = record.undo === null ? null : MergeUndoSchema.safeParse(JSON.parse(record.undo));
  if (!undo?.success) throw unprocessable('NOT_UNDOABLE', `The merge "${mergeChangeId}" was recorded without what undoing it needs`);
  const event = JSON.parse(record.event) as { node: { id: string; type: NodeType }; mergedId: string };
  return { nodeType: event.node.type, nodeId: event.node.id, mergedId: event.mergedId, mergeChangeId, undo: undo.data };
}
