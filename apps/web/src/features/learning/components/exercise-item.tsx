import type { AttemptResult, AttemptSummary } from '@freiraum/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { ApiError } from '../../../lib/api-client';
import { contentLanguage, pick } from '../../../lib/bilingual';
import { apiFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useSubmitAttempt } from '../api/learning';
import type { ExerciseProps, ModuleItem } from './exercise-types';
import { PracticeExercise } from './practice-exercise';
import { PromptExercise } from './prompt-exercise';
import { QuizExercise } from './quiz-exercise';
import { ReflectionExercise } from './reflection-exercise';
import { ReviewExercise } from './review-exercise';

function stateOf(item: ModuleItem, latest: AttemptSummary | null): { key: string; tone: BadgeTone } {
  if (latest?.status === 'submitted') return { key: 'waiting', tone: 'warning' };
  if (latest?.status === 'revision_requested') return { key: 'revise', tone: 'danger' };
  if (item.passed || latest?.passed)
    return { key: latest?.status === 'accepted' ? 'accepted' : 'passed', tone: 'success' };
  if (latest) return { key: 'notPassed', tone: 'neutral' };
  return { key: 'open', tone: 'neutral' };
}

interface ExerciseItemProps {
  item: ModuleItem;
  /** Titles of the prerequisites still missing; the exercise cannot be answered before they are complete. */
  lockedBy: string[] | null;
  onResult: (result: AttemptResult) => void;
}

/** One exercise of a module: its heading and state, and the UI of its type. */
export function ExerciseItem({ item, lockedBy, onResult }: ExerciseItemProps) {
  const { t, i18n } = useTranslation();
  const submitAttempt = useSubmitAttempt();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const exercise = item.exercise!;
  const latest = submitAttempt.data?.attempt ?? item.lastAttempt;
  const state = stateOf(item, latest);
  const headingId = `item-${item.slug}-title`;

  async function submit(answer: Record<string, unknown>): Promise<AttemptResult | null> {
    setFormError(null);
    setFieldErrors({});
    try {
      const result = await submitAttempt.mutateAsync({
        exerciseId: item.id,
        body: { language: contentLanguage(i18n.language), answer },
      });
      onResult(result);
      return result;
    } catch (error) {
      // The API names fields like "answer.text"; the forms use the part after "answer.".
      const fields = Object.fromEntries(
        Object.entries(apiFieldErrors(error, t)).map(([field, message]) => [field.replace(/^answer\.?/, ''), message]),
      );
      setFieldErrors(fields);
      setFormError(
        error instanceof ApiError && error.status === 400 && error.details.length > 0
          ? t('learning.answerInvalid', { details: Object.values(fields).join(' ') })
          : errorMessage(error, t),
      );
      return null;
    }
  }

  const props: ExerciseProps = {
    item,
    exerciseId: item.id,
    body: exercise.body,
    latest,
    submitting: submitAttempt.isPending,
    submit,
    fieldErrors,
    formError,
  };

  return (
    <section className="card module-item" id={`item-${item.slug}`} aria-labelledby={headingId}>
      <header className="module-item__header">
        <p className="eyebrow">{t(`learning.types.${exercise.type}`)}</p>
        <h2 className="module-item__title" id={headingId}>
          {pick(exercise.title, i18n.language)}
        </h2>
        <p className="badges">
          <Badge tone={exercise.required ? 'primary' : 'neutral'}>
            {exercise.required ? t('learning.required') : t('learning.optional')}
          </Badge>
          <Badge tone={state.tone}>{t(`learning.exerciseState.${state.key}`)}</Badge>
        </p>
      </header>
      {lockedBy ? (
        <p className="callout">{t('learning.exerciseLocked', { modules: lockedBy.join(', ') })}</p>
      ) : exercise.type === 'quiz' ? (
        <QuizExercise {...props} />
      ) : exercise.type === 'prompt' ? (
        <PromptExercise {...props} />
      ) : exercise.type === 'review' ? (
        <ReviewExercise {...props} />
      ) : exercise.type === 'practice' ? (
        <PracticeExercise {...props} />
      ) : (
        <ReflectionExercise {...props} />
      )}
    </section>
  );
}
