import { periodKey, type PeriodKind } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { periodLabel } from './format';

/** `?period=` when it names a period; anything else (or nothing) means the current one. */
export function usePeriodParam(): [string | null, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('period');
  const period = raw && periodKey.safeParse(raw).success ? raw : null;
  return [period, (key: string) => setParams({ period: key })];
}

/** The period a calendar day falls in, as the API names it (2026-11 or 2026-Q4). */
export function periodKeyOf(day: string, kind: PeriodKind): string {
  const [y, m] = day.split('-').map(Number);
  return kind === 'month' ? day.slice(0, 7) : `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** Previous / this / next period as links (`?period=`), so the browser's back button and bookmarks work. */
export function PeriodNav({
  current,
  previous,
  next,
  showBackToCurrent,
}: {
  current: string;
  previous: string;
  next: string;
  /** Whether another period than today's is open (then a link leads back). */
  showBackToCurrent: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const label = (key: string) => periodLabel(key, t, i18n.language);
  return (
    <nav className="period-nav" aria-label={t('freiraum.period.navLabel')}>
      <Link
        className="btn btn--secondary btn--sm"
        aria-label={`${t('freiraum.period.previous')}: ${label(previous)}`}
        to={`${pathname}?period=${previous}`}
      >
        <span aria-hidden="true">‹</span> {label(previous)}
      </Link>
      <p className="period-nav__current" aria-live="polite">
        <span className="visually-hidden">{t('freiraum.period.shown')}:</span> {label(current)}
      </p>
      <Link
        className="btn btn--secondary btn--sm"
        aria-label={`${t('freiraum.period.next')}: ${label(next)}`}
        to={`${pathname}?period=${next}`}
      >
        {label(next)} <span aria-hidden="true">›</span>
      </Link>
      {showBackToCurrent && (
        <Link className="period-nav__today" to={pathname}>
          {t('freiraum.period.backToCurrent')}
        </Link>
      )}
    </nav>
  );
}
