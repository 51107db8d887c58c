import { z } from 'zod';
import { optionalId, NodeTypeListSchema } from './common.schema';

export const GraphQuerySchema = z.object({
  types: NodeTypeListSchema.optional().transform((v) => v ?? null),
  city: optionalId,
  region: optionalId,
  theme: optionalId,
});
