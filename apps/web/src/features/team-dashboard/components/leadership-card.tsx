import type { TeamDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/card';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { pick } from '../../../lib/bilingual';
import { formatPercent } from './format';

/** The manager's own leadership path beside the team's average: leaders learn too (the founding paper). */
export function LeadershipCard({ own, teamCompletion }: Pick<TeamDashboard, 'own' | 'teamCompletion'>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const title = own.pathTitleDe && own.pathTitleEn ? pick({ de: own.pathTitleDe, en: own.pathTitleEn }, lang) : null;
  const ownShare = own.modulesTotal > 0 ? own.modulesDone / own.modulesTotal : 0;
  return (
    <Card
      title={t('teamDashboard.own.title')}
      description={t('teamDashboard.own.description')}
      actions={
        own.pathSlug ? (
          <Link to={`/learning/paths/${encodeURIComponent(own.pathSlug)}`}>{t('teamDashboard.own.openPath')}</Link>
        ) : undefined
      }
    >
      <div className="dash-compare">
        <div>
          <p className="dash-compare__label">{title ?? t('teamDashboard.own.you')}</p>
          {title ? (
            <ProgressBar
              value={own.modulesDone}
              max={own.modulesTotal}
              label={t('teamDashboard.own.label', { path: title })}
              valueText={t('teamDashboard.own.modules', {
                done: own.modulesDone,
                total: own.modulesTotal,
                percent: formatPercent(ownShare, lang),
              })}
            />
          ) : (
            <p className="muted">{t('teamDashboard.own.noPath')}</p>
          )}
        </div>
        <div>
          <p className="dash-compare__label">{t('teamDashboard.own.teamAverage')}</p>
          {teamCompletion === null ? (
            <p className="muted">{t('teamDashboard.own.teamAverageNone')}</p>
          ) : (
            <ProgressBar
              value={Math.round(teamCompletion * 100)}
              max={100}
              label={t('teamDashboard.own.teamAverage')}
              valueText={t('teamDashboard.own.teamAverageText', { percent: formatPercent(teamCompletion, lang) })}
            />
          )}
        </div>
      </div>
    </Card>
  );
}
