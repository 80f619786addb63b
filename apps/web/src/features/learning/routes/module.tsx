import type { AttemptResult } from '@freiraum/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { pick } from '../../../lib/bilingual';
import { useModule } from '../api/learning';
import { ExerciseItem } from '../components/exercise-item';
import { LessonItem } from '../components/lesson-item';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { StatusBadge } from '../components/status-badge';

export function ModuleRoute() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const { slug = '' } = useParams();
  const query = useModule(slug);
  const [completedNow, setCompletedNow] = useState(false);
  const lang = i18n.language;

  if (query.isPending || query.isError) {
    return (
      <>
        <BackLink />
        <PageHeader title={t('learning.moduleTitle')} />
        {query.isPending ? <LoadingState /> : <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      </>
    );
  }

  const module = query.data;
  const title = pick(module.title, lang);
  const lockedBy = module.missingPrerequisites.length
    ? module.missingPrerequisites.map((m) => t('learning.quoted', { text: pick(m.title, lang) }))
    : null;

  function onResult(result: AttemptResult) {
    if (result.moduleCompletedNow) {
      setCompletedNow(true);
      toast(t('learning.moduleCompleteToast', { module: title }));
    }
  }

  return (
    <>
      <BackLink />
      <PageHeader title={title} description={pick(module.summary, lang)} />
      <div className="stack">
        <section className="card module-overview" aria-label={t('learning.moduleOverview')}>
          <p className="module-card__meta">
            <StatusBadge status={module.status} />
            <span className="nowrap">
              {t(`learning.levels.${module.level}`, { defaultValue: module.level })} ·{' '}
              {t('learning.minutes', { count: module.minutes })}
            </span>
          </p>
          {module.requiredTotal > 0 && (
            <ProgressBar
              value={module.requiredDone}
              max={module.requiredTotal}
              label={t('learning.exercisesProgressLabel', { module: title })}
              valueText={t('learning.exercisesProgress', { done: module.requiredDone, total: module.requiredTotal })}
            />
          )}
          <div className="why">
            <h2 className="why__title">{t('learning.whyTitle')}</h2>
            <p>{pick(module.why, lang)}</p>
          </div>
          {lockedBy && (
            <div className="alert alert--info" role="note">
              <p>{t('learning.moduleLocked')}</p>
              <ul className="locked-list">
                {module.missingPrerequisites.map((m) => (
                  <li key={m.slug}>
                    <Link to={`/learning/modules/${m.slug}`}>{pick(m.title, lang)}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {(completedNow || module.status === 'complete') && (
            <div className="alert alert--success" role="status">
              <p>{completedNow ? t('learning.moduleCompleteNow') : t('learning.moduleComplete')}</p>
              <p>
                <Link to="/learning">{t('learning.backToPath')}</Link>
              </p>
            </div>
          )}
          <nav aria-label={t('learning.contents')}>
            <h2 className="why__title">{t('learning.contents')}</h2>
            <ol className="toc">
              {module.items.map((item) => {
                const itemTitle = item.lesson ? item.lesson.title : item.exercise!.title;
                const done = item.lesson ? item.lesson.read : item.passed;
                return (
                  <li key={item.id} className={done ? 'toc__item toc__item--done' : 'toc__item'}>
                    <a href={`#item-${item.slug}`}>{pick(itemTitle, lang)}</a>{' '}
                    <span className="muted small">
                      ({item.lesson ? t('learning.lesson') : t(`learning.types.${item.exercise!.type}`)}
                      {done ? `, ${item.lesson ? t('learning.read') : t('learning.exerciseState.passed')}` : ''})
                    </span>
                  </li>
                );
              })}
            </ol>
          </nav>
        </section>
        {module.items.map((item) =>
          item.kind === 'lesson' && item.lesson ? (
            <LessonItem key={item.id} item={item} moduleSlug={module.slug} />
          ) : item.exercise ? (
            <ExerciseItem key={item.id} item={item} lockedBy={lockedBy} onResult={onResult} />
          ) : null,
        )}
      </div>
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <Link to="/learning">{t('learning.backToMyLearning')}</Link>
    </p>
  );
}
