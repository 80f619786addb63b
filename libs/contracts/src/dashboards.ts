import { z } from 'zod';
import { uuid } from './common.js';
import { balanceSchema, periodSchema } from './freiraum.js';

// Dashboards (PRODUCT.md §4) with works-council privacy (§6). Every HR figure is a `Figure`: either a value,
// or suppressed because it covers fewer than `privacyThreshold` people ("small_group") or because showing
// it would let someone subtract their way to a suppressed one ("complementary").

export const SUPPRESSION_REASONS = ['small_group', 'complementary'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export const figureSchema = z.object({
  value: z.number().nullable(),
  /** Null when shown. */
  suppressed: z.enum(SUPPRESSION_REASONS).nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

const hrFilterShape = {
  /** Inclusive dates (organisation time zone). Default: the 30 days up to today. */
  from: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional(),
  to: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).optional(),
  departmentId: uuid.optional(),
  trackId: uuid.optional(),
};

function withRangeChecks<T extends z.ZodType<{ from?: string; to?: string }>>(schema: T) {
  return schema
    .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' })
    .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
      path: ['from'],
      message: 'the range may span at most one year',
    });
}

export const hrDashboardQuerySchema = withRangeChecks(z.strictObject(hrFilterShape));
export type HrDashboardQuery = z.infer<typeof hrDashboardQuerySchema>;

/** The headline figures for one group of people (everyone in the filter, or one breakdown row). */
export const groupFiguresSchema = z.object({
  /** People with a learning path (active accounts). */
  enrolled: figureSchema,
  /** People with a learning action, journal entry or Freiraum request in the range. */
  active: figureSchema,
  /** Modules completed ÷ modules of the people's paths, 0..1, as of the range's end. */
  completionRate: figureSchema,
  modulesCompleted: figureSchema,
  /** Freiraum hours of the periods the range touches: allocated; approved (slot in range); used (approved, slot passed). */
  freiraumAllocated: figureSchema,
  freiraumApproved: figureSchema,
  freiraumUsed: figureSchema,
  /** Journal entries shared (team or organisation) and logged in the range. */
  experimentsShared: figureSchema,
  outcomeWorked: figureSchema,
  outcomePartly: figureSchema,
  outcomeFailed: figureSchema,
  /** Estimated minutes saved, from journal entries logged in the range. */
  minutesSaved: figureSchema,
});
export type GroupFigures = z.infer<typeof groupFiguresSchema>;

export const breakdownRowSchema = z.object({ id: uuid.nullable(), name: z.string(), figures: groupFiguresSchema });
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

export const hrDashboardSchema = z.object({
  /** The range used, today and the organisation's time zone (for date presets in the UI). */
  range: z.object({ from: z.string(), to: z.string(), today: z.string(), timeZone: z.string() }),
  filters: z.object({ departmentId: uuid.nullable(), trackId: uuid.nullable() }),
  privacyThreshold: z.number().int(),
  /** The whole filter (all departments/tracks if no filter). */
  totals: groupFiguresSchema,
  /** Decisions on Freiraum requests made in the range. */
  approvals: z.object({
    decided: figureSchema,
    leadTimeMedianHours: figureSchema,
    leadTimeP90Hours: figureSchema,
    /** Rejected ÷ decided, 0..1. */
    rejectionRate: figureSchema,
  }),
  /** Leadership participation (PRODUCT.md §4). Shares are 0..1. */
  leadership: z.object({
    managers: figureSchema,
    /** Share of managers with a learning action in their own path in the 30 days up to the range's end. */
    activeInOwnPath: figureSchema,
    /** Share of managers who logged a journal entry in the range. */
    loggedOwnExperiments: figureSchema,
    /** Median hours managers took to decide requests in the range. */
    medianDecisionHours: figureSchema,
  }),
  /** Where people stop: per path, per module in order, people who started and completed it. */
  funnel: z.array(
    z.object({
      pathId: uuid,
      pathSlug: z.string(),
      titleDe: z.string(),
      titleEn: z.string(),
      enrolled: figureSchema,
      modules: z.array(z.object({ moduleId: uuid, slug: z.string(), titleDe: z.string(), titleEn: z.string(), started: figureSchema, completed: figureSchema })),
    }),
  ),
  byDepartment: z.array(breakdownRowSchema),
  byTrack: z.array(breakdownRowSchema),
  /** Weekly trend over the range (ISO weeks, Monday start), oldest first. */
  trends: z.array(
    z.object({
      week: z.string(),
      weekStart: z.string(),
      active: figureSchema,
      modulesCompleted: figureSchema,
      freiraumApprovedHours: figureSchema,
      experimentsLogged: figureSchema,
    }),
  ),
});
export type HrDashboard = z.infer<typeof hrDashboardSchema>;

export const HR_CSV_TABLES = ['departments', 'tracks', 'funnel', 'trends', 'summary'] as const;
export const hrCsvQuerySchema = withRangeChecks(
  z.strictObject({ ...hrFilterShape, table: z.enum(HR_CSV_TABLES), lang: z.enum(['de', 'en']).default('de') }),
);

// ---------- manager ----------

export const teamDashboardSchema = z.object({
  period: periodSchema,
  /** Whether the organisation lets managers see last-activity times. */
  showsLastActivity: z.boolean(),
  members: z.array(
    z.object({
      userId: uuid,
      name: z.string(),
      pathTitleDe: z.string().nullable(),
      pathTitleEn: z.string().nullable(),
      modulesDone: z.number().int(),
      modulesTotal: z.number().int(),
      overdueAssignments: z.number().int(),
      /** Null unless the organisation allows it. */
      lastActiveAt: z.string().nullable(),
      freiraum: balanceSchema,
    }),
  ),
  pendingApprovals: z.number().int(),
  pendingReviews: z.number().int(),
  openFlags: z.number().int(),
  freiraum: balanceSchema,
  /** The manager's own leadership path beside the team's average. */
  own: z.object({
    pathSlug: z.string().nullable(),
    pathTitleDe: z.string().nullable(),
    pathTitleEn: z.string().nullable(),
    modulesDone: z.number().int(),
    modulesTotal: z.number().int(),
  }),
  /** Mean of the members' done ÷ total (0..1) over members with a path; null when none has one. */
  teamCompletion: z.number().nullable(),
});
export type TeamDashboard = z.infer<typeof teamDashboardSchema>;

// ---------- employee ----------

export const homeDashboardSchema = z.object({
  path: z
    .object({
      pathId: uuid,
      slug: z.string(),
      titleDe: z.string(),
      titleEn: z.string(),
      modulesDone: z.number().int(),
      modulesTotal: z.number().int(),
    })
    .nullable(),
  /** The module to continue with, if any. */
  nextStep: z
    .object({ moduleSlug: z.string(), titleDe: z.string(), titleEn: z.string(), started: z.boolean(), minutes: z.number().int() })
    .nullable(),
  freiraum: z.object({ period: periodSchema, balance: balanceSchema }),
  recentFeedback: z.array(
    z.object({
      /** The attempt's or the flag's id. */
      id: uuid,
      kind: z.enum(['review_accepted', 'review_revision', 'graded', 'flag']),
      /** What the feedback is about: an exercise (title) or a journal entry (its goal, in both fields). */
      subject: z.enum(['exercise', 'journal_entry']),
      titleDe: z.string(),
      titleEn: z.string(),
      /** The module of the exercise, for a link; null for a journal entry. */
      moduleSlug: z.string().nullable(),
      /** Graded attempts: passed or failed; null otherwise. */
      passed: z.boolean().nullable(),
      /** Flags: open, cleared or confirmed; null otherwise. */
      flagStatus: z.enum(['open', 'cleared', 'confirmed']).nullable(),
      /** The reviewer's note or the flag's decision note. */
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  recentJournal: z.array(
    z.object({
      id: uuid,
      goal: z.string(),
      outcome: z.enum(['worked', 'partly', 'failed']),
      visibility: z.enum(['private', 'team', 'organization']),
      kudosCount: z.number().int(),
      createdAt: z.string(),
    }),
  ),
});
export type HomeDashboard = z.infer<typeof homeDashboardSchema>;
