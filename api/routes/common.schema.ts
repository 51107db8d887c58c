/** Query and path parts several routes share. */
import { z } from 'zod';
import { IdSchema, NODE_TYPES, type NodeType } from '../../domain/entities';

export const WorkspaceParamsSchema = z.object({ workspaceId: IdSchema });

export const PagingSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** "Organisation,Project" -> ['Organisation', 'Project']; every name must be a node type. */
export const NodeTypeListSchema = z
  .string()
  .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(z.enum(NODE_TYPES)).min(1))
  .transform((types) => types as NodeType[]);

export const optionalId = IdSchema.optional().transform((v) => v ?? null);
