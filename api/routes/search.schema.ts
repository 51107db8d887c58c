import { z } from 'zod';
import { NodeTypeListSchema, optionalId } from './common.schema';

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'give something to search for').max(200),
  workspace: optionalId,
  types: NodeTypeListSchema.optional().transform((v) => v ?? null),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
