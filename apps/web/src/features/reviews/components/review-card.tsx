import type { ReviewQueueItem } from '@freiraum/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { pick } from '../../../lib/bilingual';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { apiFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useAiPolicy, useDecideReview } from '../api/reviews';

const REVISE_MIN = 10;
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** One practice submission: what the learner did, any AI-policy flag, and the decision. */
export function ReviewCard({ item }: { item: ReviewQueueItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const policy = useAiPolicy();
  const headingId = useId();
  const name = `${item.learner.firstName} ${item.learner.lastName}`;
  const toolId = str(item.answer.toolId);
  const toolName =
    toolId === 'other'
      ? `${str(item.answer.toolName) || t('learning.practice.otherTool')} (${t('reviews.unlisted')})`
      : (policy.data?.tools.find((tool) => tool.id === toolId)?.name ?? toolId);
  const dataClass = str(item.answer.dataClass);

  return (
    <article className="card review-card" aria-labelledby={headingId}>
      <header className="review-card__header">
        <div>
          <h2 className="card__title" id={headingId}>
            {name}
          </h2>
          <p className="small muted">
            {pick(item.exercise.moduleTitle, lang)} · {pick(item.exercise.title, lang)}
          </p>
          <p className="small muted">
            {t('reviews.submitted')}{' '}
            <time dateTime={item.submittedAt} title={formatDateTime(item.submittedAt, lang)}>
              {formatRelative(item.submittedAt, lang)}
            </time>
          </p>
        </div>
        <p className="badges">
          {item.status !== 'submitted' && (
            <Badge tone={item.status === 'accepted' ? 'success' : 'warning'}>
              {t(`reviews.status.${item.status}`)}
            </Badge>
          )}
          {item.flag && (
            <Badge
              tone={item.flag.status === 'open' ? 'danger' : item.flag.status === 'confirmed' ? 'warning' : 'neutral'}
            >
              {t(`reviews.flag.${item.flag.status}`)}
            </Badge>
          )}
        </p>
      </header>
      {item.flag && (
        <p className={`flag-notice flag-notice--${item.flag.status} small`}>
          {t(`governance.reasons.${item.flag.reason === 'unlisted_tool' ? 'unlisted_tool' : 'class_not_allowed'}`, {
            tool: item.flag.toolName,
            dataClass: t(`dataClasses.${item.flag.dataClass}.label`, { defaultValue: item.flag.dataClass }),
          })}{' '}
          {item.flag.status === 'open' && <Link to="/flags">{t('reviews.toFlags')}</Link>}
        </p>
      )}
      <details className="review-card__task">
        <summary>{t('reviews.task')}</summary>
        <p>{pick(item.exercise.task, lang)}</p>
      </details>
      <dl className="facts answer-facts">
        <dt>{t('reviews.answer.whatIDid')}</dt>
        <dd className="plain-text">{str(item.answer.whatIDid)}</dd>
        <dt>{t('reviews.answer.result')}</dt>
        <dd className="plain-text">{str(item.answer.result)}</dd>
        <dt>{t('reviews.answer.howChecked')}</dt>
        <dd className="plain-text">{str(item.answer.howChecked)}</dd>
        <dt>{t('reviews.answer.tool')}</dt>
        <dd>{toolName}</dd>
        <dt>{t('reviews.answer.dataClass')}</dt>
        <dd>{dataClass ? t(`dataClasses.${dataClass}.label`, { defaultValue: dataClass }) : '—'}</dd>
      </dl>
      {item.status === 'submitted' ? (
        <DecisionForm attemptId={item.attemptId} learnerName={item.learner.firstName} />
      ) : (
        item.reviewNote && (
          <p className="review-card__note">
            <strong>{t('reviews.yourFeedback')}</strong> <span className="plain-text">{item.reviewNote}</span>
          </p>
        )
      )}
    </article>
  );
}

function DecisionForm({ attemptId, learnerName }: { attemptId: string; learnerName: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const decide = useDecideReview();
  const [feedback, setFeedback] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  async function send(decision: 'accept' | 'revise') {
    setFormError(null);
    if (decision === 'revise' && feedback.trim().length < REVISE_MIN) {
      setError(t('reviews.feedbackRequired', { count: REVISE_MIN }));
      return;
    }
    setError(undefined);
    try {
      await decide.mutateAsync({ attemptId, body: { decision, feedback: feedback.trim() } });
      toast(
        decision === 'accept'
          ? t('reviews.accepted', { name: learnerName })
          : t('reviews.revised', { name: learnerName }),
      );
    } catch (err) {
      setError(apiFieldErrors(err, t).feedback);
      setFormError(errorMessage(err, t));
    }
  }

  return (
    <form className="form review-card__decision" onSubmit={(e) => e.preventDefault()} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextareaField
        label={t('reviews.feedbackLabel', { name: learnerName })}
        hint={t('reviews.feedbackHint', { count: REVISE_MIN })}
        rows={3}
        maxLength={5000}
        value={feedback}
        onChange={(e) => {
          setFeedback(e.target.value);
          setError(undefined);
        }}
        error={error}
      />
      <div className="form-actions">
        <Button
          variant="primary"
          loading={decide.isPending && decide.variables?.body.decision === 'accept'}
          disabled={decide.isPending}
          onClick={() => void send('accept')}
        >
          {t('reviews.accept')}
        </Button>
        <Button
          loading={decide.isPending && decide.variables?.body.decision === 'revise'}
          disabled={decide.isPending}
          onClick={() => void send('revise')}
        >
          {t('reviews.revise')}
        </Button>
      </div>
    </form>
  );
}
