import { z } from 'zod';
import {
  practiceAnswerSchema,
  promptAnswerSchema,
  quizAnswerSchema,
  reflectionAnswerSchema,
  reviewAnswerSchema,
  type Language,
} from '@freiraum/contracts';
import {
  AnswerError,
  gradePrompt,
  gradeQuiz,
  gradeReview,
  type ExerciseContent,
} from '@freiraum/content';

export interface GradedAttempt {
  answer: Record<string, unknown>;
  score: number | null;
  passed: boolean;
  feedback: Record<string, unknown>;
}

/** Validates an answer for its exercise type and grades it. Throws AnswerError naming the field. */
export function gradeAttempt(exercise: ExerciseContent, language: Language, raw: unknown): GradedAttempt {
  switch (exercise.type) {
    case 'quiz': {
      const answer = parse(quizAnswerSchema, raw);
      const grade = gradeQuiz(exercise, answer.answers, language);
      return { answer, score: grade.score, passed: grade.passed, feedback: { ...grade } };
    }
    case 'prompt': {
      const answer = parse(promptAnswerSchema, raw);
      if (!answer.prompt.trim()) throw new AnswerError('answer.prompt', 'must not be empty');
      const grade = gradePrompt(exercise, answer.prompt, language);
      return { answer, score: grade.score, passed: grade.passed, feedback: { ...grade } };
    }
    case 'review': {
      const answer = parse(reviewAnswerSchema, raw);
      const grade = gradeReview(exercise, language, answer.marks);
      return { answer, score: grade.score, passed: grade.passed, feedback: { ...grade } };
    }
    case 'reflection': {
      const answer = parse(reflectionAnswerSchema, raw);
      if (answer.text.length < exercise.minLength) {
        throw new AnswerError('answer.text', `must be at least ${exercise.minLength} characters (now ${answer.text.length})`);
      }
      // A reflection completes on submission (PRODUCT.md §2).
      return { answer, score: null, passed: true, feedback: { length: answer.text.length } };
    }
    case 'practice':
      throw new AnswerError('answer', 'practice work is submitted for human review, not graded');
  }
}

export function parsePractice(raw: unknown): z.infer<typeof practiceAnswerSchema> {
  return parse(practiceAnswerSchema, raw);
}

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = ['answer', ...issue.path.map(String)].join('.');
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
  throw new AnswerError(field, message);
}
