import type { HomeDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { EmptyState } from '../../../components/ui/states';
import { pick } from '../../../lib/bilingual';

/** Where to go on with learning: the next module of the person's path, with the path's progress below. */
export function NextStepCard({ path, nextStep }: Pick<HomeDashboard, 'path' | 'nextStep'>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  if (!path) {
    return (
      <Card title={t('home.nextStep.title')}>
        <EmptyState
          title={t('home.nextStep.noPathTitle')}
          action={
            <Link className="btn btn--secondary" to="/learning">
              {t('home.nextStep.browsePaths')}
            </Link>
          }
        >
          {t('home.nextStep.noPathText')}
        </EmptyState>
      </Card>
    );
  }

  const pathTitle = pick({ de: path.titleDe, en: path.titleEn }, lang);
  const progressText = t('home.progress.modules', { done: path.modulesDone, total: path.modulesTotal });
  return (
    <Card
      title={t('home.nextStep.title')}
      actions={<Link to={`/learning/paths/${encodeURIComponent(path.slug)}`}>{t('home.progress.openPath')}</Link>}
      className="dash-next"
    >
      {nextStep ? (
        <div className="dash-next__step">
          <p className="dash-next__module">{pick({ de: nextStep.titleDe, en: nextStep.titleEn }, lang)}</p>
          <p className="dash-next__meta">
            <Badge tone={nextStep.started ? 'primary' : 'neutral'}>
              {nextStep.started ? t('home.nextStep.started') : t('home.nextStep.notStarted')}
            </Badge>
            <span className="muted">{t('home.nextStep.minutes', { minutes: nextStep.minutes })}</span>
          </p>
          {!nextStep.started && path.modulesDone === 0 && <p className="muted">{t('home.nextStep.firstStepHint')}</p>}
          <Link className="btn btn--primary" to={`/learning/modules/${encodeURIComponent(nextStep.moduleSlug)}`}>
            {t('home.nextStep.continue')}
          </Link>
        </div>
      ) : path.modulesTotal > 0 && path.modulesDone >= path.modulesTotal ? (
        <div className="dash-next__step">
          <p className="dash-next__module">{t('home.nextStep.doneTitle')}</p>
          <p className="muted">{t('home.nextStep.doneText', { path: pathTitle })}</p>
          <Link className="btn btn--secondary" to="/learning">
            {t('home.nextStep.toLearning')}
          </Link>
        </div>
      ) : (
        // Every open module waits for a prerequisite (e.g. one shared with another path).
        <div className="dash-next__step">
          <p className="muted">{t('home.nextStep.lockedText')}</p>
          <Link className="btn btn--secondary" to="/learning">
            {t('home.nextStep.toLearning')}
          </Link>
        </div>
      )}
      <div className="dash-next__progress">
        <p className="dash-next__path">{pathTitle}</p>
        <ProgressBar
          value={path.modulesDone}
          max={path.modulesTotal}
          label={t('home.progress.label', { path: pathTitle })}
          valueText={progressText}
        />
      </div>
    </Card>
  );
}
