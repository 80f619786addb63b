import { z } from 'zod';
import { DATA_CLASSES, LANGUAGES, uuid } from './common.js';

export const EXERCISE_TYPES = ['quiz', 'prompt', 'review', 'practice', 'reflection'] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];
export const MODULE_STATUSES = ['locked', 'not_started', 'in_progress', 'complete'] as const;
export const REVIEW_CATEGORIES = [
  'fact',
  'invented_source',
  'tone',
  'data_protection',
  'meaning',
  'terminology',
  'omission',
  'bias',
] as const;

const bilingual = z.object({ de: z.string(), en: z.string() });

export const moduleCardSchema = z.object({
  id: uuid,
  slug: z.string(),
  title: bilingual,
  summary: bilingual,
  why: bilingual,
  level: z.string(),
  minutes: z.number().int(),
  prerequisites: z.array(z.string()),
  status: z.enum(MODULE_STATUSES),
  requiredDone: z.number().int(),
  requiredTotal: z.number().int(),
});
export type ModuleCard = z.infer<typeof moduleCardSchema>;

export const pathOverviewSchema = z.object({
  id: uuid,
  slug: z.string(),
  trackSlug: z.string(),
  title: bilingual,
  summary: bilingual,
  isOwnTrack: z.boolean(),
  /** Explicitly assigned by HR (the own track's path is assigned implicitly). */
  assigned: z.boolean(),
  dueDate: z.string().nullable(),
  completed: z.number().int(),
  total: z.number().int(),
  status: z.enum(['not_started', 'in_progress', 'complete']),
  nextModule: z.string().nullable(),
  modules: z.array(moduleCardSchema),
});
export type PathOverview = z.infer<typeof pathOverviewSchema>;

export const pathSummarySchema = pathOverviewSchema.omit({ modules: true });
export const pathListSchema = z.object({ items: z.array(pathSummarySchema) });
export type PathList = z.infer<typeof pathListSchema>;

/** An exercise as the learner sees it before answering: no correct answers, no problem positions. */
export const publicExerciseSchema = z.object({
  type: z.enum(EXERCISE_TYPES),
  title: bilingual,
  required: z.boolean(),
  /** Type-specific fields without solutions (quiz questions/options, prompt scenario/task/criteria labels, …). */
  body: z.record(z.string(), z.unknown()),
});

export const attemptSummarySchema = z.object({
  id: uuid,
  createdAt: z.string(),
  contentVersion: z.string(),
  score: z.number().nullable(),
  passed: z.boolean(),
  status: z.enum(['graded', 'submitted', 'accepted', 'revision_requested']),
  feedback: z.record(z.string(), z.unknown()),
  answer: z.record(z.string(), z.unknown()),
  reviewNote: z.string().nullable(),
});
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

export const moduleItemSchema = z.object({
  id: uuid,
  slug: z.string(),
  kind: z.enum(['lesson', 'exercise']),
  /** Lessons: title and Markdown body per language, the organisation's AI policy filled in. */
  lesson: z.object({ title: bilingual, body: bilingual, read: z.boolean() }).nullable(),
  exercise: publicExerciseSchema.nullable(),
  passed: z.boolean(),
  lastAttempt: attemptSummarySchema.nullable(),
});

export const moduleDetailSchema = moduleCardSchema.extend({
  items: z.array(moduleItemSchema),
  /** Prerequisites not complete yet (why the module is locked). */
  missingPrerequisites: z.array(z.object({ slug: z.string(), title: bilingual })),
});
export type ModuleDetail = z.infer<typeof moduleDetailSchema>;

export const quizAnswerSchema = z.strictObject({ answers: z.record(z.string(), z.array(z.string()).max(20)) });
export const promptAnswerSchema = z.strictObject({ prompt: z.string().max(8000) });
export const reviewAnswerSchema = z.strictObject({
  marks: z
    .array(z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(1), category: z.enum(REVIEW_CATEGORIES) }))
    .max(100),
});
export const reflectionAnswerSchema = z.strictObject({ text: z.string().trim().max(10000) });
export const practiceAnswerSchema = z.strictObject({
  whatIDid: z.string().trim().min(20).max(5000),
  result: z.string().trim().min(10).max(5000),
  howChecked: z.string().trim().min(10).max(5000),
  toolId: z.string().trim().min(1).max(60),
  /** Name of the tool when toolId is "other". */
  toolName: z.string().trim().max(100).optional(),
  dataClass: z.enum(DATA_CLASSES),
});

export const submitAttemptSchema = z.strictObject({
  /** The language the learner worked in (review marks refer to that language's text). */
  language: z.enum(LANGUAGES),
  answer: z.record(z.string(), z.unknown()),
});
export type SubmitAttempt = z.infer<typeof submitAttemptSchema>;

export const attemptResultSchema = z.object({
  attempt: attemptSummarySchema,
  moduleStatus: z.enum(MODULE_STATUSES),
  moduleCompletedNow: z.boolean(),
});
export type AttemptResult = z.infer<typeof attemptResultSchema>;

export const attemptListSchema = z.object({ items: z.array(attemptSummarySchema) });

export const reviewQueueItemSchema = z.object({
  attemptId: uuid,
  learner: z.object({ id: uuid, firstName: z.string(), lastName: z.string() }),
  exercise: z.object({ id: uuid, title: bilingual, task: bilingual, moduleSlug: z.string(), moduleTitle: bilingual }),
  answer: z.record(z.string(), z.unknown()),
  status: z.enum(['submitted', 'accepted', 'revision_requested']),
  submittedAt: z.string(),
  reviewNote: z.string().nullable(),
  flag: z
    .object({ id: uuid, status: z.enum(['open', 'cleared', 'confirmed']), reason: z.string(), toolName: z.string(), dataClass: z.string() })
    .nullable(),
});
export type ReviewQueueItem = z.infer<typeof reviewQueueItemSchema>;
export const reviewQueueSchema = z.object({ items: z.array(reviewQueueItemSchema) });
export const reviewQueueQuerySchema = z.strictObject({ status: z.enum(['submitted', 'decided']).default('submitted') });

export const reviewDecisionSchema = z
  .strictObject({
    decision: z.enum(['accept', 'revise']),
    feedback: z.string().trim().max(5000).default(''),
  })
  .refine((d) => d.decision === 'accept' || d.feedback.length >= 10, {
    path: ['feedback'],
    message: 'is required (at least 10 characters) when asking for a revision',
  });
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const certificateSummarySchema = z.object({
  code: z.string(),
  pathSlug: z.string(),
  pathTitle: bilingual,
  completedAt: z.string(),
  verifyUrl: z.string(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;
export const certificateListSchema = z.object({ items: z.array(certificateSummarySchema) });

export const certificateVerificationSchema = z.object({
  valid: z.literal(true),
  code: z.string(),
  /** Null once the holder's personal data was erased; the certificate stays valid. */
  holderName: z.string().nullable(),
  pathTitle: bilingual,
  organizationName: z.string(),
  completedAt: z.string(),
});
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;

export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'complete', 'overdue'] as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' }).refine((d) => {
  // Date.parse rolls 2026-02-30 over to March; a real date survives the round trip.
  const parsed = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(d);
}, { message: 'is not a real date' });

export const createAssignmentsSchema = z
  .strictObject({
    pathSlug: z.string().min(1).max(80),
    userIds: z.array(uuid).max(2000).default([]),
    departmentId: uuid.nullable().default(null),
    dueDate: isoDate.nullable().default(null),
  })
  .refine((a) => a.userIds.length > 0 || a.departmentId, { path: ['userIds'], message: 'name people or a department' });
export type CreateAssignments = z.input<typeof createAssignmentsSchema>;
export const assignmentResultSchema = z.object({ created: z.number().int(), updated: z.number().int() });

export const assignmentOverviewSchema = z.object({
  /** Whether the organisation lets HR see individuals (otherwise counts per department only). */
  individualsVisible: z.boolean(),
  privacyThreshold: z.number().int(),
  people: z
    .array(
      z.object({
        userId: uuid,
        name: z.string(),
        departmentName: z.string().nullable(),
        pathSlug: z.string(),
        pathTitle: bilingual,
        dueDate: z.string().nullable(),
        status: z.enum(ASSIGNMENT_STATUSES),
      }),
    )
    .nullable(),
  departments: z.array(
    z.object({
      departmentName: z.string().nullable(),
      pathSlug: z.string(),
      pathTitle: bilingual,
      /** Null when fewer people than the privacy threshold are in the group. */
      total: z.number().int().nullable(),
      counts: z.record(z.enum(ASSIGNMENT_STATUSES), z.number().int()).nullable(),
    }),
  ),
});
export type AssignmentOverview = z.infer<typeof assignmentOverviewSchema>;
