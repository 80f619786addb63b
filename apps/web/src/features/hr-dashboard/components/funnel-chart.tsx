import type { HrDashboard, HrDashboardQuery } from '@freiraum/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { Card } from '../../../components/ui/card';
import { SelectField } from '../../../components/ui/field';
import { EmptyState } from '../../../components/ui/states';
import { AXIS_TICK, ChartFrame, COLORS } from './chart-frame';
import { CsvButton } from './csv-button';
import { chartValue, FigureValue, useFigureText, useFormatters } from './figure';

/** Where people stop: per path, each module in order with how many started and completed it. */
export function FunnelChart({ dashboard, query }: { dashboard: HrDashboard; query: HrDashboardQuery | null }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const text = useFigureText();
  const [chosen, setChosen] = useState<string | null>(null);
  const paths = dashboard.funnel;
  const title = (x: { titleDe: string; titleEn: string }) => (i18n.language === 'en' ? x.titleEn : x.titleDe);
  // The chosen path may vanish under a new filter: fall back to the first.
  const path = paths.find((p) => p.pathId === chosen) ?? paths[0];
  const data = (path?.modules ?? []).map((m, i) => ({
    position: String(i + 1),
    title: title(m),
    started: chartValue(m.started),
    completed: chartValue(m.completed),
  }));

  return (
    <Card
      className="chart-card"
      title={t('hrDashboard.funnel.title')}
      description={t('hrDashboard.funnel.description')}
      actions={<CsvButton table="funnel" query={query} />}
    >
      {!path ? (
        <EmptyState title={t('hrDashboard.funnel.empty')} />
      ) : (
        <div className="funnel">
          <div className="funnel__head">
            {paths.length > 1 ? (
              <SelectField
                label={t('hrDashboard.funnel.path')}
                value={path.pathId}
                onChange={(e) => setChosen(e.target.value)}
              >
                {paths.map((p) => (
                  <option key={p.pathId} value={p.pathId}>
                    {title(p)}
                  </option>
                ))}
              </SelectField>
            ) : (
              <h3 className="funnel__path">{title(path)}</h3>
            )}
            <p className="small muted">
              {t('hrDashboard.funnel.enrolled')} <FigureValue figure={path.enrolled} format={f.count} />
            </p>
          </div>
          {path.modules.length === 0 ? (
            <EmptyState title={t('hrDashboard.funnel.noModules')} />
          ) : (
            <ChartFrame
              dataLabel={t('hrDashboard.funnel.table', { path: title(path) })}
              summary={t('hrDashboard.funnel.summary', {
                path: title(path),
                count: path.modules.length,
                firstStarted: text(path.modules[0].started, f.count),
                lastCompleted: text(path.modules[path.modules.length - 1].completed, f.count),
              })}
              chart={
                <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid stroke={COLORS.grid} vertical={false} />
                  <XAxis dataKey="position" tick={AXIS_TICK} tickLine={false} />
                  <YAxis allowDecimals={false} tick={AXIS_TICK} width={40} />
                  <Tooltip
                    labelFormatter={(_, payload) => {
                      const first = payload?.[0]?.payload as { position: string; title: string } | undefined;
                      return first ? `${first.position}. ${first.title}` : '';
                    }}
                    formatter={(value, name) => [
                      typeof value === 'number' ? f.count(value) : t('hrDashboard.charts.notShown'),
                      name,
                    ]}
                  />
                  <Legend itemSorter={null} />
                  <Bar
                    dataKey="started"
                    name={t('hrDashboard.funnel.started')}
                    fill={COLORS.lightTeal}
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="completed"
                    name={t('hrDashboard.funnel.completed')}
                    fill={COLORS.teal}
                    isAnimationActive={false}
                  />
                </BarChart>
              }
              table={
                <>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t('hrDashboard.funnel.position')}
                      </th>
                      <th scope="col">{t('hrDashboard.funnel.module')}</th>
                      <th scope="col" className="num">
                        {t('hrDashboard.funnel.started')}
                      </th>
                      <th scope="col" className="num">
                        {t('hrDashboard.funnel.completed')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {path.modules.map((m, i) => (
                      <tr key={m.moduleId}>
                        <td className="num">{i + 1}</td>
                        <th scope="row">{title(m)}</th>
                        <td className="num">
                          <FigureValue figure={m.started} format={f.count} />
                        </td>
                        <td className="num">
                          <FigureValue figure={m.completed} format={f.count} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </>
              }
            />
          )}
        </div>
      )}
    </Card>
  );
}
