import { z } from 'zod';
import { IdSchema } from '../../domain/entities';
import { WorkshopCodeParamsSchema } from './workshops.schema';

/** /workshops/:code/entries/:id: an entry (node, or for DELETE also a link) of the workshop's workspace. */
export const WorkshopEntryParamsSchema = WorkshopCodeParamsSchema.extend({ id: IdSchema });

export const WorkshopMergeSchema = z
  .object({ survivorId: IdSchema, mergedId: IdSchema })
  .strict()
  .refine((m) => m.survivorId !== m.mergedId, { message: 'a node cannot be merged into itself', path: ['mergedId'] });

export const WorkshopExportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });
