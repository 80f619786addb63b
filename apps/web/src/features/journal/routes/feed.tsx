import { OUTCOMES, type Outcome } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Card } from '../../../components/ui/card';
import { SelectField } from '../../../components/ui/field';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useFeed, type FeedScope } from '../api/journal';
import { FeedCard } from '../components/feed-card';

const PAGE_SIZE = 20;
const SCOPES: FeedScope[] = ['all', 'team'];

/** `/journal/feed`: experiments colleagues shared with the caller (never the caller's own). */
export function FeedRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const scope: FeedScope = params.get('scope') === 'team' ? 'team' : 'all';
  const outcome = (OUTCOMES as readonly string[]).includes(params.get('outcome') ?? '')
    ? (params.get('outcome') as Outcome)
    : undefined;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const query = useFeed({ scope, outcome, limit: PAGE_SIZE, offset });

  function update(changes: Record<string, string | undefined>, resetOffset = true) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (resetOffset) next.delete('offset');
        return next;
      },
      { replace: true },
    );
  }

  return (
    <>
      <PageHeader title={t('journal.feed.title')} description={t('journal.feed.description')} />
      <div className="journal-filters" role="search" aria-label={t('journal.feed.filtersLabel')}>
        <div className="segmented" role="group" aria-label={t('journal.feed.scopeLabel')}>
          {SCOPES.map((value) => (
            <button
              key={value}
              type="button"
              className="segmented__option"
              aria-pressed={scope === value}
              onClick={() => update({ scope: value === 'all' ? undefined : value })}
            >
              {t(`journal.feed.scopes.${value}`)}
            </button>
          ))}
        </div>
        <SelectField
          label={t('journal.feed.outcomeLabel')}
          value={outcome ?? ''}
          onChange={(e) => update({ outcome: e.target.value || undefined })}
        >
          <option value="">{t('journal.feed.allOutcomes')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`journal.outcomes.${o}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Card>
          <EmptyState title={t('journal.feed.emptyTitle')}>
            {scope === 'team' || outcome ? t('journal.feed.emptyFilteredText') : t('journal.feed.emptyText')}
          </EmptyState>
        </Card>
      ) : (
        <>
          <div className="stack" aria-busy={query.isFetching || undefined}>
            {query.data.items.map((entry) => (
              <FeedCard key={entry.id} entry={entry} />
            ))}
          </div>
          <Pagination
            offset={offset}
            limit={PAGE_SIZE}
            total={query.data.total}
            onChange={(next) => update({ offset: next ? String(next) : undefined }, false)}
          />
        </>
      )}
    </>
  );
}
