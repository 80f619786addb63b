import type { PathOverview } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { pick } from '../../../lib/bilingual';
import { formatDate } from '../../../lib/format';
import { dayAsIso, isOverdue } from './due-date';
import { ModuleCard } from './module-card';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { StatusBadge } from './status-badge';

/** A path at a glance: progress, the next step, and every module with its state. */
export function PathOverviewView({ path, showTitle }: { path: PathOverview; showTitle: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titles = new Map(path.modules.map((m) => [m.slug, m.title]));
  const complete = new Set(path.modules.filter((m) => m.status === 'complete').map((m) => m.slug));
  const next = path.modules.find((m) => m.slug === path.nextModule) ?? null;
  const overdue = path.dueDate !== null && path.status !== 'complete' && isOverdue(path.dueDate);

  return (
    <>
      <section className="card path-hero" aria-labelledby={`path-${path.slug}`}>
        <div className="path-hero__text">
          <p className="eyebrow">
            {path.isOwnTrack
              ? t('learning.ownPath')
              : path.assigned
                ? t('learning.assignedPath')
                : t('learning.otherPath')}
          </p>
          {showTitle ? (
            <h2 className="path-hero__title" id={`path-${path.slug}`}>
              {pick(path.title, lang)}
            </h2>
          ) : (
            <h2 className="visually-hidden" id={`path-${path.slug}`}>
              {t('learning.progressTitle')}
            </h2>
          )}
          {showTitle && <p className="path-hero__summary">{pick(path.summary, lang)}</p>}
          <p className="badges">
            <StatusBadge status={path.status} />
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
          value={path.completed}
          max={path.total}
          label={t('learning.pathProgressLabel', { path: pick(path.title, lang) })}
          valueText={t('learning.modulesProgress', { done: path.completed, total: path.total })}
        />
        {path.status === 'complete' ? (
          <p className="alert alert--success">{t('learning.pathComplete')}</p>
        ) : (
          next && (
            <div className="path-hero__next">
              <Link className="btn btn--primary" to={`/learning/modules/${next.slug}`}>
                <span>
                  {path.status === 'not_started' ? t('learning.start') : t('learning.continue')}
                  <span className="visually-hidden">: {pick(next.title, lang)}</span>
                </span>
              </Link>
              <p className="path-hero__next-title">
                <span className="muted">{t('learning.nextStep')}</span> {pick(next.title, lang)}
              </p>
            </div>
          )
        )}
      </section>
      <section className="mt-5" aria-labelledby={`modules-${path.slug}`}>
        <h2 className="section-title" id={`modules-${path.slug}`}>
          {t('learning.modulesTitle', { count: path.modules.length })}
        </h2>
        <ol className="module-grid">
          {path.modules.map((module, index) => (
            <ModuleCard
              key={module.slug}
              module={module}
              position={index + 1}
              titles={titles}
              complete={complete}
              isNext={module.slug === path.nextModule}
            />
          ))}
        </ol>
      </section>
    </>
  );
}
