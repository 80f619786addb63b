import type { ModuleCard as ModuleCardData } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { icons } from '../../../components/ui/icons';
import { pick } from '../../../lib/bilingual';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { StatusBadge } from './status-badge';

interface ModuleCardProps {
  module: ModuleCardData;
  position: number;
  /** Titles of the path's modules by slug, to name a missing prerequisite. */
  titles: Map<string, ModuleCardData['title']>;
  /** Slugs of the modules already complete. */
  complete: ReadonlySet<string>;
  isNext: boolean;
}

export function ModuleCard({ module, position, titles, complete, isNext }: ModuleCardProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const title = pick(module.title, lang);
  const missing = module.prerequisites
    .filter((slug) => !complete.has(slug))
    .map((slug) => {
      const known = titles.get(slug);
      return known ? pick(known, lang) : slug;
    });
  const locked = module.status === 'locked';

  return (
    <li className={`module-card${locked ? ' module-card--locked' : ''}${isNext ? ' module-card--next' : ''}`}>
      <div className="module-card__head">
        <span className="module-card__number" aria-hidden="true">
          {locked ? icons.lock : position}
        </span>
        <div className="module-card__heading">
          <h3 className="module-card__title">
            <Link to={`/learning/modules/${module.slug}`}>{title}</Link>
          </h3>
          <p className="module-card__meta">
            <StatusBadge status={module.status} />
            <span className="nowrap">
              {t(`learning.levels.${module.level}`, { defaultValue: module.level })} ·{' '}
              {t('learning.minutes', { count: module.minutes })}
            </span>
          </p>
        </div>
      </div>
      <p className="module-card__summary">{pick(module.summary, lang)}</p>
      {locked && missing.length > 0 && (
        <p className="module-card__locked">
          {t('learning.lockedBecause', { modules: missing.map((text) => t('learning.quoted', { text })).join(', ') })}
        </p>
      )}
      {module.requiredTotal > 0 && (
        <ProgressBar
          size="sm"
          value={module.requiredDone}
          max={module.requiredTotal}
          label={t('learning.exercisesProgressLabel', { module: title })}
          valueText={t('learning.exercisesProgress', { done: module.requiredDone, total: module.requiredTotal })}
        />
      )}
      <details className="module-card__why">
        <summary>{t('learning.whyTitle')}</summary>
        <p>{pick(module.why, lang)}</p>
      </details>
    </li>
  );
}
