import { z } from 'zod';

/** Stored and compared lower-cased: one account per address whatever its capitals. */
export const EmailSchema = z.string().trim().toLowerCase().email('expected an e-mail address').max(254);

export const RegisterSchema = z
  .object({
    email: EmailSchema,
    password: z.string().min(10, 'at least 10 characters').max(200),
    displayName: z.string().trim().min(1, 'must not be empty').max(100).transform((s) => s.normalize('NFC')),
  })
  .strict();

export const LoginSchema = z
  .object({
    email: EmailSchema,
    password: z.string().min(1, 'must not be empty').max(200),
  })
  .strict();
