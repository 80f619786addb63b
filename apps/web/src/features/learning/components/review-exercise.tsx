import { REVIEW_CATEGORIES } from '@freiraum/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ExerciseActions } from './exercise-actions';
import { FormAlert } from '../../../components/ui/form-alert';
import { contentLanguage, pick } from '../../../lib/bilingual';
import { reviewBodySchema, reviewFeedbackSchema, type ReviewBody, type ReviewFeedback } from '../api/exercise-shapes';
import type { ExerciseProps } from './exercise-types';
import { ResultSummary } from './result-summary';
import { rangeToOffsets, segmentText, trimRange, type TextRange } from './review-marking';
import { ShapeError } from './shape-error';
import { useFocusResult } from './use-focus-result';

type Category = (typeof REVIEW_CATEGORIES)[number];
interface Mark extends TextRange {
  category: Category | '';
}

export function ReviewExercise(props: ExerciseProps) {
  const parsed = reviewBodySchema.safeParse(props.body);
  const feedback = props.latest ? reviewFeedbackSchema.safeParse(props.latest.feedback) : null;
  if (!parsed.success) return <ShapeError />;
  return <Review {...props} review={parsed.data} feedback={feedback?.success ? feedback.data : null} />;
}

function Review({
  review,
  feedback,
  latest,
  submit,
  submitting,
  formError,
}: ExerciseProps & { review: ReviewBody; feedback: ReviewFeedback | null }) {
  const { t, i18n } = useTranslation();
  const lang = contentLanguage(i18n.language);
  const doc = review.document[lang];
  const id = useId();
  const docRef = useRef<HTMLDivElement>(null);
  const keyboardRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [editing, setEditing] = useState(feedback === null);
  // Marks are offsets into one language's text: switching the language starts over.
  const [marked, setMarked] = useState<{ lang: string; marks: Mark[] }>({ lang, marks: [] });
  const marks = marked.lang === lang ? marked.marks : [];
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const resultRef = useFocusResult(latest?.id, justSubmitted);
  const categories = review.categories.length ? review.categories : [...REVIEW_CATEGORIES];

  function setMarks(next: Mark[]) {
    setMarked({ lang, marks: next });
    setError(null);
  }

  // Reads what is selected: with the mouse in the text, or with the keyboard in the read-only text field.
  function markSelection() {
    let range: TextRange | null = null;
    const selection = window.getSelection();
    if (selection && selection.rangeCount > 0 && docRef.current) {
      range = rangeToOffsets(docRef.current, selection.getRangeAt(0), doc);
    }
    const field = keyboardRef.current;
    if (!range && field) {
      range = trimRange(doc, field.selectionStart, field.selectionEnd);
      if (range) field.setSelectionRange(field.selectionEnd, field.selectionEnd);
    }
    if (!range) {
      setMessage(t('learning.review.selectFirst'));
      return;
    }
    const { start, end } = range;
    if (marks.some((m) => m.start === start && m.end === end)) {
      setMessage(t('learning.review.alreadyMarked'));
      return;
    }
    selection?.removeAllRanges();
    setMarks([...marks, { start, end, category: '' }]);
    setMessage(t('learning.review.added', { number: marks.length + 1, text: doc.slice(start, end) }));
    // Next step is choosing the category: go there.
    requestAnimationFrame(() => {
      const selects = listRef.current?.querySelectorAll('select');
      selects?.[selects.length - 1]?.focus();
    });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (marks.length === 0) {
      setError(t('learning.review.noMarks'));
      return;
    }
    if (marks.some((m) => !m.category)) {
      setError(t('learning.review.chooseCategories'));
      return;
    }
    const result = await submit({ marks: marks.map(({ start, end, category }) => ({ start, end, category })) });
    if (result) {
      setJustSubmitted(true);
      setEditing(false);
    }
  }

  const instructions = <p className="exercise__question">{pick(review.instructions, lang)}</p>;
  const source = review.source && (
    <div className="review-panel">
      <h3 className="review-panel__title">{t('learning.review.source', { lang: review.source.lang.toUpperCase() })}</h3>
      <div className="review-doc review-doc--source" lang={review.source.lang}>
        {review.source.text}
      </div>
    </div>
  );

  if (!editing && feedback && latest) {
    return (
      <div className="exercise">
        {instructions}
        <ResultSummary
          ref={resultRef}
          passed={feedback.passed}
          score={feedback.score}
          passMark={review.passMark}
          createdAt={latest.createdAt}
        >
          <p>
            {t('learning.review.foundCount', { count: feedback.found.length, total: review.problemCount })}{' '}
            {feedback.falseAlarms.length > 0 &&
              t('learning.review.falseAlarmCount', { count: feedback.falseAlarms.length })}
          </p>
        </ResultSummary>
        {feedback.found.length > 0 && (
          <>
            <h3 className="exercise__subtitle">{t('learning.review.found')}</h3>
            <ul className="criteria-results">
              {feedback.found.map((p) => (
                <li key={p.id} className={`criterion criterion--${p.categoryCorrect ? 'good' : 'partial'}`}>
                  <p className="criterion__label">
                    <span className="criterion__icon" aria-hidden="true">
                      ✓
                    </span>
                    <q>{p.quote}</q>
                  </p>
                  <p className="criterion__meta">
                    {p.categoryCorrect
                      ? t('learning.review.categoryRight', { category: t(`learning.review.categories.${p.category}`) })
                      : t('learning.review.categoryWrong', { category: t(`learning.review.categories.${p.category}`) })}
                  </p>
                  <p className="criterion__explanation">{p.explanation}</p>
                </li>
              ))}
            </ul>
          </>
        )}
        {feedback.missed.length > 0 && (
          <>
            <h3 className="exercise__subtitle">{t('learning.review.missed')}</h3>
            <ul className="criteria-results">
              {feedback.missed.map((p) => (
                <li key={p.id} className="criterion criterion--bad">
                  <p className="criterion__label">
                    <span className="criterion__icon" aria-hidden="true">
                      ✗
                    </span>
                    <q>{p.quote}</q>
                  </p>
                  <p className="criterion__meta">
                    {t('learning.review.categoryIs', { category: t(`learning.review.categories.${p.category}`) })}
                  </p>
                  <p className="criterion__explanation">{p.explanation}</p>
                </li>
              ))}
            </ul>
          </>
        )}
        {feedback.falseAlarms.length > 0 && (
          <>
            <h3 className="exercise__subtitle">{t('learning.review.falseAlarms')}</h3>
            <p className="small muted">{t('learning.review.falseAlarmsHint')}</p>
            <ul className="criteria-results">
              {feedback.falseAlarms.map((f) => (
                <li key={`${f.start}-${f.end}`} className="criterion criterion--neutral">
                  <p className="criterion__label">
                    <span className="criterion__icon" aria-hidden="true">
                      !
                    </span>
                    <q>{f.text}</q>
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="form-actions">
          <Button
            onClick={() => {
              setJustSubmitted(false);
              setMarks([]);
              setMessage('');
              setEditing(true);
            }}
          >
            {t('learning.tryAgain')}
          </Button>
        </div>
      </div>
    );
  }

  const segments = segmentText(doc.length, marks);

  return (
    <form className="form exercise" onSubmit={(e) => void onSubmit(e)} noValidate>
      {instructions}
      <p className="small muted">
        {t('learning.review.problemCount', { count: review.problemCount })}{' '}
        {t('learning.review.passMark', { mark: Math.round(review.passMark * 100) })}
      </p>
      <div className={`review-panels${source ? ' review-panels--two' : ''}`}>
        {source}
        <div className="review-panel">
          <h3 className="review-panel__title">{t('learning.review.document')}</h3>
          {/* Only the text lives in here: offsets are counted over its characters (see review-marking.ts). */}
          <div ref={docRef} className="review-doc" lang={lang}>
            {segments.map((s) =>
              s.marks.length > 0 ? (
                <mark key={s.start} className="review-mark">
                  {doc.slice(s.start, s.end)}
                </mark>
              ) : (
                <span key={s.start}>{doc.slice(s.start, s.end)}</span>
              ),
            )}
          </div>
        </div>
      </div>
      <details className="review-keyboard">
        <summary>{t('learning.review.keyboardTitle')}</summary>
        <p className="field__hint" id={`${id}-kbd-hint`}>
          {t('learning.review.keyboardHint')}
        </p>
        <textarea
          ref={keyboardRef}
          className="input textarea review-keyboard__field"
          readOnly
          rows={10}
          value={doc}
          lang={lang}
          aria-label={t('learning.review.keyboardField')}
          aria-describedby={`${id}-kbd-hint`}
        />
      </details>
      <div className="review-toolbar">
        <Button
          variant="primary"
          // Keeps the text selection alive while the button is pressed.
          onMouseDown={(e) => e.preventDefault()}
          onClick={markSelection}
        >
          {t('learning.review.markSelection')}
        </Button>
        <p className="small muted" aria-live="polite">
          {message || t('learning.review.markHint')}
        </p>
      </div>
      <h3 className="exercise__subtitle">{t('learning.review.marksTitle', { count: marks.length })}</h3>
      {marks.length === 0 ? (
        <p className="muted small">{t('learning.review.noMarksYet')}</p>
      ) : (
        <ol className="mark-list" ref={listRef}>
          {marks.map((m, index) => (
            <li key={`${m.start}-${m.end}`} className="mark-list__item">
              <p className="mark-list__quote">
                <span className="mark-list__number" aria-hidden="true">
                  {index + 1}
                </span>
                <q>{doc.slice(m.start, m.end)}</q>
              </p>
              <div className="mark-list__controls">
                <label className="visually-hidden" htmlFor={`${id}-cat-${index}`}>
                  {t('learning.review.categoryFor', { number: index + 1 })}
                </label>
                <select
                  id={`${id}-cat-${index}`}
                  className="input select"
                  value={m.category}
                  aria-invalid={error && !m.category ? true : undefined}
                  onChange={(e) =>
                    setMarks(marks.map((x, i) => (i === index ? { ...x, category: e.target.value as Category } : x)))
                  }
                >
                  <option value="">{t('learning.review.chooseCategory')}</option>
                  {categories.map((c) => (
                    <option key={c} value={c}>
                      {t(`learning.review.categories.${c}`)}
                    </option>
                  ))}
                </select>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setMarks(marks.filter((_, i) => i !== index));
                    setMessage(t('learning.review.removed', { number: index + 1 }));
                  }}
                >
                  {t('learning.review.remove')}
                  <span className="visually-hidden">: {t('learning.review.markNumber', { number: index + 1 })}</span>
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <FormAlert>{error ?? formError}</FormAlert>
      <ExerciseActions
        submitLabel={t('learning.review.submit')}
        submitting={submitting}
        onShowLast={feedback ? () => setEditing(false) : undefined}
      />
    </form>
  );
}
