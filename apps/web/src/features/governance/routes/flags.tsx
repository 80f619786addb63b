import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useFlags, type FlagFilter } from '../api/flags';
import { FlagCard } from '../components/flag-card';

const FILTERS: FlagFilter[] = ['open', 'cleared', 'confirmed', 'all'];

/** AI-policy flags the caller decides (PRODUCT.md §3): open → cleared | confirmed, each with a note. */
export function FlagsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = (FILTERS as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as FlagFilter)
    : 'open';
  const query = useFlags(status);

  return (
    <>
      <PageHeader title={t('governance.title')} description={t('governance.description')} />
      <div className="segmented" role="group" aria-label={t('governance.filterLabel')}>
        {FILTERS.map((value) => (
          <button
            key={value}
            type="button"
            className="segmented__option"
            aria-pressed={status === value}
            onClick={() => setParams(value === 'open' ? {} : { status: value }, { replace: true })}
          >
            {t(`governance.filters.${value}`)}
          </button>
        ))}
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Card>
          <EmptyState title={status === 'open' ? t('governance.emptyOpenTitle') : t('governance.emptyTitle')}>
            {t('governance.emptyText')}
          </EmptyState>
        </Card>
      ) : (
        <div className="stack">
          {query.data.items.map((flag) => (
            <FlagCard key={flag.id} flag={flag} />
          ))}
        </div>
      )}
    </>
  );
}
