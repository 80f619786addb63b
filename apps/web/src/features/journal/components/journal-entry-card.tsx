import type { JournalEntry } from '@freiraum/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { formatDate, formatDateTime } from '../../../lib/format';
import { EntryFacts } from './entry-facts';
import { OutcomeBadge } from './outcome-badge';
import { ShareBlockedNotice } from './share-blocked-notice';
import { VisibilityControl } from './visibility-control';

const FLAG_TONE: Record<NonNullable<JournalEntry['flag']>['status'], BadgeTone> = {
  open: 'warning',
  cleared: 'success',
  confirmed: 'danger',
};

/** One of the author's own entries: everything they logged, the flag if any, and who sees it. */
export function JournalEntryCard({ entry }: { entry: JournalEntry }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const lang = i18n.language;
  return (
    <article className="card journal-card" aria-labelledby={headingId}>
      <header className="journal-card__header">
        <div>
          <h2 className="card__title journal-card__goal" id={headingId}>
            {entry.goal}
          </h2>
          <p className="small muted">
            <time dateTime={entry.createdAt} title={formatDateTime(entry.createdAt, lang)}>
              {formatDate(entry.createdAt, lang)}
            </time>
          </p>
        </div>
        <p className="badges">
          <OutcomeBadge outcome={entry.outcome} />
          {entry.flag && <Badge tone={FLAG_TONE[entry.flag.status]}>{t(`journal.flag.${entry.flag.status}`)}</Badge>}
          {entry.useCaseId && <Badge tone="primary">{t('journal.inLibrary')}</Badge>}
        </p>
      </header>
      <ShareBlockedNotice entry={entry} />
      <EntryFacts entry={entry} own />
      <VisibilityControl entry={entry} />
    </article>
  );
}
