import { DATA_CLASSES, REVIEW_CATEGORIES } from '@freiraum/contracts';
import { z } from 'zod';

// The contracts keep exercise bodies and feedback as open records (they differ per type); the SPA checks
// the shape it is about to draw, so a content change shows a clear error instead of a broken page.

const bilingual = z.object({ de: z.string(), en: z.string() });

export const quizBodySchema = z.object({
  intro: bilingual.nullable().optional(),
  passMark: z.number(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['single', 'multiple']),
      question: bilingual,
      options: z.array(z.object({ id: z.string(), text: bilingual })),
    }),
  ),
});
export type QuizBody = z.infer<typeof quizBodySchema>;

export const promptBodySchema = z.object({
  scenario: bilingual,
  task: bilingual,
  passMark: z.number(),
  criteria: z.array(z.object({ id: z.string(), label: bilingual, weight: z.number() })),
});
export type PromptBody = z.infer<typeof promptBodySchema>;

export const reviewBodySchema = z.object({
  instructions: bilingual,
  source: z.object({ lang: z.string(), text: z.string() }).nullable(),
  document: bilingual,
  passMark: z.number(),
  categories: z.array(z.enum(REVIEW_CATEGORIES)),
  problemCount: z.number(),
});
export type ReviewBody = z.infer<typeof reviewBodySchema>;

export const practiceBodySchema = z.object({ task: bilingual, guidance: bilingual });
export type PracticeBody = z.infer<typeof practiceBodySchema>;

export const reflectionBodySchema = z.object({ question: bilingual, minLength: z.number() });
export type ReflectionBody = z.infer<typeof reflectionBodySchema>;

export const quizFeedbackSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  questions: z.array(
    z.object({
      id: z.string(),
      correct: z.boolean(),
      options: z.array(
        z.object({ id: z.string(), selected: z.boolean(), correct: z.boolean(), explanation: z.string() }),
      ),
    }),
  ),
});
export type QuizFeedback = z.infer<typeof quizFeedbackSchema>;

export const promptFeedbackSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  criteria: z.array(
    z.object({ id: z.string(), passed: z.boolean(), weight: z.number(), label: z.string(), explanation: z.string() }),
  ),
  personalData: z.array(z.object({ kind: z.enum(['email', 'phone', 'iban', 'name']), match: z.string() })),
});
export type PromptFeedback = z.infer<typeof promptFeedbackSchema>;

const problem = z.object({
  id: z.string(),
  category: z.enum(REVIEW_CATEGORIES),
  explanation: z.string(),
  quote: z.string(),
});
export const reviewFeedbackSchema = z.object({
  score: z.number(),
  passed: z.boolean(),
  found: z.array(problem.extend({ categoryCorrect: z.boolean() })),
  missed: z.array(problem),
  falseAlarms: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })),
});
export type ReviewFeedback = z.infer<typeof reviewFeedbackSchema>;

export const practiceFeedbackSchema = z.object({
  flag: z
    .object({
      id: z.string(),
      reason: z.enum(['unlisted_tool', 'class_not_allowed']),
      toolName: z.string(),
      dataClass: z.enum(DATA_CLASSES),
    })
    .optional(),
});

export const practiceAnswerViewSchema = z.object({
  whatIDid: z.string(),
  result: z.string(),
  howChecked: z.string(),
  toolId: z.string(),
  toolName: z.string().optional(),
  dataClass: z.enum(DATA_CLASSES),
});
export type PracticeAnswerView = z.infer<typeof practiceAnswerViewSchema>;
