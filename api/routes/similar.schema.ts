import { z } from 'zod';
import { NodeTypeSchema } from '../../domain/entities';

export const SimilarQuerySchema = z.object({
  type: NodeTypeSchema.default('Organisation'),
  name: z.string().trim().min(1, 'give the name being entered').max(300),
  limit: z.coerce.number().int().min(1).max(20).default(5),
  minScore: z.coerce.number().min(0).max(1).default(0.5),
});
