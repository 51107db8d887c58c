import { z } from 'zod';
import { normaliseWorkshopCode, WORKSHOP_CODE_PATTERN, WORKSHOP_LANGUAGES, WORKSHOP_WRITE_TYPES } from '../../domain/workshops';

/** A workshop may run for at most this long ahead (participant tokens live until its end). */
const MAX_AHEAD_MS = 31 * 24 * 3600 * 1000;

export const WorkshopCodeParamsSchema = z.object({
  code: z
    .string()
    .transform(normaliseWorkshopCode)
    .pipe(z.string().regex(WORKSHOP_CODE_PATTERN, 'expected a 6-character workshop code')),
});

export const WorkshopCreateSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200).transform((s) => s.normalize('NFC')),
    language: z.enum(WORKSHOP_LANGUAGES),
    endsAt: z
      .string()
      .datetime({ offset: true, message: 'expected an ISO datetime, e.g. 2025-05-20T16:00:00+03:00' })
      .transform((s) => new Date(s).toISOString())
      .refine((s) => Date.parse(s) > Date.now(), 'must be in the future')
      .refine((s) => Date.parse(s) <= Date.now() + MAX_AHEAD_MS, 'must be within 31 days'),
    allowedTypes: z
      .array(z.enum(WORKSHOP_WRITE_TYPES))
      .min(1, 'allow at least one type')
      .transform((types) => WORKSHOP_WRITE_TYPES.filter((t) => types.includes(t)))
      .default([...WORKSHOP_WRITE_TYPES]),
  })
  .strict();

/** 1-60 characters after trimming; Finnish and Swedish letters in either Unicode form, no control characters. */
export const ParticipantJoinSchema = z
  .object({
    displayName: z
      .string()
      .transform((s) => s.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(1, 'must not be empty')
          .max(60, 'at most 60 characters')
          // eslint-disable-next-line no-control-regex
          .regex(/^[^\u0000-\u001f\u007f-\u009f]+$/, 'must not contain control characters'),
      ),
  })
  .strict();
