/**
 * Merging two nodes and undoing a merge, for editors (…/merges) and workshop facilitators
 * (/workshops/:code/merge): each is one change through the queue and the change log. The prechecks
 * give the 4xx at once; the worker checks again when it applies the change.
 */
import type { Change } from '../../domain/changes';
import type { JobResult } from '../../domain/jobs';
import type { GraphReads } from '../services/graph-reads';
import { changeIdsFor } from './change-ids';
import { changeHeader, type ChangeOrigin, type ChangeSubmitter, type WriteContext } from './submit-changes';
import { unmergeTargetOf } from './unmerge';
import { entryNodeType, precheckMerge } from './workshop-controls';

export interface MergeRequest {
  survivorId: string;
  mergedId: string;
}

/** What a merge or unmerge change carries besides its op: the workshop it was made in, if any. */


export async function submitMerge(
  reads: GraphReads,
  submitter: ChangeSubmitter,
  ctx: WriteContext,
  { survivorId, mergedId }: MergeRequest,
  origin: Pick<ChangeOrigin, 'workshopId'> = {},
): Promise<{ changeId: string; result: JobResult | null }> {
  const claim = await submitter.claimKey(ctx, { op: 'node:merge', ...origin, survivorId, mergedId });
  let nodeType: Awaited<ReturnType<typeof precheckMerge>> | undefined;
  await claim.precheck(async () => (nodeType = await precheckMerge(reads, ctx.workspaceId, survivorId, mergedId)));
  // A replay (the merged node may be gone by now): the survivor's type is the merge's.
  nodeType ??= await entryNodeType(reads, ctx.workspaceId, survivorId);
  const [changeId] = changeIdsFor(ctx.workspaceId, ctx.idempotencyKey, 1);
  const change: Change = { ...changeHeader(ctx, changeId, origin), op: 'node:merge', nodeType, nodeId: survivorId, mergedId };
  return { changeId, result: await submitter.submitOne(change, ctx) };
}

export async function submitUnmerge(
  reads: GraphReads,
  submitter: ChangeSubmitter,
  ctx: WriteContext,
  mergeChangeId: string,
  origin: Pick<ChangeOrigin, 'workshopId'> = {},
): Promise<{ changeId: string; survivorId: string; result: JobResult | null }> {
  const claim = await submitter.claimKey(ctx, { op: 'node:unmerge', ...origin, mergeChangeId });
  let target: Awaited<ReturnType<typeof unmergeTargetOf>> | undefined;
  await claim.precheck(async () => (target = await unmergeTargetOf(reads, ctx.workspaceId, mergeChangeId)));
  // A replay: this very change may have undone the merge already.
  target ??= await unmergeTargetOf(reads, ctx.workspaceId, mergeChangeId, true);
  const [changeId] = changeIdsFor(ctx.workspaceId, ctx.idempotencyKey, 1);
  const change: Change = { ...changeHeader(ctx, changeId, origin), op: 'node:unmerge', ...target };
  return { changeId, survivorId: target.nodeId, result: await submitter.submitOne(change, ctx) };
}
