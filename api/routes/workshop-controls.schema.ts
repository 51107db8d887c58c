import { z } from 'zod';
import { IdSchema } from '../../domain/entities';
import { WorkshopCodeParamsSchema } from './workshops.schema';

/** /workshops/:code/entries/:id: an entry (node, or for DELETE also a link) of the workshop's workspace. */
export const WorkshopEntryParamsSchema = WorkshopCodeParamsSchema.extend({ id: IdSchema });

/** /workshops/:code/merges/:changeId/undo: the merge change to undo. */
export const WorkshopMergeChangeParamsSchema = WorkshopCodeParamsSchema.extend({ changeId: z.string().uuid() });

export const WorkshopExportQuerySchema = z.object({ format: z.enum(['json', 'csv']).default('json') });
