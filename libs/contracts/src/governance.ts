import { z } from 'zod';
import { DATA_CLASSES, uuid } from './common.js';

export const FLAG_STATUSES = ['open', 'cleared', 'confirmed'] as const;

export const flagSchema = z.object({
  id: uuid,
  userId: uuid,
  userName: z.string(),
  subjectType: z.string(),
  subjectId: uuid,
  toolName: z.string(),
  dataClass: z.enum(DATA_CLASSES),
  reason: z.enum(['unlisted_tool', 'class_not_allowed']),
  status: z.enum(FLAG_STATUSES),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the caller may decide this flag. */
  canDecide: z.boolean(),
});
export type Flag = z.infer<typeof flagSchema>;

export const flagListQuerySchema = z.strictObject({
  status: z.enum(FLAG_STATUSES).optional(),
  scope: z.enum(['to_decide', 'mine']).default('to_decide'),
});
export const flagListSchema = z.object({ items: z.array(flagSchema) });

export const flagDecisionSchema = z.strictObject({
  decision: z.enum(['cleared', 'confirmed']),
  note: z.string().trim().min(5, { message: 'must explain the decision (at least 5 characters)' }).max(2000),
});
export type FlagDecision = z.infer<typeof flagDecisionSchema>;
