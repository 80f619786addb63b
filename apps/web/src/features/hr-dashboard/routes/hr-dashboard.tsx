import type { HrDashboard, HrDashboardQuery } from '@freiraum/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { formatDate } from '../../../lib/format';
import { useHrDashboard } from '../api/hr-dashboard';
import { BreakdownTable } from '../components/breakdown-table';
import { PrivacyThreshold } from '../components/figure';
import { FilterBar } from '../components/filter-bar';
import { noonOf, readFilters, toQuery, writeFilters, type DashboardFilters } from '../components/filters';
import { FreiraumChart } from '../components/freiraum-chart';
import { FunnelChart } from '../components/funnel-chart';
import { HeadlineCards, LeadershipCard } from '../components/headline-cards';
import { OutcomesChart } from '../components/outcomes-chart';
import { TrendsChart } from '../components/trends-chart';

/** The organisation-wide learning, Freiraum and experiment figures for HR (PRODUCT.md §4, privacy per §6). */
export function HrDashboardRoute() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  // "Today" for the period presets; fixed for the visit so a preset's dates do not move under the reader.
  const [today] = useState(() => new Date());
  const filters = readFilters(params);
  const { query, problem } = toQuery(filters, today);
  const dashboard = useHrDashboard(query);
  const data = dashboard.data;

  const change = (next: DashboardFilters) => {
    // Switching to a custom range starts from the dates on screen rather than two empty fields.
    const seeded =
      next.period === 'custom' && filters.period !== 'custom' && data
        ? { ...next, from: next.from || data.range.from, to: next.to || data.range.to }
        : next;
    setParams(writeFilters(seeded), { replace: true });
  };

  const range = data
    ? t('hrDashboard.range', {
        from: formatDate(noonOf(data.range.from), i18n.language),
        to: formatDate(noonOf(data.range.to), i18n.language),
      })
    : null;

  return (
    <>
      <PageHeader title={t('hrDashboard.title')} description={t('hrDashboard.description')} />
      <div className="stack hr-dashboard">
        <section className="card card--flush" aria-labelledby="hr-filters-heading">
          <h2 id="hr-filters-heading" className="visually-hidden">
            {t('hrDashboard.filters.label')}
          </h2>
          <FilterBar filters={filters} problem={problem} onChange={change} />
          <p className="hr-range small" role="status">
            {problem?.problem === 'required'
              ? t('hrDashboard.filters.chooseDates')
              : dashboard.isFetching && data
                ? t('hrDashboard.updating')
                : range}
          </p>
        </section>
        {!query && !data ? null : dashboard.isPending ? (
          <LoadingState />
        ) : dashboard.isError && !data ? (
          <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        ) : data ? (
          <PrivacyThreshold value={data.privacyThreshold}>
            {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
            <DashboardBody dashboard={data} query={query} />
          </PrivacyThreshold>
        ) : null}
      </div>
    </>
  );
}

function DashboardBody({ dashboard, query }: { dashboard: HrDashboard; query: HrDashboardQuery | null }) {
  const { t } = useTranslation();
  const { enrolled } = dashboard.totals;
  const count = dashboard.privacyThreshold;

  if (enrolled.suppressed === null && enrolled.value === 0) {
    return <EmptyState title={t('hrDashboard.empty.title')}>{t('hrDashboard.empty.text')}</EmptyState>;
  }
  return (
    <>
      <div className="alert alert--info hr-privacy">
        <p>{t('hrDashboard.privacy.rule', { count })}</p>
        <p>{t('hrDashboard.privacy.complementary', { count })}</p>
        {enrolled.suppressed !== null && (
          <p className="hr-privacy__small">{t('hrDashboard.privacy.wholeFilter', { count })}</p>
        )}
      </div>
      <HeadlineCards dashboard={dashboard} query={query} />
      <div className="grid-2">
        <LeadershipCard dashboard={dashboard} />
        <OutcomesChart dashboard={dashboard} />
      </div>
      <TrendsChart dashboard={dashboard} query={query} />
      <FreiraumChart dashboard={dashboard} />
      <FunnelChart dashboard={dashboard} query={query} />
      <BreakdownTable table="departments" rows={dashboard.byDepartment} totals={dashboard.totals} query={query} />
      <BreakdownTable table="tracks" rows={dashboard.byTrack} totals={dashboard.totals} query={query} />
    </>
  );
}
