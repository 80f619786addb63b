import type { PathList } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { pick } from '../../../lib/bilingual';
import { formatDate } from '../../../lib/format';
import { dayAsIso, isOverdue } from './due-date';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { StatusBadge } from './status-badge';

type PathSummary = PathList['items'][number];

/** Further paths (assigned by HR or open to everyone) with their progress and due date. */
export function PathList({ paths }: { paths: PathSummary[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <ul className="path-list">
      {paths.map((path) => {
        const title = pick(path.title, lang);
        const overdue = path.dueDate !== null && path.status !== 'complete' && isOverdue(path.dueDate);
        return (
          <li key={path.slug} className="path-list__item">
            <div className="path-list__text">
              <h3 className="path-list__title">
                <Link to={`/learning/paths/${path.slug}`}>{title}</Link>
              </h3>
              <p className="path-list__summary">{pick(path.summary, lang)}</p>
              <p className="badges">
                <StatusBadge status={path.status} />
                {path.assigned && <Badge tone="primary">{t('learning.assignedBadge')}</Badge>}
                {path.dueDate && path.status !== 'complete' && (
                  <Badge tone={overdue ? 'danger' : 'warning'}>
                    {overdue
                      ? t('learning.overdueSince', { date: formatDate(dayAsIso(path.dueDate), lang) })
                      : t('learning.dueBy', { date: formatDate(dayAsIso(path.dueDate), lang) })}
                  </Badge>
                )}
              </p>
            </div>
            <ProgressBar
              size="sm"
              value={path.completed}
              max={path.total}
              label={t('learning.pathProgressLabel', { path: title })}
              valueText={t('learning.modulesProgress', { done: path.completed, total: path.total })}
            />
          </li>
        );
      })}
    </ul>
  );
}
