import type { z } from 'zod';
import { validationFailed } from '../errors';

/** Parses a part of the request with its zod schema; a failure is a 400 naming each field and reason. */
export function parse<S extends z.ZodTypeAny>(schema: S, value: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(result.error, where);
  return result.data;
}
