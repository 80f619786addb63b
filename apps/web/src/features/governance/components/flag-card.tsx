import { flagDecisionSchema, type Flag } from '@freiraum/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors } from '../../../lib/form-errors';
import { useDecideFlag } from '../api/flags';

const TONE: Record<Flag['status'], BadgeTone> = { open: 'danger', cleared: 'success', confirmed: 'warning' };

/** One AI-policy flag: what was used with which data, and (for the decider) clear or confirm with a note. */
export function FlagCard({ flag }: { flag: Flag }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const lang = i18n.language;
  return (
    <article className="card flag-card" aria-labelledby={headingId}>
      <header className="review-card__header">
        <div>
          <h2 className="card__title" id={headingId}>
            {flag.userName}
          </h2>
          <p className="small muted">
            {t(`governance.subjects.${flag.subjectType}`, { defaultValue: flag.subjectType })} ·{' '}
            <time dateTime={flag.createdAt} title={formatDateTime(flag.createdAt, lang)}>
              {formatRelative(flag.createdAt, lang)}
            </time>
          </p>
        </div>
        <p className="badges">
          <Badge tone={TONE[flag.status]}>{t(`governance.status.${flag.status}`)}</Badge>
        </p>
      </header>
      <p>
        {t(`governance.reasons.${flag.reason}`, {
          tool: flag.toolName,
          dataClass: t(`dataClasses.${flag.dataClass}.label`),
        })}
      </p>
      <dl className="facts">
        <dt>{t('governance.tool')}</dt>
        <dd>{flag.toolName}</dd>
        <dt>{t('governance.dataClass')}</dt>
        <dd>{t(`dataClasses.${flag.dataClass}.label`)}</dd>
        {flag.decisionNote && (
          <>
            <dt>{t('governance.note')}</dt>
            <dd className="plain-text">{flag.decisionNote}</dd>
          </>
        )}
        {flag.decidedAt && (
          <>
            <dt>{t('governance.decidedAt')}</dt>
            <dd>{formatDateTime(flag.decidedAt, lang)}</dd>
          </>
        )}
      </dl>
      {flag.status === 'open' && flag.canDecide && <FlagDecisionForm flag={flag} />}
    </article>
  );
}

function FlagDecisionForm({ flag }: { flag: Flag }) {
  const { t } = useTranslation();
  const toast = useToast();
  const decide = useDecideFlag();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  async function send(decision: 'cleared' | 'confirmed') {
    setFormError(null);
    const parsed = flagDecisionSchema.safeParse({ decision, note }, FORM_PARSE);
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error, t).note);
      return;
    }
    setError(undefined);
    try {
      await decide.mutateAsync({ id: flag.id, body: parsed.data });
      toast(t(`governance.decided.${decision}`));
    } catch (err) {
      setError(apiFieldErrors(err, t).note);
      setFormError(errorMessage(err, t));
    }
  }

  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} noValidate>
      <FormAlert>{formError}</FormAlert>
      <TextareaField
        id={`${id}-note`}
        label={t('governance.noteLabel')}
        hint={t('governance.noteHint')}
        rows={3}
        maxLength={2000}
        required
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          setError(undefined);
        }}
        error={error}
      />
      <div className="form-actions">
        <Button
          variant="primary"
          loading={decide.isPending && decide.variables?.body.decision === 'cleared'}
          disabled={decide.isPending}
          onClick={() => void send('cleared')}
        >
          {t('governance.clear')}
        </Button>
        <Button
          variant="danger"
          loading={decide.isPending && decide.variables?.body.decision === 'confirmed'}
          disabled={decide.isPending}
          onClick={() => void send('confirmed')}
        >
          {t('governance.confirm')}
        </Button>
      </div>
    </form>
  );
}
