import { z } from 'zod';
import { COLLECTIONS, IdSchema, ORGANISATION_TYPES, type NodeType } from '../../domain/entities';
import { optionalId, PagingSchema } from './common.schema';

/** Collections of a workspace's nodes (workspaces themselves live at /api/v1/workspaces). */
const NODE_COLLECTIONS = Object.keys(COLLECTIONS).filter((c) => c !== 'workspaces') as [string, ...string[]];

export const CollectionParamsSchema = z.object({
  workspaceId: IdSchema,
  collection: z.enum(NODE_COLLECTIONS),
});
export const NodeParamsSchema = CollectionParamsSchema.extend({ id: IdSchema });

export const nodeTypeOf = (collection: string) => COLLECTIONS[collection as keyof typeof COLLECTIONS] as NodeType;

export const NodeListQuerySchema = PagingSchema.extend({
  q: z.string().trim().min(1).max(200).optional().transform((v) => v ?? null),
  city: optionalId,
  region: optionalId,
  theme: optionalId,
  orgType: z.enum(ORGANISATION_TYPES).optional().transform((v) => v ?? null),
});

/** The version an edit was based on: in the body as baseVersion, or as If-Match: "3". */
export const BaseVersionSchema = z.coerce.number().int().positive().optional();

/** Splits baseVersion off a PATCH body; the rest is the type's partial update. */
export function splitUpdateBody(body: unknown): { patch: unknown; baseVersion: unknown } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { patch: body, baseVersion: undefined };
  const { baseVersion, ...patch } = body as Record<string, unknown>;
  return { patch, baseVersion };
}
