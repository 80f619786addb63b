import type { FreiraumRequest } from '@freiraum/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/form-errors';
import { useCancelRequest, useDownloadCalendar } from '../api/freiraum';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { formatDay, formatHours, STATUS_TONE } from './format';

/** The period's own requests, one entry each, with what can be done with it now. */
export function RequestList({ items, today }: { items: FreiraumRequest[]; today: string }) {
  return (
    <ul className="item-list freiraum-requests">
      {items.map((r) => (
        <RequestItem key={r.id} request={r} today={today} />
      ))}
    </ul>
  );
}

/** A line on what a request is for: "Übung: Prompting-Grundlagen", "Freies Experiment". */
export function PurposeLine({ request }: { request: Pick<FreiraumRequest, 'purposeType' | 'purposeTitle'> }) {
  const { t } = useTranslation();
  const type = t(`freiraum.purposeTypesShort.${request.purposeType}`);
  return <>{request.purposeTitle ? `${type}: ${request.purposeTitle}` : type}</>;
}

function RequestItem({ request: r, today }: { request: FreiraumRequest; today: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const toast = useToast();
  const cancel = useCancelRequest();
  const calendar = useDownloadCalendar();
  const idempotency = useIdempotencyKey();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const day = formatDay(r.slotDate, lang);
  const hours = formatHours(r.hours, t, lang);
  // "Passed" as the balance counts it: approved hours before today are used.
  const canLog = r.status === 'approved' && r.slotDate < today && !r.hasJournalEntry;
  // Buttons are named with their day via aria-label: one name in every browser (a hidden span gets spaces).

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function doCancel() {
    setError(null);
    const key = idempotency.keyFor({ cancel: r.id });
    try {
      await cancel.mutateAsync({ id: r.id, key });
      idempotency.settled();
      toast(t('freiraum.list.cancelled', { date: day }));
    } catch (err) {
      idempotency.settled(err);
      setError(errorMessage(err, t));
      setConfirming(false);
    }
  }

  function download() {
    setError(null);
    calendar.mutate({ id: r.id, slotDate: r.slotDate }, { onError: (err) => setError(errorMessage(err, t)) });
  }

  return (
    <li className="freiraum-request">
      <div className="freiraum-request__header">
        <h3 className="freiraum-request__title">
          {day} · {hours}
        </h3>
        <p className="badges">
          <Badge tone={STATUS_TONE[r.status]}>{t(`freiraum.status.${r.status}`)}</Badge>
          {r.status === 'pending' && r.escalatedAt && <Badge tone="primary">{t('freiraum.escalated')}</Badge>}
        </p>
      </div>
      <p className="freiraum-request__purpose">
        <PurposeLine request={r} />
      </p>
      {r.purpose && <p className="plain-text small">{r.purpose}</p>}
      {r.decidedByName && (r.status === 'approved' || r.status === 'rejected') && (
        <p className="small muted">
          {t(r.status === 'approved' ? 'freiraum.list.approvedBy' : 'freiraum.list.rejectedBy', {
            name: r.decidedByName,
          })}
        </p>
      )}
      {r.decisionNote && (
        <p className={`freiraum-request__note freiraum-request__note--${r.status} small`}>
          <strong>{r.status === 'rejected' ? t('freiraum.list.reason') : t('freiraum.list.note')}</strong>{' '}
          <span className="plain-text">{r.decisionNote}</span>
        </p>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {confirming ? (
        <div
          className="freiraum-request__confirm"
          role="group"
          aria-label={t('freiraum.list.confirmLabel', { date: day })}
        >
          <p className="small">{t('freiraum.list.confirmText')}</p>
          <div className="form-actions">
            <Button
              ref={confirmRef}
              size="sm"
              variant="danger"
              loading={cancel.isPending}
              onClick={() => void doCancel()}
            >
              {t('freiraum.list.confirmCancel')}
            </Button>
            <Button
              size="sm"
              disabled={cancel.isPending}
              onClick={() => {
                setConfirming(false);
                // Back to where the person started.
                window.setTimeout(() => cancelRef.current?.focus(), 0);
              }}
            >
              {t('freiraum.list.keep')}
            </Button>
          </div>
        </div>
      ) : (
        (r.canCancel || r.status === 'approved' || canLog) && (
          <div className="form-actions">
            {r.status === 'approved' && (
              <Button
                size="sm"
                aria-label={`${t('freiraum.list.addToCalendar')}: ${day}`}
                loading={calendar.isPending}
                onClick={download}
              >
                {t('freiraum.list.addToCalendar')}
              </Button>
            )}
            {canLog && (
              <Link
                className="btn btn--primary btn--sm"
                aria-label={`${t('freiraum.list.logIt')}: ${day}`}
                to={`/journal/new?requestId=${encodeURIComponent(r.id)}`}
              >
                {t('freiraum.list.logIt')}
              </Link>
            )}
            {r.canCancel && (
              <Button
                ref={cancelRef}
                size="sm"
                variant="ghost"
                aria-label={`${t('freiraum.list.cancel')}: ${day}`}
                onClick={() => setConfirming(true)}
              >
                {t('freiraum.list.cancel')}
              </Button>
            )}
          </div>
        )
      )}
    </li>
  );
}
