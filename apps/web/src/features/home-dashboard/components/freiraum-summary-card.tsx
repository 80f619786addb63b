import type { HomeDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/card';
import { formatHours, periodLabel } from './format';

const FIGURES = ['allocated', 'pending', 'approved', 'used', 'left'] as const;

/** This period's Freiraum hours as figures; an invitation to plan the first slot while nothing is booked. */
export function FreiraumSummaryCard({ freiraum }: { freiraum: HomeDashboard['freiraum'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { balance } = freiraum;
  const untouched = balance.pending === 0 && balance.approved === 0;
  return (
    <Card
      title={t('home.freiraum.title', { period: periodLabel(freiraum.period.key, t, lang) })}
      actions={<Link to="/freiraum">{t('home.freiraum.open')}</Link>}
    >
      <dl className="dash-figures">
        {FIGURES.map((key) => (
          <div key={key} className={`dash-figure dash-figure--${key}`}>
            <dt>{t(`home.freiraum.${key}`)}</dt>
            <dd>{formatHours(balance[key], t, lang)}</dd>
          </div>
        ))}
      </dl>
      {untouched && balance.left > 0 && (
        <p className="dash-invite">
          {t('home.freiraum.emptyText', { hours: formatHours(balance.left, t, lang) })}{' '}
          <Link to="/freiraum">{t('home.freiraum.plan')}</Link>
        </p>
      )}
    </Card>
  );
}
