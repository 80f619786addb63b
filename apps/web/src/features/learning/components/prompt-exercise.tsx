import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ExerciseActions } from './exercise-actions';
import { TextareaField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { pick } from '../../../lib/bilingual';
import { promptBodySchema, promptFeedbackSchema, type PromptBody, type PromptFeedback } from '../api/exercise-shapes';
import type { ExerciseProps } from './exercise-types';
import { Markdown } from './markdown';
import { ResultSummary } from './result-summary';
import { ShapeError } from './shape-error';
import { useFocusResult } from './use-focus-result';

const MAX_LENGTH = 8000;

export function PromptExercise(props: ExerciseProps) {
  const parsed = promptBodySchema.safeParse(props.body);
  const feedback = props.latest ? promptFeedbackSchema.safeParse(props.latest.feedback) : null;
  if (!parsed.success) return <ShapeError />;
  return <Prompt {...props} prompt={parsed.data} feedback={feedback?.success ? feedback.data : null} />;
}

/** The learner's prompt with the personal data the check found highlighted. */
function highlightMatches(text: string, matches: string[]): ReactNode[] {
  const wanted = matches.filter(Boolean);
  if (wanted.length === 0) return [text];
  const escaped = wanted.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'giu'));
  return parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}

function Prompt({
  prompt,
  feedback,
  latest,
  submit,
  submitting,
  fieldErrors,
  formError,
  exerciseId,
}: ExerciseProps & { prompt: PromptBody; feedback: PromptFeedback | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const previous = typeof latest?.answer.prompt === 'string' ? latest.answer.prompt : '';
  const [editing, setEditing] = useState(feedback === null);
  const [text, setText] = useState(previous);
  const [error, setError] = useState<string | null>(null);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const resultRef = useFocusResult(latest?.id, justSubmitted);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    const result = await submit({ prompt: text });
    if (result) {
      setJustSubmitted(true);
      setEditing(false);
    }
  }

  const brief = (
    <div className="exercise__brief">
      <h3 className="exercise__subtitle">{t('learning.prompt.scenario')}</h3>
      <Markdown>{pick(prompt.scenario, lang)}</Markdown>
      <p className="exercise__task">
        <strong>{t('learning.prompt.task')}</strong> {pick(prompt.task, lang)}
      </p>
      <h3 className="exercise__subtitle">{t('learning.prompt.criteriaTitle')}</h3>
      <ul className="criteria-list">
        {prompt.criteria.map((c) => (
          <li key={c.id}>
            {pick(c.label, lang)}{' '}
            <span className="muted small">({t('learning.prompt.weight', { count: c.weight })})</span>
          </li>
        ))}
        <li>{t('learning.prompt.noPersonalData')}</li>
      </ul>
    </div>
  );

  if (!editing && feedback && latest) {
    const promptText = typeof latest.answer.prompt === 'string' ? latest.answer.prompt : '';
    return (
      <div className="exercise">
        {brief}
        <ResultSummary
          ref={resultRef}
          passed={feedback.passed}
          score={feedback.score}
          passMark={prompt.passMark}
          createdAt={latest.createdAt}
        />
        {feedback.personalData.length > 0 && (
          <div className="alert alert--error">
            <p>{t('learning.prompt.personalDataFound')}</p>
            <ul>
              {feedback.personalData.map((p, i) => (
                <li key={i}>
                  {t(`learning.prompt.personalKinds.${p.kind}`)}: <q>{p.match}</q>
                </li>
              ))}
            </ul>
          </div>
        )}
        <h3 className="exercise__subtitle">{t('learning.prompt.criteriaResult')}</h3>
        <ul className="criteria-results">
          {feedback.criteria.map((c) => (
            <li key={c.id} className={`criterion criterion--${c.passed ? 'good' : 'bad'}`}>
              <p className="criterion__label">
                <span className="criterion__icon" aria-hidden="true">
                  {c.passed ? '✓' : '✗'}
                </span>
                <span>{c.label}</span>
                <span className={`verdict verdict--${c.passed ? 'good' : 'bad'}`}>
                  {c.passed ? t('learning.prompt.criterionMet') : t('learning.prompt.criterionMissed')}
                </span>
              </p>
              <p className="criterion__explanation">{c.explanation}</p>
            </li>
          ))}
        </ul>
        <h3 className="exercise__subtitle">{t('learning.prompt.yourPrompt')}</h3>
        <p className="plain-text">
          {highlightMatches(
            promptText,
            feedback.personalData.map((p) => p.match),
          )}
        </p>
        <div className="form-actions">
          <Button
            onClick={() => {
              setText(promptText);
              setJustSubmitted(false);
              setEditing(true);
            }}
          >
            {t('learning.prompt.revise')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form className="form exercise" onSubmit={(e) => void onSubmit(e)} noValidate>
      {brief}
      <FormAlert>{formError}</FormAlert>
      <TextareaField
        id={`${exerciseId}-prompt`}
        label={t('learning.prompt.label')}
        hint={t('learning.prompt.hint')}
        rows={8}
        maxLength={MAX_LENGTH}
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={error ?? fieldErrors.prompt}
      />
      <ExerciseActions
        submitLabel={t('learning.prompt.submit')}
        submitting={submitting}
        onShowLast={feedback ? () => setEditing(false) : undefined}
      />
    </form>
  );
}
