import { z } from 'zod';

// The content format (docs/content.md). Everything a learner reads exists in German and English.

export const CONTENT_LANGUAGES = ['de', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

const text = z.string().trim().min(1, { message: 'must not be empty' });
export const bilingual = z.strictObject({ de: text, en: text });
export type Bilingual = z.infer<typeof bilingual>;

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'must be kebab-case: lower-case letters, digits and dashes' })
  .max(80);

export const LEVELS = ['foundations', 'apply', 'shape'] as const;
export const EXERCISE_TYPES = ['quiz', 'prompt', 'review', 'practice', 'reflection'] as const;
export type ExerciseType = (typeof EXERCISE_TYPES)[number];

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
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export const pathSchema = z.strictObject({
  slug,
  track: slug,
  title: bilingual,
  summary: bilingual,
  /** Module slugs in order. A module may appear in several paths (e.g. the shared introduction). */
  modules: z.array(slug).min(1),
});
export type PathContent = z.infer<typeof pathSchema>;

export const moduleSchema = z.strictObject({
  slug,
  title: bilingual,
  summary: bilingual,
  /** The paper's finding this module serves, in our own words. */
  why: bilingual,
  level: z.enum(LEVELS),
  minutes: z.number().int().min(1).max(600),
  prerequisites: z.array(slug).default([]),
  /** Lesson and exercise slugs in the order the learner meets them. */
  items: z.array(slug).min(1),
  /** Slugs of exercises removed from the module; their attempts stay, they no longer count. */
  retired: z.array(slug).default([]),
});
export type ModuleContent = z.infer<typeof moduleSchema>;

const exerciseBase = {
  slug,
  title: bilingual,
  /** Required exercises decide completion; optional ones are extra practice. */
  required: z.boolean().default(true),
};

export const quizSchema = z.strictObject({
  ...exerciseBase,
  type: z.literal('quiz'),
  intro: bilingual.optional(),
  passMark: z.number().min(0).max(1).default(0.75),
  questions: z
    .array(
      z.strictObject({
        id: slug,
        kind: z.enum(['single', 'multiple']),
        question: bilingual,
        options: z
          .array(z.strictObject({ id: slug, text: bilingual, correct: z.boolean(), explanation: bilingual }))
          .min(2),
      }),
    )
    .min(1),
});

const patternList = z.array(z.string().min(1)).min(1);
export const promptSchema = z.strictObject({
  ...exerciseBase,
  type: z.literal('prompt'),
  /** The realistic situation of the learner's role (Markdown). */
  scenario: bilingual,
  task: bilingual,
  passMark: z.number().min(0).max(1).default(0.7),
  criteria: z
    .array(
      z.strictObject({
        id: slug,
        label: bilingual,
        /** Why this criterion matters; shown to the learner with the result. */
        explanation: bilingual,
        weight: z.number().int().min(1).max(10).default(1),
        /** Case-insensitive regular expressions; the criterion passes if one of them matches. */
        patterns: z.strictObject({ de: patternList, en: patternList }),
      }),
    )
    .min(2),
  /** Names from the scenario that must not appear in a prompt (personal data). */
  personalNames: z.array(z.string().min(2)).default([]),
  examples: z.strictObject({
    good: z.array(z.strictObject({ lang: z.enum(CONTENT_LANGUAGES), text })).min(1),
    bad: z.array(z.strictObject({ lang: z.enum(CONTENT_LANGUAGES), text })).min(1),
  }),
});

export const reviewSchema = z.strictObject({
  ...exerciseBase,
  type: z.literal('review'),
  instructions: bilingual,
  /** For translation reviews: the source text shown beside the AI text. */
  source: z.strictObject({ lang: z.string().min(2).max(5), text }).optional(),
  /** The AI-generated text the learner reviews, per UI language. */
  document: bilingual,
  passMark: z.number().min(0).max(1).default(0.6),
  problems: z
    .array(
      z.strictObject({
        id: slug,
        category: z.enum(REVIEW_CATEGORIES),
        /** Quoted exactly from the document; must occur exactly once in it. */
        quote: bilingual,
        explanation: bilingual,
      }),
    )
    .min(1),
});

export const practiceSchema = z.strictObject({
  ...exerciseBase,
  type: z.literal('practice'),
  task: bilingual,
  /** What a good submission contains; shown to learner and reviewer. */
  guidance: bilingual,
});

export const reflectionSchema = z.strictObject({
  ...exerciseBase,
  type: z.literal('reflection'),
  question: bilingual,
  minLength: z.number().int().min(20).max(5000).default(200),
});

export const exerciseSchema = z.discriminatedUnion('type', [
  quizSchema,
  promptSchema,
  reviewSchema,
  practiceSchema,
  reflectionSchema,
]);
export type ExerciseContent = z.infer<typeof exerciseSchema>;
export type QuizContent = z.infer<typeof quizSchema>;
export type PromptContent = z.infer<typeof promptSchema>;
export type ReviewContent = z.infer<typeof reviewSchema>;

export const lessonFrontMatterSchema = z.strictObject({ title: text });

export interface LessonContent {
  slug: string;
  title: Bilingual;
  /** Markdown. `{{ai-policy}}` on a line of its own shows the organisation's AI policy. */
  body: Bilingual;
}
