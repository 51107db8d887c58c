import { z } from 'zod';
import { IsoDateSchema } from '../../domain/entities';
import { MetricRangeSchema, PeriodSchema } from '../../domain/views';
import type { GraphFilters } from '../services/graph-reads';
import { optionalId, NodeTypeListSchema } from './common.schema';
import { parse } from './validate';

/** "pagerank:0.01:0.2,degree:2:" -> [{metric: 'pagerank', min: 0.01, max: 0.2}, {metric: 'degree', min: 2, max: null}]. */
const MetricRangesQuerySchema = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .filter((part) => part.trim())
      .map((part) => {
        const [metric, min = '', max = ''] = part.split(':').map((p) => p.trim());
        const bound = (v: string) => (v === '' ? null : Number(v));
        return { metric, min: bound(min), max: bound(max) };
      }),
  )
  .pipe(z.array(MetricRangeSchema).min(1));

export const GraphQuerySchema = z.object({
  types: NodeTypeListSchema.optional().transform((v) => v ?? null),
  city: optionalId,
  region: optionalId,
  theme: optionalId,
  /** A period (YYYY-MM-DD): dated nodes overlapping it; undated nodes pass. */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  /** Metric ranges, "metric:min:max" separated by commas (either bound may be empty). */
  metrics: MetricRangesQuerySchema.optional(),
});

/** The graph filters of a parsed query: from, to and metrics as a view filter would give them. */
export function graphFiltersOf(query: z.infer<typeof GraphQuerySchema>): GraphFilters {
  const { types, city, region, theme, from, to, metrics } = query;
  const period = from || to ? parse(PeriodSchema, { from: from ?? null, to: to ?? null }, 'query') : null;
  const view = period || metrics ? { types: null, cities: [], regions: [], themes: [], period, metricRanges: metrics ?? [] } : null;
  return { types, city, region, theme, view };
}
