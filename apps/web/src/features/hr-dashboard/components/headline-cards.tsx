import type { Figure, HrDashboard, HrDashboardQuery } from '@freiraum/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { CsvButton } from './csv-button';
import { FigureValue, useFormatters, type Formatter } from './figure';

function Kpi({
  label,
  figure,
  format,
  detail,
}: {
  label: string;
  figure: Figure;
  format: Formatter;
  detail?: ReactNode;
}) {
  return (
    <div className="kpi">
      <dt className="kpi__label">{label}</dt>
      <dd className="kpi__value">
        <FigureValue figure={figure} format={format} />
      </dd>
      {detail && <dd className="kpi__detail">{detail}</dd>}
    </div>
  );
}

/** The headline figures of the whole filter (the "summary" CSV). */
export function HeadlineCards({ dashboard, query }: { dashboard: HrDashboard; query: HrDashboardQuery | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { totals, approvals } = dashboard;
  const k = (key: string) => t(`hrDashboard.kpi.${key}`);

  return (
    <Card title={k('title')} description={k('description')} actions={<CsvButton table="summary" query={query} />}>
      <dl className="kpi-grid">
        <Kpi label={k('enrolled')} figure={totals.enrolled} format={f.count} detail={k('enrolledDetail')} />
        <Kpi label={k('active')} figure={totals.active} format={f.count} detail={k('activeDetail')} />
        <Kpi
          label={k('completionRate')}
          figure={totals.completionRate}
          format={f.percent}
          detail={k('completionRateDetail')}
        />
        <Kpi label={k('modulesCompleted')} figure={totals.modulesCompleted} format={f.count} />
        <Kpi label={k('freiraumAllocated')} figure={totals.freiraumAllocated} format={f.hours} />
        <Kpi
          label={k('freiraumApproved')}
          figure={totals.freiraumApproved}
          format={f.hours}
          detail={k('freiraumApprovedDetail')}
        />
        <Kpi label={k('freiraumUsed')} figure={totals.freiraumUsed} format={f.hours} detail={k('freiraumUsedDetail')} />
        <Kpi
          label={k('leadTime')}
          figure={approvals.leadTimeMedianHours}
          format={f.duration}
          detail={
            <>
              {k('leadTimeP90')} <FigureValue figure={approvals.leadTimeP90Hours} format={f.duration} />
            </>
          }
        />
        <Kpi
          label={k('rejectionRate')}
          figure={approvals.rejectionRate}
          format={f.percent}
          detail={
            <>
              {k('decided')} <FigureValue figure={approvals.decided} format={f.count} />
            </>
          }
        />
        <Kpi
          label={k('experimentsShared')}
          figure={totals.experimentsShared}
          format={f.count}
          detail={
            <span className="kpi__outcomes">
              <span>
                {t('hrDashboard.outcomes.worked')}: <FigureValue figure={totals.outcomeWorked} format={f.count} />
              </span>
              <span>
                {t('hrDashboard.outcomes.partly')}: <FigureValue figure={totals.outcomePartly} format={f.count} />
              </span>
              <span>
                {t('hrDashboard.outcomes.failed')}: <FigureValue figure={totals.outcomeFailed} format={f.count} />
              </span>
            </span>
          }
        />
        <Kpi
          label={k('minutesSaved')}
          figure={totals.minutesSaved}
          format={f.minutes}
          detail={k('minutesSavedDetail')}
        />
      </dl>
    </Card>
  );
}

/** Leadership participation (PRODUCT.md §4): do the managers learn, experiment and decide in time? */
export function LeadershipCard({ dashboard }: { dashboard: HrDashboard }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { leadership } = dashboard;
  const k = (key: string) => t(`hrDashboard.leadership.${key}`);
  return (
    <Card title={k('title')} description={k('description')}>
      <dl className="kpi-grid kpi-grid--compact">
        <Kpi label={k('managers')} figure={leadership.managers} format={f.count} />
        <Kpi
          label={k('activeInOwnPath')}
          figure={leadership.activeInOwnPath}
          format={f.percent}
          detail={k('activeInOwnPathDetail')}
        />
        <Kpi
          label={k('loggedOwnExperiments')}
          figure={leadership.loggedOwnExperiments}
          format={f.percent}
          detail={k('loggedOwnExperimentsDetail')}
        />
        <Kpi label={k('medianDecision')} figure={leadership.medianDecisionHours} format={f.duration} />
      </dl>
    </Card>
  );
}
