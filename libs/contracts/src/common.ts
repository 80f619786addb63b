import { z } from 'zod';

export const ROLES = ['employee', 'manager', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** Roles only an admin may grant or remove (PRODUCT.md §1). */
export const PRIVILEGED_ROLES = ['hr', 'admin'] as const satisfies readonly Role[];

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DATA_CLASSES = ['public', 'internal', 'confidential', 'personal'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const PASSWORD_MIN_LENGTH = 12;

export const uuid = z.uuid();
export const email = z
  .email({ message: 'must be a valid e-mail address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(256);
export const personName = z.string().trim().min(1, { message: 'must not be empty' }).max(100);

/** Every error leaving the API has this shape. */
export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const pageQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const okSchema = z.object({ ok: z.literal(true) });
