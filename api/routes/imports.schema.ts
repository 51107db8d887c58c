import { z } from 'zod';
import { IdSchema } from '../../domain/entities';
import { IMPORT_FORMATS, ImportEntityTypeSchema, ImportMappingSchema } from '../../domain/imports';

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** mapping is JSON in the query: {"Nimi": "name", "Y-tunnus": "businessId"}. */
const MappingQuerySchema = z
  .string()
  .max(20_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'expected JSON: {"column": "field"}' });
      return z.NEVER;
    }
  })
  .pipe(ImportMappingSchema);

export const ImportQuerySchema = z.object({
  dryRun: flag.default('false'),
  /** Apply the good rows even if some are bad (default false: any bad row and nothing is stored). */
  skipBad: flag.default('false'),
  entityType: ImportEntityTypeSchema.optional(),
  mapping: MappingQuerySchema.optional(),
  /** Overrides the format the Content-Type says (e.g. application/xml for both GraphML and GEXF). */
  format: z.enum(IMPORT_FORMATS).optional(),
});

export const ImportParamsSchema = z.object({ workspaceId: IdSchema, importId: z.string().uuid() });
