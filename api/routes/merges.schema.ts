import { z } from 'zod';
import { IdSchema } from '../../domain/entities';
import { WorkspaceParamsSchema } from './common.schema';

/** POST …/merges: merge mergedId into survivorId (same type, same workspace). */
export const MergeBodySchema = z
  .object({ survivorId: IdSchema, mergedId: IdSchema })
  .strict()
  .refine((m) => m.survivorId !== m.mergedId, { message: 'a node cannot be merged into itself', path: ['mergedId'] });

/** POST …/merges/:changeId/undo: the merge change to undo. */
export const MergeChangeParamsSchema = WorkspaceParamsSchema.extend({ changeId: z.string().uuid() });
