import { ASSIGNMENT_STATUSES, type AssignmentOverview } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/states';
import { TableScroll } from '../../../components/ui/table';
import { pick } from '../../../lib/bilingual';
import { formatDate, formatNumber } from '../../../lib/format';

const TONE: Record<(typeof ASSIGNMENT_STATUSES)[number], BadgeTone> = {
  not_started: 'neutral',
  in_progress: 'primary',
  complete: 'success',
  overdue: 'danger',
};

const day = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T12:00:00` : d);

/** Where assigned paths stand: per person if the organisation allows it, else counts per department. */
export function AssignmentOverviewCards({ overview }: { overview: AssignmentOverview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const num = (n: number) => formatNumber(n, lang);

  return (
    <>
      {overview.people && (
        <Card className="card--flush" title={t('assignments.peopleTitle')}>
          {overview.people.length === 0 ? (
            <EmptyState title={t('assignments.emptyTitle')}>{t('assignments.emptyText')}</EmptyState>
          ) : (
            <TableScroll label={t('assignments.peopleTable')}>
              <table className="table">
                <caption className="visually-hidden">{t('assignments.peopleTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.name')}</th>
                    <th scope="col">{t('fields.department')}</th>
                    <th scope="col">{t('assignments.path')}</th>
                    <th scope="col">{t('assignments.due')}</th>
                    <th scope="col">{t('fields.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.people.map((p) => (
                    <tr key={`${p.userId}-${p.pathSlug}`}>
                      <td className="table__primary">{p.name}</td>
                      <td>{p.departmentName ?? <span className="muted">{t('common.none')}</span>}</td>
                      <td>{pick(p.pathTitle, lang)}</td>
                      <td className="nowrap">{p.dueDate ? formatDate(day(p.dueDate), lang) : '—'}</td>
                      <td>
                        <Badge tone={TONE[p.status]}>{t(`assignments.status.${p.status}`)}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </Card>
      )}
      <Card
        className="card--flush"
        title={t('assignments.departmentsTitle')}
        description={
          overview.individualsVisible
            ? t('assignments.thresholdNote', { count: overview.privacyThreshold })
            : t('assignments.aggregatesOnly', { count: overview.privacyThreshold })
        }
      >
        {overview.departments.length === 0 ? (
          <EmptyState title={t('assignments.emptyTitle')}>{t('assignments.emptyText')}</EmptyState>
        ) : (
          <TableScroll label={t('assignments.departmentsTable')}>
            <table className="table">
              <caption className="visually-hidden">{t('assignments.departmentsTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.department')}</th>
                  <th scope="col">{t('assignments.path')}</th>
                  <th scope="col" className="num">
                    {t('assignments.total')}
                  </th>
                  {ASSIGNMENT_STATUSES.map((s) => (
                    <th scope="col" className="num" key={s}>
                      {t(`assignments.status.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {overview.departments.map((d) => (
                  <tr key={`${d.departmentName ?? ''}-${d.pathSlug}`}>
                    <th scope="row" className="table__primary">
                      {d.departmentName ?? t('assignments.noDepartment')}
                    </th>
                    <td>{pick(d.pathTitle, lang)}</td>
                    {d.total === null || d.counts === null ? (
                      <td colSpan={1 + ASSIGNMENT_STATUSES.length} className="muted">
                        {t('assignments.fewerThan', { count: overview.privacyThreshold })}
                      </td>
                    ) : (
                      <>
                        <td className="num">{num(d.total)}</td>
                        {ASSIGNMENT_STATUSES.map((s) => (
                          <td className="num" key={s}>
                            {num(d.counts?.[s] ?? 0)}
                          </td>
                        ))}
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </>
  );
}
