import type { AiPolicy } from '@freiraum/contracts';
import {
  REVIEW_CATEGORIES,
  type Bilingual,
  type ExerciseContent,
  type PromptContent,
  type QuizContent,
  type ReviewContent,
} from '@freiraum/content';

// What the browser may see of an exercise before answering: grading happens on the server only, so
// correct options, explanations, rubric patterns, example prompts and problem positions stay here.
export function publicExerciseBody(exercise: ExerciseContent): Record<string, unknown> {
  switch (exercise.type) {
    case 'quiz': {
      const q = exercise as QuizContent;
      return {
        intro: q.intro ?? null,
        passMark: q.passMark,
        questions: q.questions.map((question) => ({
          id: question.id,
          kind: question.kind,
          question: question.question,
          options: question.options.map((o) => ({ id: o.id, text: o.text })),
        })),
      };
    }
    case 'prompt': {
      const p = exercise as PromptContent;
      return {
        scenario: p.scenario,
        task: p.task,
        passMark: p.passMark,
        criteria: p.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight })),
      };
    }
    case 'review': {
      const r = exercise as ReviewContent;
      return {
        instructions: r.instructions,
        source: r.source ?? null,
        document: r.document,
        passMark: r.passMark,
        categories: REVIEW_CATEGORIES,
        problemCount: r.problems.length,
      };
    }
    case 'practice':
      return { task: exercise.task, guidance: exercise.guidance };
    case 'reflection':
      return { question: exercise.question, minLength: exercise.minLength };
  }
}

const DATA_CLASS_NAMES: Record<string, Bilingual> = {
  public: { de: 'öffentlich', en: 'public' },
  internal: { de: 'intern', en: 'internal' },
  confidential: { de: 'vertraulich', en: 'confidential' },
  personal: { de: 'personenbezogen', en: 'personal' },
};

/** The organisation's AI policy as Markdown, for lessons that refer to "our rules". */
export function aiPolicyMarkdown(policy: AiPolicy, lang: 'de' | 'en'): string {
  const heading = lang === 'de' ? '**Unsere KI-Regeln**' : '**Our AI rules**';
  const tools = policy.tools.length
    ? policy.tools
        .map((t) => {
          const classes = t.allowedDataClasses.map((c) => DATA_CLASS_NAMES[c]?.[lang] ?? c).join(', ');
          const allowed = lang === 'de' ? `darf erhalten: ${classes || 'keine Daten'}` : `may receive: ${classes || 'no data'}`;
          return `- **${t.name}** — ${allowed}${t.note ? ` (${t.note})` : ''}`;
        })
        .join('\n')
    : lang === 'de'
      ? '- Ihre Organisation hat noch keine KI-Werkzeuge freigegeben. Fragen Sie Ihre Führungskraft, bevor Sie Daten in ein KI-Werkzeug geben.'
      : '- Your organisation has not approved any AI tools yet. Ask your manager before you give data to an AI tool.';
  const unlisted =
    lang === 'de'
      ? 'Nicht aufgeführte Werkzeuge dürfen nur öffentliche Daten erhalten.'
      : 'Tools not listed here may receive public data only.';
  return [heading, '', tools, '', unlisted, policy.rules ? `\n${policy.rules}` : ''].join('\n').trim();
}

export function renderLessonBody(body: Bilingual, policy: AiPolicy): Bilingual {
  const fill = (text: string, lang: 'de' | 'en') => text.replace(/^\{\{ai-policy\}\}\s*$/gm, () => aiPolicyMarkdown(policy, lang));
  return { de: fill(body.de, 'de'), en: fill(body.en, 'en') };
}
