import { z } from 'zod';
import { IdSchema } from '../../domain/entities';
import { RelationshipTypeSchema } from '../../domain/relationships';
import { optionalId, PagingSchema } from './common.schema';

export const RelationshipParamsSchema = z.object({ workspaceId: IdSchema, id: IdSchema });

export const RelationshipListQuerySchema = PagingSchema.extend({
  type: RelationshipTypeSchema.optional().transform((v) => v ?? null),
  node: optionalId,
});

/** ?type= narrows the lookup of one relationship by id (ids are unique per type). */
export const RelationshipTypeQuerySchema = z.object({
  type: RelationshipTypeSchema.optional().transform((v) => v ?? null),
  wait: z.string().optional(),
});
