import type { TFunction } from 'i18next';
import { formatNumber } from '../../../lib/format';
import { localeOf } from '../../../lib/i18n';

/** "1,5 Stunden" / "1.5 hours". */
export function formatHours(hours: number, t: TFunction, language: string): string {
  return t('home.freiraum.hours', { count: hours, hours: formatNumber(hours, language) });
}

/** "November 2026" for a month, "4. Quartal 2026" / "Q4 2026" for a quarter. */
export function periodLabel(key: string, t: TFunction, language: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return t('home.freiraum.quarter', { year: quarter[1], quarter: quarter[2] });
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (!month) return key;
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 15)),
  );
}
