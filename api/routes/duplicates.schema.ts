import { z } from 'zod';
import { MATCH_THRESHOLD } from '../../domain/matching';
import { MIN_SCORE_FLOOR } from '../services/duplicate-pairs';

/** GET …/duplicates: which records, how sure (default: the matcher's "probably the same"), how many. */
export const DuplicatesQuerySchema = z.object({
  type: z
    .enum(['organisation', 'person'])
    .default('organisation')
    .transform((t) => (t === 'person' ? ('Person' as const) : ('Organisation' as const))),
  minScore: z.coerce.number().min(MIN_SCORE_FLOOR).max(1).default(MATCH_THRESHOLD),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
