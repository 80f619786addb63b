import type { FreiraumRequestStatus, Period } from '@freiraum/contracts';
import type { TFunction } from 'i18next';
import type { BadgeTone } from '../../../components/ui/badge';
import { formatNumber } from '../../../lib/format';
import { currentLanguage, localeOf } from '../../../lib/i18n';

/** "1,5 Stunden" / "1.5 hours" (the count picks singular or plural). */
export function formatHours(hours: number, t: TFunction, language: string): string {
  return t('freiraum.hours', { count: hours, hours: formatNumber(hours, language) });
}

const dayDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/** A calendar day (YYYY-MM-DD, the organisation's) with its weekday: "Do., 12.11.2026" / "Thu, 12/11/2026". */
export function formatDay(day: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(dayDate(day));
}

/** "November 2026" for a month, "4. Quartal 2026" / "Q4 2026" for a quarter. */
export function periodLabel(key: string, t: TFunction, language: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return t('freiraum.period.quarter', { year: quarter[1], quarter: quarter[2] });
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (!month) return key;
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    dayDate(`${month[1]}-${month[2]}-01`),
  );
}

export const STATUS_TONE: Record<FreiraumRequestStatus, BadgeTone> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  cancelled: 'neutral',
};

/** The days of a period, [start, end), as YYYY-MM-DD. */
export function daysOf(period: Pick<Period, 'start' | 'end'>): string[] {
  const out: string[] = [];
  for (let d = dayDate(period.start); ; d = new Date(d.getTime() + 86_400_000)) {
    const iso = d.toISOString().slice(0, 10);
    if (iso >= period.end || out.length > 400) return out;
    out.push(iso);
  }
}

/** Monday = 0 … Sunday = 6. */
export function weekdayIndex(day: string): number {
  return (dayDate(day).getUTCDay() + 6) % 7;
}

/** Short weekday names, Monday first, in the reader's language. */
export function weekdayNames(language: string, style: 'short' | 'long'): string[] {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(localeOf(language), { weekday: style, timeZone: 'UTC' }).format(
      dayDate(`2024-01-0${i + 1}`),
    ),
  );
}

// The API and the contracts speak English; the phrases of Freiraum's own rules get the reader's language.
const hrs = (t: TFunction, text: string) => formatHours(Number(text), t, currentLanguage());
const MESSAGES: [RegExp, (t: TFunction, m: RegExpMatchArray) => string][] = [
  [/^must be in half-hour steps/, (t) => t('freiraum.validation.halfHours')],
  [/^must be more than 0$/, (t) => t('freiraum.validation.moreThanZero')],
  [/^must be 0 or more, in half-hour steps/, (t) => t('freiraum.validation.zeroOrMoreHalfHours')],
  [/^must be 0 or more/, (t) => t('freiraum.validation.zeroOrMore')],
  [
    /^must be at most ([\d.]+) \(hours left in (\S+)\)$/,
    (t, m) =>
      t('freiraum.validation.hoursLeft', { left: hrs(t, m[1]), period: periodLabel(m[2], t, currentLanguage()) }),
  ],
  [/^must be at most ([\d.]+) hours/, (t, m) => t('freiraum.validation.atMostHours', { max: hrs(t, m[1]) })],
  [
    /^is ([\d.]+) hours below what is already pending or approved \(([\d.]+) hours\)$/,
    (t, m) => t('freiraum.validation.belowCommitted', { below: hrs(t, m[1]), committed: hrs(t, m[2]) }),
  ],
  [/^must be today or later$/, (t) => t('freiraum.validation.todayOrLater')],
  [/^must be within (\d+) days from today$/, (t, m) => t('freiraum.validation.daysAhead', { days: m[1] })],
  [/^is already over$/, (t) => t('freiraum.validation.periodOver')],
  [/^must be someone other than you$/, (t) => t('freiraum.validation.notYourself')],
  [/^is not an active person of your organisation$/, (t) => t('freiraum.validation.notActivePerson')],
  [/^is not a known exercise or module$/, (t) => t('freiraum.validation.exerciseRequired')],
  [/^is not a use case of your organisation$/, (t) => t('freiraum.validation.useCaseRequired')],
  [/^must not make the default hours exceed the maximum$/, (t) => t('freiraum.validation.defaultAboveMax')],
  [/^is required for an exercise$/, (t) => t('freiraum.validation.exerciseRequired')],
  [/^is required for a use case$/, (t) => t('freiraum.validation.useCaseRequired')],
  [/^must describe the experiment/, (t) => t('freiraum.validation.purposeRequired')],
  [/^must give a reason for a rejection/, (t) => t('freiraum.validation.reasonRequired')],
  [/^must be a date/, (t) => t('freiraum.validation.date')],
  [/^must not be before startsOn$/, (t) => t('freiraum.validation.endBeforeStart')],
  [/^must not be more than maxHours$/, (t) => t('freiraum.validation.defaultAboveMax')],
  [/^must be a whole number of days$/, (t) => t('freiraum.validation.wholeDays')],
];

/** Translates the Freiraum rule messages among field errors; others stay as they are. */
export function localizeErrors(errors: Record<string, string>, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const hit = MESSAGES.find(([pattern]) => pattern.test(message));
    out[field] = hit ? hit[1](t, message.match(hit[0])!) : message;
  }
  return out;
}
