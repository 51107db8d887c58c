import { z } from 'zod';
import { IdSchema } from '../../domain/entities';
import { CSV_PARTS, EXPORT_FORMATS } from '../services/export/formats';
import { GraphQuerySchema } from './workspaces.schema';

/** The graph read's filters (a saved view's), the format, and for CSV which part. */
export const ExportQuerySchema = GraphQuerySchema.extend({
  format: z.enum(EXPORT_FORMATS).default('json'),
  part: z.enum(CSV_PARTS).default('nodes'),
  /** A saved view of the workspace: its filter is applied (with the query's types/city/region/theme; it replaces from/to/metrics). */
  view: IdSchema.optional(),
});
