import type { ContentLanguage, QuizContent } from '../schema.js';

export type QuizAnswer = Record<string, string[]>;

export interface QuizQuestionResult {
  id: string;
  correct: boolean;
  options: { id: string; selected: boolean; correct: boolean; explanation: string }[];
}

export interface QuizGrade {
  score: number;
  passed: boolean;
  questions: QuizQuestionResult[];
}

export class AnswerError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Single choice: exactly the right option. Multiple choice: exactly the set of right options. */
export function gradeQuiz(quiz: QuizContent, answer: QuizAnswer, lang: ContentLanguage): QuizGrade {
  for (const id of Object.keys(answer)) {
    if (!quiz.questions.some((q) => q.id === id)) throw new AnswerError(`answers.${id}`, 'is not a question of this quiz');
  }
  const questions = quiz.questions.map((q) => {
    const selected = new Set(answer[q.id] ?? []);
    for (const id of selected) {
      if (!q.options.some((o) => o.id === id)) throw new AnswerError(`answers.${q.id}`, `option ${id} does not exist`);
    }
    if (q.kind === 'single' && selected.size > 1) throw new AnswerError(`answers.${q.id}`, 'allows only one option');
    const correct = q.options.every((o) => o.correct === selected.has(o.id)) && selected.size > 0;
    return {
      id: q.id,
      correct,
      options: q.options.map((o) => ({ id: o.id, selected: selected.has(o.id), correct: o.correct, explanation: o.explanation[lang] })),
    };
  });
  const score = questions.filter((q) => q.correct).length / questions.length;
  return { score, passed: score >= quiz.passMark, questions };
}
