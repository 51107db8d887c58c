import { z } from 'zod';
import { IdSchema } from '../../domain/entities';

/** GET …/nodes/:id/ego */
export const EgoParamsSchema = z.object({ workspaceId: IdSchema, id: IdSchema });
export const EgoQuerySchema = z.object({
  /** Steps from the node: 1, 2 or 3. */
  depth: z.coerce.number().int().min(1).max(3).default(1),
});

/** GET …/paths?from=&to=&max= */
export const PathsQuerySchema = z
  .object({
    from: IdSchema,
    to: IdSchema,
    /** The longest path worth showing, in steps (at most 6). */
    max: z.coerce.number().int().min(1).max(6).default(4),
  })
  .refine((q) => q.from !== q.to, { message: 'from and to must be different nodes', path: ['to'] });
