import { z } from 'zod';

/** GET …/summary: how many entries each ranked list of the printable summary holds. */
export const SummaryQuerySchema = z.object({
  top: z.coerce.number().int().min(1).max(50).default(8),
});
