import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useMyJournal } from '../api/journal';
import { JournalEntryCard } from '../components/journal-entry-card';
import { ShareBlockedNotice } from '../components/share-blocked-notice';
import type { JournalLocationState } from './journal-new';

const PAGE_SIZE = 20;

/** `/journal`: the author's own experiments, newest first, failures included. */
export function JournalRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = useMyJournal({ limit: PAGE_SIZE, offset });
  const flagged = (useLocation().state as JournalLocationState | null)?.flaggedEntry;

  return (
    <>
      <PageHeader
        title={t('journal.list.title')}
        description={t('journal.list.description')}
        actions={
          <Link className="btn btn--primary" to="/journal/new">
            {t('journal.list.new')}
          </Link>
        }
      />
      {flagged && <SavedButFlagged entry={flagged} />}
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Card>
          <EmptyState
            title={t('journal.list.emptyTitle')}
            action={
              <Link className="btn btn--primary" to="/journal/new">
                {t('journal.list.new')}
              </Link>
            }
          >
            {t('journal.list.emptyText')}
          </EmptyState>
        </Card>
      ) : (
        <>
          <div className="stack" aria-busy={query.isFetching || undefined}>
            {query.data.items.map((entry) => (
              <JournalEntryCard key={entry.id} entry={entry} />
            ))}
          </div>
          <Pagination
            offset={offset}
            limit={PAGE_SIZE}
            total={query.data.total}
            onChange={(next) => setParams(next ? { offset: String(next) } : {}, { replace: true })}
          />
        </>
      )}
    </>
  );
}

/** Right after a save that raised a flag: saved, but private until the flag is cleared — and why. */
function SavedButFlagged({ entry }: { entry: NonNullable<JournalLocationState['flaggedEntry']> }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // Focus moves here so keyboard and screen-reader users meet the reason first; a tick later than the
  // shell, which focuses the page's main region after each navigation.
  useEffect(() => {
    const timer = window.setTimeout(() => box.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div className="alert alert--info journal-saved" role="status" tabIndex={-1} ref={box}>
      <p>
        <strong>{t('journal.saved.title')}</strong> {t('journal.saved.private')}
      </p>
      <ShareBlockedNotice entry={entry} headingLevel={2} />
    </div>
  );
}
