import { z } from 'zod';
import { NodeTypeListSchema, optionalId } from './common.schema';

/** The stored metrics a top list can be ordered by (see worker/metrics/compute.ts). */
export const METRIC_NAMES = ['degree', 'weightedDegree', 'betweenness', 'closeness', 'pagerank', 'eigenvector', 'kcore', 'brokerCities'] as const;

export const MetricsTopQuerySchema = z.object({
  metric: z.enum(METRIC_NAMES).default('pagerank'),
  /** Node types, comma-separated (e.g. Organisation). */
  type: NodeTypeListSchema.optional().transform((v) => v ?? null),
  city: z.literal('').transform(() => null).or(optionalId),
  theme: z.literal('').transform(() => null).or(optionalId),
  limit: z.coerce.number().int().min(1).max(500).default(20),
});
