import { z } from 'zod';

/** GET …/skills: per region (default) or per city; JSON or CSV for spreadsheets. */
export const SkillsQuerySchema = z.object({
  by: z.enum(['region', 'city']).default('region'),
  format: z.enum(['json', 'csv']).default('json'),
});
