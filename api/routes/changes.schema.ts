import { z } from 'zod';
import { IdSchema } from '../../domain/entities';

export const ChangesSinceQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export const ChangeParamsSchema = z.object({ workspaceId: IdSchema, changeId: z.string().uuid() });

/** POST /api/v1/changes names its workspace in the body; the workspace route takes it from the path. */
export const BatchBodySchema = z.object({ workspaceId: IdSchema, changes: z.unknown() });
export const WorkspaceBatchBodySchema = z.object({ changes: z.unknown() });

export const FailedQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
