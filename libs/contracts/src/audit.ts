import { z } from 'zod';
import { uuid } from './common.js';

export const auditEntrySchema = z.object({
  id: z.string(),
  actorId: uuid.nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /** Ids and values only, never names (PRODUCT.md §6). */
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  action: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  actorId: uuid.optional(),
  targetType: z.string().max(100).optional(),
  /** ISO date-time bounds on createdAt: from inclusive, to exclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export type AuditQuery = z.input<typeof auditQuerySchema>;

export const auditListSchema = z.object({ items: z.array(auditEntrySchema), total: z.number().int() });
export type AuditList = z.infer<typeof auditListSchema>;
