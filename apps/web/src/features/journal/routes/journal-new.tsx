import type { JournalEntry } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { useToast } from '../../../components/ui/toast';
import { formatDate, formatNumber } from '../../../lib/format';
import { useFreiraumRequest } from '../api/journal';
import { JournalForm } from '../components/journal-form';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the journal page shows after a save that raised a flag. */
export interface JournalLocationState {
  flaggedEntry?: JournalEntry;
}

/** `/journal/new` (optionally `?requestId=` of the Freiraum slot it belongs to). */
export function JournalNewRoute() {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const raw = params.get('requestId');
  const requestId = raw && UUID.test(raw) ? raw : null;

  function onSaved(entry: JournalEntry) {
    if (entry.flag || entry.shareBlockedReason) {
      // The reason needs reading, not a toast that fades: the journal page shows it at the top.
      void navigate('/journal', { state: { flaggedEntry: entry } satisfies JournalLocationState });
      return;
    }
    toast(t('journal.form.saved'));
    void navigate('/journal');
  }

  return (
    <>
      <PageHeader title={t('journal.form.title')} description={t('journal.form.description')} />
      {requestId && <RequestContext id={requestId} />}
      <Card>
        <JournalForm requestId={requestId} onSaved={onSaved} />
      </Card>
    </>
  );
}

function RequestContext({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const request = useFreiraumRequest(id);
  if (!request.data) return null;
  const r = request.data;
  return (
    <div className="callout journal-request">
      <p>
        {t('journal.form.forRequest', {
          date: formatDate(`${r.slotDate}T12:00:00`, i18n.language),
          hours: formatNumber(r.hours, i18n.language),
        })}
      </p>
      {(r.purposeTitle || r.purpose) && <p className="plain-text small">{r.purposeTitle ?? r.purpose}</p>}
      {r.hasJournalEntry && <p className="small">{t('journal.form.requestHasEntry')}</p>}
    </div>
  );
}
