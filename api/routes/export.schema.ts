import { z } from 'zod';
import { CSV_PARTS, EXPORT_FORMATS } from '../services/export/formats';
import { GraphQuerySchema } from './workspaces.schema';

/** The graph read's filters (a saved view's), the format, and for CSV which part. */
export const ExportQuerySchema = GraphQuerySchema.extend({
  format: z.enum(EXPORT_FORMATS).default('json'),
  part: z.enum(CSV_PARTS).default('nodes'),
});
