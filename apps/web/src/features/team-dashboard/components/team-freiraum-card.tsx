import type { TeamDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/card';
import { formatHours, periodLabel } from './format';

const FIGURES = ['allocated', 'pending', 'approved', 'used', 'left'] as const;

/** The team's Freiraum hours of the current period, added up over the direct reports. */
export function TeamFreiraumCard({ freiraum, period }: Pick<TeamDashboard, 'freiraum' | 'period'>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card
      title={t('teamDashboard.freiraum.title', { period: periodLabel(period.key, t, lang) })}
      actions={<Link to="/freiraum/team">{t('teamDashboard.freiraum.manage')}</Link>}
    >
      <dl className="dash-figures">
        {FIGURES.map((key) => (
          <div key={key} className={`dash-figure dash-figure--${key}`}>
            <dt>{t(`teamDashboard.freiraum.${key}`)}</dt>
            <dd>{formatHours(freiraum[key], t, lang)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
