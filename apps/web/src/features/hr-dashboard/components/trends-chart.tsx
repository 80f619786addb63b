import type { HrDashboard, HrDashboardQuery } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/states';
import { formatDate } from '../../../lib/format';
import { AXIS_TICK, ChartFrame, COLORS } from './chart-frame';
import { CsvButton } from './csv-button';
import { noonOf } from './filters';
import { chartValue, FigureValue, useFigureText, useFormatters } from './figure';

type Trend = HrDashboard['trends'][number];

/** "2026-W14" → 14, for the axis ("KW 14" / "Wk 14"). */
const weekNumber = (week: string) => Number(/W(\d{1,2})$/.exec(week)?.[1] ?? NaN);

/** Weekly trends: people active, modules completed, Freiraum hours approved, experiments logged. */
export function TrendsChart({ dashboard, query }: { dashboard: HrDashboard; query: HrDashboardQuery | null }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const text = useFigureText();
  const weeks = dashboard.trends;
  const label = (w: Trend) => {
    const n = weekNumber(w.week);
    return Number.isNaN(n) ? w.week : t('hrDashboard.trends.week', { week: n });
  };
  const series = [
    { key: 'active', name: t('hrDashboard.trends.active'), color: COLORS.teal, dash: undefined, axis: 'count' },
    {
      key: 'modulesCompleted',
      name: t('hrDashboard.trends.modulesCompleted'),
      color: COLORS.blue,
      dash: '6 3',
      axis: 'count',
    },
    {
      key: 'experimentsLogged',
      name: t('hrDashboard.trends.experimentsLogged'),
      color: COLORS.violet,
      dash: '2 3',
      axis: 'count',
    },
    {
      key: 'freiraumApprovedHours',
      name: t('hrDashboard.trends.freiraumApprovedHours'),
      color: COLORS.amber,
      dash: '10 4 2 4',
      axis: 'hours',
    },
  ] as const;
  // Suppressed weeks become gaps in the line (null), never a dip to zero.
  const data = weeks.map((w) => ({
    label: label(w),
    active: chartValue(w.active),
    modulesCompleted: chartValue(w.modulesCompleted),
    experimentsLogged: chartValue(w.experimentsLogged),
    freiraumApprovedHours: chartValue(w.freiraumApprovedHours),
  }));
  const last = weeks.at(-1);
  const title = t('hrDashboard.trends.title');

  return (
    <Card
      className="chart-card"
      title={title}
      description={t('hrDashboard.trends.description')}
      actions={<CsvButton table="trends" query={query} />}
    >
      {weeks.length === 0 || !last ? (
        <EmptyState title={t('hrDashboard.trends.empty')} />
      ) : (
        <ChartFrame
          dataLabel={t('hrDashboard.trends.table')}
          summary={t('hrDashboard.trends.summary', {
            count: weeks.length,
            first: label(weeks[0]),
            last: label(last),
            active: text(last.active, f.count),
            modules: text(last.modulesCompleted, f.count),
            hours: text(last.freiraumApprovedHours, f.hours),
            experiments: text(last.experimentsLogged, f.count),
          })}
          chart={
            <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={COLORS.grid} vertical={false} />
              <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} />
              <YAxis yAxisId="count" allowDecimals={false} tick={AXIS_TICK} width={40} />
              <YAxis
                yAxisId="hours"
                orientation="right"
                tick={AXIS_TICK}
                width={48}
                tickFormatter={(v: number) => f.hours(v)}
              />
              <Tooltip
                formatter={(value, name) => [
                  typeof value === 'number' ? value : t('hrDashboard.charts.notShown'),
                  name,
                ]}
              />
              <Legend itemSorter={null} />
              {series.map((s) => (
                <Line
                  key={s.key}
                  yAxisId={s.axis}
                  dataKey={s.key}
                  name={s.name}
                  stroke={s.color}
                  strokeDasharray={s.dash}
                  strokeWidth={2}
                  dot={{ r: 3, fill: s.color }}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          }
          table={
            <>
              <thead>
                <tr>
                  <th scope="col">{t('hrDashboard.trends.weekColumn')}</th>
                  {series.map((s) => (
                    <th scope="col" className="num" key={s.key}>
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.week}>
                    <th scope="row" className="nowrap">
                      {label(w)}{' '}
                      <span className="muted">
                        {t('hrDashboard.trends.weekStart', { date: formatDate(noonOf(w.weekStart), i18n.language) })}
                      </span>
                    </th>
                    <td className="num">
                      <FigureValue figure={w.active} format={f.count} />
                    </td>
                    <td className="num">
                      <FigureValue figure={w.modulesCompleted} format={f.count} />
                    </td>
                    <td className="num">
                      <FigureValue figure={w.experimentsLogged} format={f.count} />
                    </td>
                    <td className="num">
                      <FigureValue figure={w.freiraumApprovedHours} format={f.hours} />
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
