import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useHomeDashboard } from '../api/home-dashboard';
import { FeedbackCard } from './feedback-card';
import { FreiraumSummaryCard } from './freiraum-summary-card';
import { JournalCard } from './journal-card';
import { NextStepCard } from './next-step-card';

/** The employee's dashboard (PRODUCT.md §4): next step, progress, Freiraum, feedback and journal. */
export function HomeDashboardView() {
  const { t } = useTranslation();
  const query = useHomeDashboard();
  if (query.isPending) return <LoadingState label={t('home.loadingDashboard')} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  return (
    <div className="stack">
      <div className="grid-2">
        <NextStepCard path={d.path} nextStep={d.nextStep} />
        <FreiraumSummaryCard freiraum={d.freiraum} />
      </div>
      <div className="grid-2">
        <FeedbackCard items={d.recentFeedback} nextModuleSlug={d.nextStep?.moduleSlug ?? null} />
        <JournalCard entries={d.recentJournal} />
      </div>
    </div>
  );
}
