/**
 * How a write answers: 202 with the change id while the worker has not applied it (or the caller
 * did not wait), otherwise the applied change's sequence number and the stored entity.
 */
import type { Response } from 'express';
import type { AppliedChange } from '../../domain/events';
import type { JobResult } from '../../domain/jobs';
import { AppError } from '../errors';

export function changeLocation(workspaceId: string, changeId: string) {
  return `/api/v1/workspaces/${encodeURIComponent(workspaceId)}/changes/${changeId}`;
}

export function sendWriteResult(
  res: Response,
  ids: { workspaceId: string; changeId: string; id: string },
  result: JobResult | null,
  appliedStatus: 200 | 201,
): void {
  if (!result) {
    res.status(202).location(changeLocation(ids.workspaceId, ids.changeId)).json({ changeId: ids.changeId, id: ids.id, status: 'queued' });
    return;
  }
  const applied = result.change?.changeId === ids.changeId ? result.change : undefined;
  if (!applied) {
    const failure = result.failed.find((f) => f.changeId === ids.changeId);
    throw new AppError(500, failure?.code ?? 'APPLY_FAILED', failure?.reason ?? 'The change was not applied');
  }
  res.status(appliedStatus).json({ changeId: ids.changeId, id: ids.id, status: 'applied', seq: applied.seq, ...entityOf(applied) });
}

function entityOf(applied: AppliedChange): Record<string, unknown> {
  if (applied.event === 'node:merged') return { node: applied.node, mergedId: applied.mergedId, movedEdges: applied.movedEdges, collapsedEdges: applied.collapsedEdges ?? [] };
  if (applied.event === 'node:unmerged') return { node: applied.node, restored: applied.restored, edges: applied.edges, mergeChangeId: applied.mergeChangeId };
  if (applied.event === 'import:applied') return {};
  if ('node' in applied) return applied.event === 'node:deleted' ? {} : { node: applied.node };
  return applied.event === 'relationship:deleted' ? {} : { edge: applied.edge };
}
