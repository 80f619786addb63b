import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useInbox, useMyFreiraum, useMyRequests } from '../api/freiraum';
import { BalanceCard } from '../components/balance-card';
import { periodLabel } from '../components/format';
import { PeriodNav, periodKeyOf, usePeriodParam } from '../components/period-nav';
import { RequestCalendar } from '../components/request-calendar';
import { RequestForm } from '../components/request-form';
import { RequestList } from '../components/request-list';

type View = 'list' | 'calendar';

export function MyFreiraumRoute() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = usePeriodParam();
  const [view, setView] = useState<View>('list');
  const me = useMyFreiraum(period);
  const shown = me.data?.period;
  const requests = useMyRequests(shown?.key);
  // Delegates may be plain employees: whoever has something to decide gets the way there from here.
  const inbox = useInbox();
  const waiting = inbox.data?.items.length ?? 0;

  return (
    <>
      <PageHeader
        title={t('freiraum.title')}
        description={t('freiraum.description')}
        actions={
          waiting > 0 && (
            <Link className="btn btn--primary" to="/freiraum/approvals">
              {t('freiraum.toApprovals', { count: waiting })}
            </Link>
          )
        }
      />
      {me.isPending ? (
        <LoadingState />
      ) : me.isError ? (
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <div className="stack">
          <PeriodNav
            current={me.data.period.key}
            previous={me.data.previousPeriod}
            next={me.data.nextPeriod}
            showBackToCurrent={me.data.period.key !== periodKeyOf(me.data.today, me.data.policy.periodKind)}
          />
          <div className="grid-2 freiraum-top">
            <BalanceCard
              balance={me.data.balance}
              title={t('freiraum.balance.title', { period: periodLabel(me.data.period.key, t, i18n.language) })}
            />
            <RequestForm
              today={me.data.today}
              onCreated={(created) => {
                if (created.periodKey !== me.data.period.key) setPeriod(created.periodKey);
              }}
            />
          </div>
          <Card
            className="card--flush"
            title={t('freiraum.list.title')}
            actions={
              <div className="segmented segmented--compact" role="group" aria-label={t('freiraum.list.viewLabel')}>
                {(['list', 'calendar'] as const).map((value) => (
                  <button
                    key={value}
                    type="button"
                    className="segmented__option"
                    aria-pressed={view === value}
                    onClick={() => setView(value)}
                  >
                    {t(`freiraum.list.views.${value}`)}
                  </button>
                ))}
              </div>
            }
          >
            {requests.isPending ? (
              <LoadingState />
            ) : requests.isError ? (
              <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
            ) : view === 'calendar' ? (
              <RequestCalendar period={me.data.period} items={requests.data.items} today={me.data.today} />
            ) : requests.data.items.length === 0 ? (
              <EmptyState title={t('freiraum.list.emptyTitle')}>{t('freiraum.list.emptyText')}</EmptyState>
            ) : (
              <RequestList items={requests.data.items} today={me.data.today} />
            )}
          </Card>
        </div>
      )}
    </>
  );
}
