import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useReviews, type ReviewTab } from '../api/reviews';
import { ReviewCard } from '../components/review-card';

export function ReviewsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: ReviewTab = params.get('status') === 'decided' ? 'decided' : 'submitted';
  const query = useReviews(tab);
  const waiting = useReviews('submitted');

  return (
    <>
      <PageHeader title={t('reviews.title')} description={t('reviews.description')} />
      <div className="segmented" role="group" aria-label={t('reviews.viewLabel')}>
        {(['submitted', 'decided'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className="segmented__option"
            aria-pressed={tab === value}
            onClick={() => setParams(value === 'submitted' ? {} : { status: value }, { replace: true })}
          >
            {t(`reviews.tabs.${value}`)}
            {value === 'submitted' && waiting.data && ` (${waiting.data.items.length})`}
          </button>
        ))}
      </div>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Card>
          <EmptyState title={tab === 'submitted' ? t('reviews.emptyTitle') : t('reviews.emptyDecidedTitle')}>
            {tab === 'submitted' ? t('reviews.emptyText') : t('reviews.emptyDecidedText')}
          </EmptyState>
        </Card>
      ) : (
        <div className="stack">
          {query.data.items.map((item) => (
            <ReviewCard key={item.attemptId} item={item} />
          ))}
        </div>
      )}
    </>
  );
}
