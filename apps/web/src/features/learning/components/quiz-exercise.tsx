import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ExerciseActions } from './exercise-actions';
import { FormAlert } from '../../../components/ui/form-alert';
import { pick } from '../../../lib/bilingual';
import { quizBodySchema, quizFeedbackSchema, type QuizBody, type QuizFeedback } from '../api/exercise-shapes';
import type { ExerciseProps } from './exercise-types';
import { ResultSummary } from './result-summary';
import { ShapeError } from './shape-error';
import { useFocusResult } from './use-focus-result';

type Answers = Record<string, string[]>;

function previousAnswers(answer: Record<string, unknown> | undefined): Answers {
  const raw = answer?.answers;
  if (!raw || typeof raw !== 'object') return {};
  return Object.fromEntries(
    Object.entries(raw as Record<string, unknown>).map(([id, v]) => [id, Array.isArray(v) ? v.map(String) : []]),
  );
}

export function QuizExercise({ body, latest, submit, submitting, formError }: ExerciseProps) {
  const parsed = quizBodySchema.safeParse(body);
  const feedback = latest ? quizFeedbackSchema.safeParse(latest.feedback) : null;
  if (!parsed.success) return <ShapeError />;
  return (
    <Quiz
      quiz={parsed.data}
      feedback={feedback?.success ? feedback.data : null}
      latest={latest}
      submit={submit}
      submitting={submitting}
      formError={formError}
    />
  );
}

function Quiz({
  quiz,
  feedback,
  latest,
  submit,
  submitting,
  formError,
}: Pick<ExerciseProps, 'latest' | 'submit' | 'submitting' | 'formError'> & {
  quiz: QuizBody;
  feedback: QuizFeedback | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState(feedback === null);
  const [answers, setAnswers] = useState<Answers>(() => previousAnswers(latest?.answer));
  const [missing, setMissing] = useState<string[]>([]);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const resultRef = useFocusResult(latest?.id, justSubmitted);

  function toggle(questionId: string, optionId: string, single: boolean, checked: boolean) {
    setAnswers((all) => {
      const current = all[questionId] ?? [];
      const next = single ? [optionId] : checked ? [...current, optionId] : current.filter((id) => id !== optionId);
      return { ...all, [questionId]: next };
    });
    setMissing((m) => m.filter((id) => id !== questionId));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const unanswered = quiz.questions.filter((q) => !(answers[q.id]?.length > 0)).map((q) => q.id);
    setMissing(unanswered);
    if (unanswered.length > 0) return;
    const result = await submit({ answers });
    if (result) {
      setJustSubmitted(true);
      setEditing(false);
    }
  }

  if (!editing && feedback && latest) {
    const right = feedback.questions.filter((q) => q.correct).length;
    return (
      <div className="exercise">
        <ResultSummary
          ref={resultRef}
          passed={feedback.passed}
          score={feedback.score}
          passMark={quiz.passMark}
          createdAt={latest.createdAt}
        >
          <p>{t('learning.quiz.rightCount', { count: right, total: feedback.questions.length })}</p>
        </ResultSummary>
        <ol className="quiz-results">
          {quiz.questions.map((question, index) => {
            const result = feedback.questions.find((q) => q.id === question.id);
            return (
              <li key={question.id} className="quiz-result">
                <p className="quiz-result__question">
                  <span className="visually-hidden">{t('learning.quiz.questionNumber', { number: index + 1 })} </span>
                  {pick(question.question, lang)}{' '}
                  {result && (
                    <span className={`verdict verdict--${result.correct ? 'good' : 'bad'}`}>
                      {result.correct ? t('learning.quiz.answeredRight') : t('learning.quiz.answeredWrong')}
                    </span>
                  )}
                </p>
                <ul className="option-results">
                  {question.options.map((option) => {
                    const r = result?.options.find((o) => o.id === option.id);
                    const tone = !r ? '' : r.correct ? 'good' : r.selected ? 'bad' : '';
                    return (
                      <li key={option.id} className={`option-result${tone ? ` option-result--${tone}` : ''}`}>
                        <p className="option-result__text">
                          <span className="option-result__icon" aria-hidden="true">
                            {r?.correct ? '✓' : r?.selected ? '✗' : ''}
                          </span>
                          <span>{pick(option.text, lang)}</span>
                        </p>
                        {r && (
                          <p className="option-result__tags">
                            {r.selected && <span className="tag">{t('learning.quiz.yourChoice')}</span>}
                            <span className={`tag tag--${r.correct ? 'good' : 'neutral'}`}>
                              {r.correct ? t('learning.quiz.correctOption') : t('learning.quiz.wrongOption')}
                            </span>
                          </p>
                        )}
                        {r?.explanation && <p className="option-result__explanation">{r.explanation}</p>}
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          })}
        </ol>
        <div className="form-actions">
          <Button
            onClick={() => {
              setJustSubmitted(false);
              setEditing(true);
            }}
          >
            {t('learning.tryAgain')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form className="form exercise" onSubmit={(e) => void onSubmit(e)} noValidate>
      {quiz.intro && <p>{pick(quiz.intro, lang)}</p>}
      <p className="small muted">{t('learning.quiz.passMark', { mark: Math.round(quiz.passMark * 100) })}</p>
      <FormAlert>{formError ?? (missing.length > 0 ? t('learning.quiz.answerAll') : null)}</FormAlert>
      {quiz.questions.map((question, index) => {
        const single = question.kind === 'single';
        const chosen = answers[question.id] ?? [];
        const unanswered = missing.includes(question.id);
        return (
          <fieldset
            key={question.id}
            className={`fieldset quiz-question${unanswered ? ' field--invalid' : ''}`}
            aria-describedby={`${question.id}-hint`}
          >
            <legend className="field__label">
              <span className="quiz-question__number">{index + 1}.</span> {pick(question.question, lang)}
            </legend>
            <p className="field__hint" id={`${question.id}-hint`}>
              {single ? t('learning.quiz.single') : t('learning.quiz.multiple')}
              {unanswered && <span className="field__error"> {t('learning.quiz.unanswered')}</span>}
            </p>
            <div className="fieldset__options fieldset__options--stacked">
              {question.options.map((option) => {
                const id = `${question.id}-${option.id}`;
                return (
                  <div className="check" key={option.id}>
                    <input
                      id={id}
                      className="check__input"
                      type={single ? 'radio' : 'checkbox'}
                      name={question.id}
                      value={option.id}
                      checked={chosen.includes(option.id)}
                      onChange={(e) => toggle(question.id, option.id, single, e.target.checked)}
                    />
                    <label className="check__label" htmlFor={id}>
                      {pick(option.text, lang)}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
      <ExerciseActions
        submitLabel={t('learning.quiz.submit')}
        submitting={submitting}
        onShowLast={feedback ? () => setEditing(false) : undefined}
      />
    </form>
  );
}
