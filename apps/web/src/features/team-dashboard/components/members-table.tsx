import type { TeamDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { TableScroll } from '../../../components/ui/table';
import { pick } from '../../../lib/bilingual';
import { formatDateTime } from '../../../lib/format';
import { formatHours } from './format';

/** Each direct report's path progress, overdue assignments, hours and (if the organisation allows) last activity. */
export function MembersTable({ dashboard }: { dashboard: TeamDashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const h = (n: number) => formatHours(n, t, lang);
  return (
    <Card
      title={t('teamDashboard.members.title')}
      description={dashboard.showsLastActivity ? undefined : t('teamDashboard.members.lastActivityHidden')}
      className="card--flush"
    >
      <TableScroll label={t('teamDashboard.members.table')}>
        <table className="table dash-team-table">
          <caption className="visually-hidden">{t('teamDashboard.members.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teamDashboard.members.name')}</th>
              <th scope="col">{t('teamDashboard.members.path')}</th>
              <th scope="col">{t('teamDashboard.members.progress')}</th>
              <th scope="col" className="num">
                {t('teamDashboard.members.overdue')}
              </th>
              {dashboard.showsLastActivity && <th scope="col">{t('teamDashboard.members.lastActive')}</th>}
              <th scope="col">{t('teamDashboard.members.freiraum')}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.members.map((m) => {
              const path = m.pathTitleDe && m.pathTitleEn ? pick({ de: m.pathTitleDe, en: m.pathTitleEn }, lang) : null;
              return (
                <tr key={m.userId}>
                  <th scope="row" className="table__primary">
                    {m.name}
                  </th>
                  <td>{path ?? <span className="muted">{t('teamDashboard.members.noPath')}</span>}</td>
                  <td className="dash-team-table__progress">
                    {path ? (
                      <ProgressBar
                        size="sm"
                        value={m.modulesDone}
                        max={m.modulesTotal}
                        label={t('teamDashboard.members.progressLabel', { name: m.name })}
                        valueText={t('teamDashboard.members.modules', { done: m.modulesDone, total: m.modulesTotal })}
                      />
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td className="num">
                    {m.overdueAssignments > 0 ? (
                      <Badge tone="danger">{m.overdueAssignments}</Badge>
                    ) : (
                      <span className="muted">0</span>
                    )}
                  </td>
                  {dashboard.showsLastActivity && (
                    <td>
                      {m.lastActiveAt ? (
                        <time dateTime={m.lastActiveAt}>{formatDateTime(m.lastActiveAt, lang)}</time>
                      ) : (
                        <span className="muted">{t('teamDashboard.members.never')}</span>
                      )}
                    </td>
                  )}
                  <td>
                    {t('teamDashboard.members.hoursLeft', {
                      left: h(m.freiraum.left),
                      allocated: h(m.freiraum.allocated),
                    })}
                    {m.freiraum.pending > 0 && (
                      <span className="dash-team-table__pending">
                        {t('teamDashboard.members.pending', { hours: h(m.freiraum.pending) })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </Card>
  );
}
