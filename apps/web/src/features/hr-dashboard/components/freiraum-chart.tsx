import type { HrDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/states';
import { useGroupName } from './breakdown-table';
import { AXIS_TICK, ChartFrame, COLORS } from './chart-frame';
import { chartValue, FigureValue, useFigureText, useFormatters } from './figure';

/** Freiraum hours allocated vs approved vs used, per department. */
export function FreiraumChart({ dashboard }: { dashboard: HrDashboard }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const text = useFigureText();
  const nameOf = useGroupName('departments');
  const rows = dashboard.byDepartment;
  const { totals } = dashboard;
  const series = [
    { key: 'allocated', name: t('hrDashboard.freiraum.allocated'), color: COLORS.lightTeal },
    { key: 'approved', name: t('hrDashboard.freiraum.approved'), color: COLORS.teal },
    { key: 'used', name: t('hrDashboard.freiraum.used'), color: COLORS.blue },
  ] as const;
  // A suppressed department gets no bar (null), and the table says why.
  const data = rows.map((r) => ({
    name: nameOf(r),
    allocated: chartValue(r.figures.freiraumAllocated),
    approved: chartValue(r.figures.freiraumApproved),
    used: chartValue(r.figures.freiraumUsed),
  }));

  return (
    <Card
      className="chart-card"
      title={t('hrDashboard.freiraum.title')}
      description={t('hrDashboard.freiraum.description')}
    >
      {rows.length === 0 ? (
        <EmptyState title={t('hrDashboard.freiraum.empty')} />
      ) : (
        <ChartFrame
          dataLabel={t('hrDashboard.freiraum.table')}
          summary={t('hrDashboard.freiraum.summary', {
            count: rows.length,
            allocated: text(totals.freiraumAllocated, f.hours),
            approved: text(totals.freiraumApproved, f.hours),
            used: text(totals.freiraumUsed, f.hours),
          })}
          chart={
            <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={COLORS.grid} vertical={false} />
              <XAxis dataKey="name" tick={AXIS_TICK} tickLine={false} interval={0} />
              <YAxis tick={AXIS_TICK} width={56} tickFormatter={(v: number) => f.hours(v)} />
              <Tooltip
                formatter={(value, name) => [
                  typeof value === 'number' ? f.hours(value) : t('hrDashboard.charts.notShown'),
                  name,
                ]}
              />
              <Legend itemSorter={null} />
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
              ))}
            </BarChart>
          }
          table={
            <>
              <thead>
                <tr>
                  <th scope="col">{t('hrDashboard.columns.department')}</th>
                  {series.map((s) => (
                    <th scope="col" className="num" key={s.key}>
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id ?? 'none'}>
                    <th scope="row">{nameOf(r)}</th>
                    <td className="num">
                      <FigureValue figure={r.figures.freiraumAllocated} format={f.hours} />
                    </td>
                    <td className="num">
                      <FigureValue figure={r.figures.freiraumApproved} format={f.hours} />
                    </td>
                    <td className="num">
                      <FigureValue figure={r.figures.freiraumUsed} format={f.hours} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('hrDashboard.columns.total')}</th>
                  <td className="num">
                    <FigureValue figure={totals.freiraumAllocated} format={f.hours} />
                  </td>
                  <td className="num">
                    <FigureValue figure={totals.freiraumApproved} format={f.hours} />
                  </td>
                  <td className="num">
                    <FigureValue figure={totals.freiraumUsed} format={f.hours} />
                  </td>
                </tr>
              </tfoot>
            </>
          }
        />
      )}
    </Card>
  );
}
