import type { HrDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/states';
import { AXIS_TICK, ChartFrame, COLORS } from './chart-frame';
import { chartValue, FigureValue, useFigureText, useFormatters } from './figure';

/** How shared experiments turned out: worked, partly, failed (failures count as learning too). */
export function OutcomesChart({ dashboard }: { dashboard: HrDashboard }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const text = useFigureText();
  const { totals } = dashboard;
  const outcomes = [
    { key: 'worked', figure: totals.outcomeWorked, color: COLORS.green },
    { key: 'partly', figure: totals.outcomePartly, color: COLORS.amber },
    { key: 'failed', figure: totals.outcomeFailed, color: COLORS.red },
  ] as const;
  const data = outcomes.map((o) => ({ name: t(`hrDashboard.outcomes.${o.key}`), value: chartValue(o.figure) }));
  const nothing = totals.experimentsShared.value === 0 && totals.experimentsShared.suppressed === null;

  return (
    <Card
      className="chart-card"
      title={t('hrDashboard.outcomes.title')}
      description={t('hrDashboard.outcomes.description')}
    >
      {nothing ? (
        <EmptyState title={t('hrDashboard.outcomes.empty')} />
      ) : (
        <ChartFrame
          height={220}
          dataLabel={t('hrDashboard.outcomes.table')}
          summary={t('hrDashboard.outcomes.summary', {
            worked: text(totals.outcomeWorked, f.count),
            partly: text(totals.outcomePartly, f.count),
            failed: text(totals.outcomeFailed, f.count),
          })}
          chart={
            <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={COLORS.grid} vertical={false} />
              <XAxis dataKey="name" tick={AXIS_TICK} tickLine={false} />
              <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
              <Tooltip
                formatter={(value) => [
                  typeof value === 'number' ? f.count(value) : t('hrDashboard.charts.notShown'),
                  t('hrDashboard.outcomes.count'),
                ]}
              />
              <Bar dataKey="value" name={t('hrDashboard.outcomes.count')} isAnimationActive={false}>
                {outcomes.map((o) => (
                  <Cell key={o.key} fill={o.color} />
                ))}
              </Bar>
            </BarChart>
          }
          table={
            <>
              <thead>
                <tr>
                  <th scope="col">{t('hrDashboard.outcomes.outcome')}</th>
                  <th scope="col" className="num">
                    {t('hrDashboard.outcomes.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {outcomes.map((o) => (
                  <tr key={o.key}>
                    <th scope="row">{t(`hrDashboard.outcomes.${o.key}`)}</th>
                    <td className="num">
                      <FigureValue figure={o.figure} format={f.count} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </>
          }
        />
      )}
    </Card>
  );
}
