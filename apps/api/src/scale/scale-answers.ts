import type { ExerciseContent, PromptContent, QuizContent, ReviewContent } from '@freiraum/content';
import { gradeAttempt } from '../learning/grading.policy.js';

// One passing and (where the exercise can fail) one failing answer per exercise and language, graded by the
// app's own graders — so every seeded attempt carries the answer, score and feedback the app would store.

export type AnswerLanguage = 'de' | 'en';

export interface AnswerVariant {
  item_id: string;
  lang: AnswerLanguage;
  variant: 'pass' | 'fail';
  answer: Record<string, unknown>;
  score: number | null;
  passed: boolean;
  feedback: Record<string, unknown>;
}

const LANGS: AnswerLanguage[] = ['de', 'en'];

export function practiceAnswer(lang: AnswerLanguage): Record<string, unknown> {
  return lang === 'de'
    ? {
        whatIDid:
          'Mit dem freigegebenen Copilot habe ich einen ersten Entwurf für eine echte Aufgabe aus meinem Alltag erstellt und ihn danach selbst überarbeitet.',
        result: 'Ein Entwurf, der mir etwa eine Stunde Arbeit gespart hat; zwei Absätze habe ich neu geschrieben.',
        howChecked:
          'Zahlen und Namen mit den Originalunterlagen abgeglichen und einer Kollegin zum Gegenlesen gegeben.',
        toolId: 'm365-copilot',
        dataClass: 'internal',
      }
    : {
        whatIDid:
          'I used the approved Copilot to draft a real task from my daily work and then revised the draft myself.',
        result: 'A draft that saved me about an hour; I rewrote two paragraphs.',
        howChecked: 'Checked figures and names against the originals and had a colleague proofread it.',
        toolId: 'm365-copilot',
        dataClass: 'internal',
      };
}

function quizAnswer(quiz: QuizContent, wrong: (questionIndex: number) => boolean): Record<string, unknown> {
  return {
    answers: Object.fromEntries(
      quiz.questions.map((q, i) => {
        const options = wrong(i) ? q.options.filter((o) => !o.correct).slice(0, 1) : q.options.filter((o) => o.correct);
        return [q.id, options.map((o) => o.id)];
      }),
    ),
  };
}

function reviewAnswer(review: ReviewContent, lang: AnswerLanguage, count: number): Record<string, unknown> {
  const doc = review.document[lang];
  return {
    marks: review.problems.slice(0, count).map((p) => {
      const start = doc.indexOf(p.quote[lang]);
      return { start, end: start + p.quote[lang].length, category: p.category };
    }),
  };
}

function promptExample(prompt: PromptContent, kind: 'good' | 'bad', lang: AnswerLanguage): string {
  const list = prompt.examples[kind];
  return (list.find((e) => e.lang === lang) ?? list[0]).text;
}

/** Candidate answers, most plausible first; the first one that grades as intended is kept. */
function candidates(
  exercise: ExerciseContent,
  lang: AnswerLanguage,
  variant: 'pass' | 'fail',
): Record<string, unknown>[] {
  switch (exercise.type) {
    case 'quiz':
      return variant === 'pass'
        ? [quizAnswer(exercise, () => false)]
        : [quizAnswer(exercise, (i) => i % 2 === 0), quizAnswer(exercise, () => true)];
    case 'prompt':
      return variant === 'pass'
        ? [{ prompt: promptExample(exercise, 'good', lang) }]
        : [
            { prompt: promptExample(exercise, 'bad', lang) },
            { prompt: lang === 'de' ? 'Schreib mir was zu KI.' : 'Write something about AI.' },
          ];
    case 'review':
      return variant === 'pass'
        ? [reviewAnswer(exercise, lang, exercise.problems.length)]
        : [reviewAnswer(exercise, lang, 1), reviewAnswer(exercise, lang, 0)];
    case 'reflection': {
      const sentence =
        lang === 'de'
          ? 'Mir ist klar geworden, dass KI mir vor allem bei Routinetexten Zeit spart, ich aber jede Aussage prüfen muss. '
          : 'I realised that AI saves me time mostly on routine texts, but I have to check every statement. ';
      return variant === 'pass'
        ? [{ text: sentence.repeat(Math.ceil(exercise.minLength / sentence.length) + 1).trim() }]
        : [];
    }
    case 'practice':
      return [];
  }
}

export function answerVariants(items: { id: string; content: ExerciseContent }[]): AnswerVariant[] {
  const out: AnswerVariant[] = [];
  for (const { id, content } of items) {
    for (const lang of LANGS) {
      if (content.type === 'practice') {
        out.push({
          item_id: id,
          lang,
          variant: 'pass',
          answer: practiceAnswer(lang),
          score: null,
          passed: false,
          feedback: {},
        });
        continue;
      }
      for (const variant of ['pass', 'fail'] as const) {
        for (const raw of candidates(content, lang, variant)) {
          let graded;
          try {
            graded = gradeAttempt(content, lang, raw);
          } catch {
            continue;
          }
          if (graded.passed !== (variant === 'pass')) continue;
          out.push({ item_id: id, lang, variant, ...graded });
          break;
        }
      }
    }
  }
  // Content missing in one language: that language's learners answer like the others.
  for (const v of [...out]) {
    for (const lang of LANGS) {
      if (!out.some((o) => o.item_id === v.item_id && o.variant === v.variant && o.lang === lang))
        out.push({ ...v, lang });
    }
  }
  return out;
}
