import { z } from 'zod';
import { DATA_CLASSES, pageQuerySchema, uuid } from './common.js';

// Freiraum: protected experimentation time (PRODUCT.md §3). Hours are numbers in half-hour steps.

export const PERIOD_KINDS = ['month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type FreiraumRequestStatus = (typeof REQUEST_STATUSES)[number];

export const PURPOSE_TYPES = ['exercise', 'use_case', 'experiment'] as const;
export type PurposeType = (typeof PURPOSE_TYPES)[number];

export const OUTCOMES = ['worked', 'partly', 'failed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const VISIBILITIES = ['private', 'team', 'organization'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The tool id a journal entry uses for a tool that is not in the AI policy. */
export const OTHER_TOOL_ID = 'other';

const halfHours = (max: number) =>
  z
    .number({ message: 'must be a number' })
    .refine((v) => Number.isFinite(v) && Math.round(v * 2) === v * 2, { message: 'must be in half-hour steps (0.5, 1, 1.5, …)' })
    .refine((v) => v >= 0, { message: 'must be 0 or more' })
    .refine((v) => v <= max, { message: `must be at most ${max} hours` });

export const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
/** A period key: `2026-11` for a month, `2026-Q4` for a quarter. */
export const periodKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { message: 'must be a period like 2026-11 or 2026-Q4' });

// ---------- Policy (admin) ----------

export const freiraumPolicySchema = z.object({
  periodKind: z.enum(PERIOD_KINDS),
  /** Hours each employee gets per period unless their manager sets otherwise. */
  defaultHours: z.number(),
  /** The most a manager may grant one person for one period. */
  maxHours: z.number(),
  /** Days a request may stay pending before it goes to the manager's manager. */
  escalationDays: z.number().int(),
});
export type FreiraumPolicy = z.infer<typeof freiraumPolicySchema>;

export const updateFreiraumPolicySchema = z
  .strictObject({
    periodKind: z.enum(PERIOD_KINDS).optional(),
    defaultHours: halfHours(200).optional(),
    maxHours: halfHours(200).optional(),
    escalationDays: z.number().int({ message: 'must be a whole number of days' }).min(1).max(60).optional(),
  })
  .refine((p) => p.defaultHours === undefined || p.maxHours === undefined || p.defaultHours <= p.maxHours, {
    path: ['defaultHours'],
    message: 'must not be more than maxHours',
  });
export type UpdateFreiraumPolicy = z.infer<typeof updateFreiraumPolicySchema>;

// ---------- Balance ----------

export const periodSchema = z.object({
  key: z.string(),
  kind: z.enum(PERIOD_KINDS),
  /** First day, inclusive (organisation time zone). */
  start: z.string(),
  /** First day of the next period (exclusive). */
  end: z.string(),
});
export type Period = z.infer<typeof periodSchema>;

export const balanceSchema = z.object({
  allocated: z.number(),
  pending: z.number(),
  approved: z.number(),
  /** Approved hours whose slot has passed. */
  used: z.number(),
  /** allocated − pending − approved */
  left: z.number(),
});
export type Balance = z.infer<typeof balanceSchema>;

export const balanceQuerySchema = z.strictObject({ period: periodKey.optional() });

export const myFreiraumSchema = z.object({
  period: periodSchema,
  previousPeriod: z.string(),
  nextPeriod: z.string(),
  /** Today in the organisation's time zone. */
  today: z.string(),
  balance: balanceSchema,
  policy: freiraumPolicySchema,
});
export type MyFreiraum = z.infer<typeof myFreiraumSchema>;

// ---------- Requests ----------

export const createFreiraumRequestSchema = z
  .strictObject({
    slotDate: isoDate,
    hours: halfHours(8).refine((v) => v > 0, { message: 'must be more than 0' }),
    purposeType: z.enum(PURPOSE_TYPES),
    /** A learning exercise (or module) item id, for purposeType "exercise". */
    exerciseId: uuid.optional(),
    /** A use case from the library, for purposeType "use_case". */
    useCaseId: uuid.optional(),
    /** What the time is for; required for a free experiment, optional otherwise. */
    purpose: z.string().trim().max(1000).default(''),
  })
  .superRefine((r, ctx) => {
    if (r.purposeType === 'exercise' && !r.exerciseId) ctx.addIssue({ code: 'custom', path: ['exerciseId'], message: 'is required for an exercise' });
    if (r.purposeType === 'use_case' && !r.useCaseId) ctx.addIssue({ code: 'custom', path: ['useCaseId'], message: 'is required for a use case' });
    if (r.purposeType === 'experiment' && r.purpose.length < 5)
      ctx.addIssue({ code: 'custom', path: ['purpose'], message: 'must describe the experiment (at least 5 characters)' });
  });
export type CreateFreiraumRequest = z.input<typeof createFreiraumRequestSchema>;

export const freiraumRequestSchema = z.object({
  id: uuid,
  userId: uuid,
  userName: z.string(),
  slotDate: z.string(),
  hours: z.number(),
  periodKey: z.string(),
  purposeType: z.enum(PURPOSE_TYPES),
  exerciseId: uuid.nullable(),
  useCaseId: uuid.nullable(),
  /** Title of the linked exercise's module or use case, if any. */
  purposeTitle: z.string().nullable(),
  purpose: z.string(),
  status: z.enum(REQUEST_STATUSES),
  decidedBy: uuid.nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the caller may approve or reject it now. */
  canDecide: z.boolean(),
  /** Whether the caller may cancel it now (the requester, pending or before the slot). */
  canCancel: z.boolean(),
  /** Whether a journal entry already refers to it. */
  hasJournalEntry: z.boolean(),
});
export type FreiraumRequest = z.infer<typeof freiraumRequestSchema>;

/** What a decider sees beside a request in the inbox. */
export const requestContextSchema = z.object({
  requesterBalance: balanceSchema,
  /** Others in the requester's team with pending or approved time on the same day. */
  teammatesAway: z.array(z.object({ userId: uuid, name: z.string(), hours: z.number(), status: z.enum(REQUEST_STATUSES) })),
});
export type RequestContext = z.infer<typeof requestContextSchema>;

export const inboxItemSchema = freiraumRequestSchema.extend({ context: requestContextSchema });
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const requestListQuerySchema = z.strictObject({
  period: periodKey.optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
});
export const requestListSchema = z.object({ items: z.array(freiraumRequestSchema) });
export const inboxSchema = z.object({ items: z.array(inboxItemSchema) });

export const freiraumDecisionSchema = z
  .strictObject({
    decision: z.enum(['approved', 'rejected']),
    note: z.string().trim().max(2000).default(''),
  })
  .refine((d) => d.decision !== 'rejected' || d.note.length >= 5, {
    path: ['note'],
    message: 'must give a reason for a rejection (at least 5 characters)',
  });
export type FreiraumDecision = z.input<typeof freiraumDecisionSchema>;

export const bulkDecisionSchema = z.strictObject({
  ids: z.array(uuid).min(1, { message: 'must name at least one request' }).max(100),
  decision: z.literal('approved'),
  note: z.string().trim().max(2000).default(''),
});
export type BulkDecision = z.input<typeof bulkDecisionSchema>;

export const bulkDecisionResultSchema = z.object({
  results: z.array(
    z.object({
      id: uuid,
      ok: z.boolean(),
      request: freiraumRequestSchema.optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export type BulkDecisionResult = z.infer<typeof bulkDecisionResultSchema>;

// ---------- Team (manager) ----------

export const teamMemberSchema = z.object({
  userId: uuid,
  name: z.string(),
  balance: balanceSchema,
  /** Whether the manager set this period's hours (otherwise the policy default applies). */
  customAllocation: z.boolean(),
});
export const teamFreiraumSchema = z.object({
  period: periodSchema,
  previousPeriod: z.string(),
  nextPeriod: z.string(),
  policy: freiraumPolicySchema,
  members: z.array(teamMemberSchema),
  totals: balanceSchema,
});
export type TeamFreiraum = z.infer<typeof teamFreiraumSchema>;

export const setAllocationSchema = z.strictObject({
  period: periodKey,
  hours: halfHours(200),
});
export type SetAllocation = z.infer<typeof setAllocationSchema>;

// ---------- Delegation (manager absence) ----------

export const delegationSchema = z.object({
  id: uuid,
  managerId: uuid,
  managerName: z.string(),
  delegateId: uuid,
  delegateName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  createdAt: z.string(),
});
export type Delegation = z.infer<typeof delegationSchema>;

export const createDelegationSchema = z
  .strictObject({ delegateId: uuid, startsOn: isoDate, endsOn: isoDate })
  .refine((d) => d.endsOn >= d.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });
export type CreateDelegation = z.infer<typeof createDelegationSchema>;

export const delegationListSchema = z.object({
  /** Delegations the caller named for their own absence. */
  given: z.array(delegationSchema),
  /** Delegations naming the caller. */
  received: z.array(delegationSchema),
});

// ---------- Journal ----------

export const createJournalEntrySchema = z
  .strictObject({
    requestId: uuid.optional(),
    goal: z.string().trim().min(5, { message: 'must say what you tried (at least 5 characters)' }).max(1000),
    /** An AI-policy tool id, or "other" with toolName. */
    toolId: z.string().trim().min(1, { message: 'is required' }).max(60),
    toolName: z.string().trim().max(100).optional(),
    dataClass: z.enum(DATA_CLASSES),
    outcome: z.enum(OUTCOMES),
    minutesSaved: z.number().int({ message: 'must be whole minutes' }).min(0).max(10000),
    learned: z.string().trim().min(5, { message: 'must say what you learned (at least 5 characters)' }).max(4000),
    visibility: z.enum(VISIBILITIES).default('private'),
  })
  .refine((e) => e.toolId !== OTHER_TOOL_ID || (e.toolName?.length ?? 0) >= 2, { path: ['toolName'], message: 'is required for another tool' });
export type CreateJournalEntry = z.input<typeof createJournalEntrySchema>;

export const journalFlagSchema = z.object({
  id: uuid,
  status: z.enum(['open', 'cleared', 'confirmed']),
  reason: z.enum(['unlisted_tool', 'class_not_allowed']),
  decisionNote: z.string().nullable(),
});

export const journalEntrySchema = z.object({
  id: uuid,
  userId: uuid,
  /** "Former colleague" once the author is erased. */
  authorName: z.string(),
  requestId: uuid.nullable(),
  goal: z.string(),
  toolId: z.string(),
  toolName: z.string(),
  dataClass: z.enum(DATA_CLASSES),
  outcome: z.enum(OUTCOMES),
  minutesSaved: z.number().int(),
  learned: z.string(),
  visibility: z.enum(VISIBILITIES),
  flag: journalFlagSchema.nullable(),
  /** Why it cannot be shared now, if so. */
  shareBlockedReason: z.string().nullable(),
  kudosCount: z.number().int(),
  kudosByMe: z.boolean(),
  /** Set once promoted to the use-case library. */
  useCaseId: uuid.nullable(),
  createdAt: z.string(),
  /** What the caller may do with it. */
  canGiveKudos: z.boolean(),
  canPromote: z.boolean(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalListSchema = z.object({ items: z.array(journalEntrySchema), total: z.number().int() });

export const updateJournalVisibilitySchema = z.strictObject({ visibility: z.enum(VISIBILITIES) });
export type UpdateJournalVisibility = z.infer<typeof updateJournalVisibilitySchema>;

export const feedQuerySchema = pageQuerySchema.extend({
  outcome: z.enum(OUTCOMES).optional(),
  scope: z.enum(['all', 'team']).default('all'),
});

export const kudosResultSchema = z.object({ kudosCount: z.number().int(), kudosByMe: z.boolean() });

// ---------- Use-case library ----------

export const useCaseSchema = z.object({
  id: uuid,
  title: z.string(),
  summary: z.string(),
  entryId: uuid,
  outcome: z.enum(OUTCOMES),
  minutesSaved: z.number().int(),
  toolId: z.string(),
  toolName: z.string(),
  trackId: uuid.nullable(),
  trackName: z.string().nullable(),
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
  authorId: uuid.nullable(),
  /** Credited author; "former colleague" once erased. */
  authorName: z.string(),
  promotedByName: z.string(),
  createdAt: z.string(),
});
export type UseCase = z.infer<typeof useCaseSchema>;

export const useCaseQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  trackId: uuid.optional(),
  departmentId: uuid.optional(),
  toolId: z.string().max(60).optional(),
});
export const useCaseListSchema = z.object({ items: z.array(useCaseSchema), total: z.number().int() });

export const promoteEntrySchema = z.strictObject({
  entryId: uuid,
  title: z.string().trim().min(5, { message: 'must be at least 5 characters' }).max(200),
  summary: z.string().trim().min(10, { message: 'must be at least 10 characters' }).max(4000),
});
export type PromoteEntry = z.infer<typeof promoteEntrySchema>;
