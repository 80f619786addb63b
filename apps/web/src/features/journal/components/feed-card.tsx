import type { JournalEntry } from '@freiraum/contracts';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { formatDate, formatDateTime } from '../../../lib/format';
import { EntryFacts } from './entry-facts';
import { KudosButton } from './kudos-button';
import { OutcomeBadge } from './outcome-badge';
import { PromoteEntry } from './promote-form';

/** A colleague's shared experiment: what they tried and learned, kudos, and (manager/HR) promotion. */
export function FeedCard({ entry }: { entry: JournalEntry }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const lang = i18n.language;
  return (
    <article className="card journal-card" aria-labelledby={headingId}>
      <header className="journal-card__header">
        <div>
          <h2 className="card__title journal-card__goal" id={headingId} ref={heading} tabIndex={-1}>
            {entry.goal}
          </h2>
          <p className="small muted">
            {entry.authorName} ·{' '}
            <time dateTime={entry.createdAt} title={formatDateTime(entry.createdAt, lang)}>
              {formatDate(entry.createdAt, lang)}
            </time>
          </p>
        </div>
        <p className="badges">
          <OutcomeBadge outcome={entry.outcome} />
          {entry.useCaseId && <Badge tone="primary">{t('journal.inLibrary')}</Badge>}
        </p>
      </header>
      <EntryFacts entry={entry} />
      <footer className="journal-card__actions">
        <KudosButton entry={entry} />
        {/* After promoting, the button goes away: focus returns to the card it belongs to. */}
        {entry.canPromote && !entry.useCaseId && (
          <PromoteEntry entry={entry} onPromoted={() => heading.current?.focus()} />
        )}
      </footer>
    </article>
  );
}
