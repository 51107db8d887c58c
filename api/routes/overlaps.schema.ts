import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../../domain/entities';

export const ProjectOverlapsParamsSchema = z.object({ workspaceId: IdSchema, id: IdSchema });

export const ProjectOverlapsQuerySchema = z.object({
  k: z.coerce.number().int().min(1).max(50).default(5),
  crossBoundary: z.enum(['city', 'region', 'none']).default('city'),
  minScore: z.coerce.number().min(0).max(1).default(0.05),
});

export const OverlapPairsQuerySchema = z
  .object({
    city: IdSchema.optional(),
    region: IdSchema.optional(),
    theme: IdSchema.optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    minScore: z.coerce.number().min(0).max(1).default(0.25),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'to must not be before from', path: ['to'] });

export const SpecialisationQuerySchema = z.object({ by: z.enum(['city', 'region']).default('city') });

export const SpecialisationCellQuerySchema = SpecialisationQuerySchema.extend({
  place: IdSchema,
  theme: IdSchema,
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const suggestOptions = {
  limit: z.coerce.number().int().min(1).max(30).default(8),
  minScore: z.coerce.number().min(0).max(1).default(0.4),
};

export const SuggestQuerySchema = z.object({ text: z.string().trim().min(1, 'give the text to suggest themes for').max(20_000), ...suggestOptions });

export const SuggestBodySchema = z
  .object({
    name: z.string().max(500).optional(),
    nameEn: z.string().max(500).optional(),
    description: z.string().max(20_000).optional(),
    goals: z.array(z.string().max(2000)).max(100).optional(),
  })
  .strict()
  .refine((b) => Boolean(b.name?.trim() || b.nameEn?.trim() || b.description?.trim() || b.goals?.some((g) => g.trim())), {
    message: 'give at least one of name, nameEn, description, goals',
  });

export const SuggestBodyQuerySchema = z.object(suggestOptions);
