import type { InboxItem } from '@freiraum/contracts';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { TextareaField } from '../../../components/ui/field';
import { useToast } from '../../../components/ui/toast';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { apiFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useDecideRequest } from '../api/freiraum';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { formatDay, formatHours, localizeErrors } from './format';
import { PurposeLine } from './request-list';

export const REASON_MIN = 5;

/** Enter toggles a checkbox too (Space does natively), as people expect from a list of things to pick. */
export function toggleOnEnter(event: KeyboardEvent<HTMLInputElement>) {
  if (event.key === 'Enter') {
    event.preventDefault();
    event.currentTarget.click();
  }
}

export const inboxHeadingId = (id: string) => `freiraum-inbox-${id}`;

interface InboxCardProps {
  item: InboxItem;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** Called as a decision is sent, so the page can move focus once the item leaves the list. */
  onDeciding: () => void;
  /** What went wrong with this item in a bulk decision. */
  bulkError?: string;
}

/** One request waiting for a decision, with what the decider needs beside it. */
export function InboxCard({ item, selected, onSelect, onDeciding, bulkError }: InboxCardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const toast = useToast();
  const decide = useDecideRequest();
  const idempotency = useIdempotencyKey();
  const checkboxId = useId();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const reasonId = useId();
  const rejectRef = useRef<HTMLButtonElement>(null);
  const day = formatDay(item.slotDate, lang);
  const h = (n: number) => formatHours(n, t, lang);
  const b = item.context.requesterBalance;

  useEffect(() => {
    if (rejecting) document.getElementById(reasonId)?.focus();
  }, [rejecting, reasonId]);

  async function send(decision: 'approved' | 'rejected') {
    setError(null);
    const note = decision === 'rejected' ? reason.trim() : '';
    if (decision === 'rejected' && note.length < REASON_MIN) {
      setReasonError(t('freiraum.validation.reasonRequired'));
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(undefined);
    const body = { decision, note };
    const key = idempotency.keyFor({ id: item.id, ...body });
    try {
      onDeciding();
      await decide.mutateAsync({ id: item.id, body, key });
      idempotency.settled();
      toast(
        t(decision === 'approved' ? 'freiraum.approvals.approvedToast' : 'freiraum.approvals.rejectedToast', {
          name: item.userName,
          date: day,
        }),
      );
    } catch (err) {
      idempotency.settled(err);
      setReasonError(localizeErrors(apiFieldErrors(err, t), t).note);
      setError(errorMessage(err, t));
    }
  }

  return (
    <article className="card inbox-card" aria-labelledby={inboxHeadingId(item.id)}>
      <header className="inbox-card__header">
        <div className="inbox-card__select">
          <input
            id={checkboxId}
            type="checkbox"
            className="check__input"
            checked={selected}
            onChange={(e) => onSelect(e.target.checked)}
            onKeyDown={toggleOnEnter}
          />
          <label className="visually-hidden" htmlFor={checkboxId}>
            {t('freiraum.approvals.select', { name: item.userName, date: day })}
          </label>
        </div>
        <div className="inbox-card__title">
          <h2 className="card__title" id={inboxHeadingId(item.id)} tabIndex={-1}>
            {item.userName}
          </h2>
          <p className="small muted">
            {day} · {h(item.hours)}
          </p>
        </div>
        <p className="badges">{item.escalatedAt && <Badge tone="warning">{t('freiraum.escalated')}</Badge>}</p>
      </header>
      <dl className="facts">
        <dt>{t('freiraum.approvals.purpose')}</dt>
        <dd>
          <PurposeLine request={item} />
          {item.purpose && <span className="plain-text inbox-card__purpose">{item.purpose}</span>}
        </dd>
        <dt>{t('freiraum.approvals.requested')}</dt>
        <dd>
          <time dateTime={item.createdAt} title={formatDateTime(item.createdAt, lang)}>
            {formatRelative(item.createdAt, lang)}
          </time>
        </dd>
        <dt>{t('freiraum.approvals.balance')}</dt>
        <dd>
          {t('freiraum.approvals.balanceText', {
            allocated: h(b.allocated),
            pending: h(b.pending),
            approved: h(b.approved),
            left: h(b.left),
          })}
        </dd>
        <dt>{t('freiraum.approvals.away')}</dt>
        <dd>
          {item.context.teammatesAway.length === 0 ? (
            <span className="muted">{t('freiraum.approvals.nobodyAway')}</span>
          ) : (
            <ul className="inline-list">
              {item.context.teammatesAway.map((m) => (
                <li key={m.userId}>
                  {t('freiraum.approvals.awayItem', {
                    name: m.name,
                    hours: h(m.hours),
                    status: t(`freiraum.status.${m.status}`),
                  })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {(error ?? bulkError) && (
        <p className="field__error" role="alert">
          {error ?? bulkError}
        </p>
      )}
      {rejecting ? (
        <form className="form inbox-card__reject" onSubmit={(e) => e.preventDefault()} noValidate>
          <TextareaField
            id={reasonId}
            label={t('freiraum.approvals.reason', { name: item.userName })}
            hint={t('freiraum.approvals.reasonHint', { count: REASON_MIN })}
            required
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(undefined);
            }}
            error={reasonError}
          />
          <div className="form-actions">
            <Button type="submit" variant="danger" loading={decide.isPending} onClick={() => void send('rejected')}>
              {t('freiraum.approvals.sendReject')}
            </Button>
            <Button
              disabled={decide.isPending}
              onClick={() => {
                setRejecting(false);
                setReasonError(undefined);
                window.setTimeout(() => rejectRef.current?.focus(), 0);
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="form-actions">
          <Button variant="primary" loading={decide.isPending} onClick={() => void send('approved')}>
            {t('freiraum.approvals.approve')}
          </Button>
          <Button ref={rejectRef} disabled={decide.isPending} onClick={() => setRejecting(true)}>
            {t('freiraum.approvals.reject')}
          </Button>
        </div>
      )}
    </article>
  );
}
