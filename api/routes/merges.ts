/**
 * Merging duplicates outside workshops: POST …/merges {survivorId, mergedId} (node:merge: links move to
 * the survivor, parallel links collapse, names become aliases) and POST …/merges/:changeId/undo
 * (node:unmerge from the change log). Both are ordinary writes (X-Actor, Idempotency-Key, ?wait=true).
 */
import { Router } from 'express';
import { submitMerge, submitUnmerge } from '../commands/merges';
import { WorkspaceParamsSchema } from './common.schema';
import type { ApiDeps } from './deps';
import { MergeBodySchema, MergeChangeParamsSchema } from './merges.schema';
import { writeContext } from './request-context';
import { parse } from './validate';
import { sendWriteResult } from './write-response';

export function mergesRouter({ reads, submitter }: ApiDeps): Router {
  const router = Router();

  router.post('/workspaces/:workspaceId/merges', async (req, res) => {
    const { workspaceId } = parse(WorkspaceParamsSchema, req.params, 'params');
    const body = parse(MergeBodySchema, req.body);
    const { changeId, result } = await submitMerge(reads, submitter, writeContext(req, workspaceId), body);
    sendWriteResult(res, { workspaceId, changeId, id: body.survivorId }, result, 200);
  });

  router.post('/workspaces/:workspaceId/merges/:changeId/undo', async (req, res) => {
    const { workspaceId, changeId: mergeChangeId } = parse(MergeChangeParamsSchema, req.params, 'params');
    const { changeId, survivorId, result } = await submitUnmerge(reads, submitter, writeContext(req, workspaceId), mergeChangeId);
    sendWriteResult(res, { workspaceId, changeId, id: survivorId }, result, 200);
  });

  return router;
}
