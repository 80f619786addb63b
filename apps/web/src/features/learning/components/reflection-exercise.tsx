import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ExerciseActions } from './exercise-actions';
import { FormAlert } from '../../../components/ui/form-alert';
import { pick } from '../../../lib/bilingual';
import { formatNumber } from '../../../lib/format';
import { reflectionBodySchema, type ReflectionBody } from '../api/exercise-shapes';
import type { ExerciseProps } from './exercise-types';
import { ResultSummary } from './result-summary';
import { ShapeError } from './shape-error';
import { useFocusResult } from './use-focus-result';

export function ReflectionExercise(props: ExerciseProps) {
  const parsed = reflectionBodySchema.safeParse(props.body);
  if (!parsed.success) return <ShapeError />;
  return <Reflection {...props} reflection={parsed.data} />;
}

function Reflection({
  reflection,
  latest,
  submit,
  submitting,
  fieldErrors,
  formError,
}: ExerciseProps & { reflection: ReflectionBody }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const previous = typeof latest?.answer.text === 'string' ? latest.answer.text : '';
  const [editing, setEditing] = useState(latest === null);
  const [text, setText] = useState(previous);
  const [error, setError] = useState<string | null>(null);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const resultRef = useFocusResult(latest?.id, justSubmitted);
  // The server counts the trimmed text; so does the counter.
  const length = text.trim().length;
  const enough = length >= reflection.minLength;
  const shownError = error ?? fieldErrors.text;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!enough) {
      setError(t('learning.reflection.tooShort', { count: reflection.minLength - length }));
      return;
    }
    setError(null);
    const result = await submit({ text: text.trim() });
    if (result) {
      setJustSubmitted(true);
      setEditing(false);
    }
  }

  if (!editing && latest) {
    return (
      <div className="exercise">
        <p className="exercise__question">{pick(reflection.question, i18n.language)}</p>
        <ResultSummary ref={resultRef} passed={latest.passed} score={null} createdAt={latest.createdAt}>
          <p>{t('learning.reflection.saved')}</p>
        </ResultSummary>
        <h3 className="exercise__subtitle">{t('learning.reflection.yourText')}</h3>
        <p className="plain-text">{previous}</p>
        <div className="form-actions">
          <Button
            onClick={() => {
              setText(previous);
              setJustSubmitted(false);
              setEditing(true);
            }}
          >
            {t('learning.reflection.rewrite')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form className="form exercise" onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormAlert>{formError}</FormAlert>
      <div className={`field${shownError ? ' field--invalid' : ''}`}>
        <label className="field__label field__label--required" htmlFor={id}>
          {pick(reflection.question, i18n.language)}
        </label>
        <textarea
          id={id}
          className="input textarea"
          rows={7}
          maxLength={10000}
          required
          value={text}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={`${id}-count ${id}-error`}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <p className={`field__hint char-count${enough ? ' char-count--enough' : ''}`} id={`${id}-count`}>
          {t('learning.reflection.count', {
            count: length,
            formatted: formatNumber(length, i18n.language),
            min: formatNumber(reflection.minLength, i18n.language),
          })}
        </p>
        {/* Announced once when the minimum is reached, not on every keystroke. */}
        <p className="visually-hidden" aria-live="polite">
          {enough ? t('learning.reflection.enough') : ''}
        </p>
        <p className="field__error" id={`${id}-error`} aria-live="polite">
          {shownError}
        </p>
      </div>
      <ExerciseActions
        submitLabel={t('learning.reflection.submit')}
        submitting={submitting}
        onShowLast={latest ? () => setEditing(false) : undefined}
      />
    </form>
  );
}
