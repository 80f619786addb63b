import type { TeamDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../lib/format';

/** What waits for the manager, each figure a link to where it is dealt with. */
export function WaitingLinks({ dashboard }: { dashboard: TeamDashboard }) {
  const { t, i18n } = useTranslation();
  const items = [
    { to: '/freiraum/approvals', count: dashboard.pendingApprovals, key: 'approvals' },
    { to: '/reviews', count: dashboard.pendingReviews, key: 'reviews' },
    { to: '/flags', count: dashboard.openFlags, key: 'flags' },
  ] as const;
  return (
    <section aria-labelledby="team-waiting-title">
      <h2 id="team-waiting-title" className="visually-hidden">
        {t('teamDashboard.waiting.title')}
      </h2>
      <ul className="dash-stats">
        {items.map((item) => (
          <li key={item.key}>
            <Link className={`dash-stat${item.count > 0 ? ' dash-stat--attention' : ''}`} to={item.to}>
              <span className="dash-stat__value">{formatNumber(item.count, i18n.language)}</span>{' '}
              <span className="dash-stat__label">{t(`teamDashboard.waiting.${item.key}`, { count: item.count })}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
