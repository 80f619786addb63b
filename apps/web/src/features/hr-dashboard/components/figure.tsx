import type { Figure } from '@freiraum/contracts';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../lib/i18n';

/** The response's privacy threshold, for the "fewer than N" texts. */
export const PrivacyThreshold = createContext(5);

export type Formatter = (value: number) => string;

/** Number formatters in the reader's language. */
export function useFormatters() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  const count: Formatter = (value) => number(value);
  const percent: Formatter = (value) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: value > 0 && value < 0.1 ? 1 : 0 }).format(
      value,
    );
  const hours: Formatter = (value) => t('hrDashboard.units.hours', { value: number(value, 1) });
  // Lead times: hours while short, days once they pass two days (a "52 h" is harder to picture than "2.2 days").
  const duration: Formatter = (value) =>
    value >= 48
      ? t('hrDashboard.units.days', { value: number(value / 24, 1) })
      : t('hrDashboard.units.hours', { value: number(value, 1) });
  const minutes: Formatter = (value) => {
    const total = Math.round(value);
    const h = Math.floor(total / 60);
    const m = total % 60;
    if (h === 0) return t('hrDashboard.units.minutes', { value: number(m) });
    if (m === 0) return t('hrDashboard.units.hours', { value: number(h) });
    return t('hrDashboard.units.hoursMinutes', { hours: number(h), minutes: number(m) });
  };
  return { count, percent, hours, duration, minutes };
}

/** A chart point: suppressed or missing figures are gaps (null), never zeros. */
export const chartValue = (figure: Figure): number | null => (figure.suppressed ? null : figure.value);

/** The text of a figure, for places that need a plain string (chart summaries). */
export function useFigureText() {
  const { t } = useTranslation();
  const threshold = useContext(PrivacyThreshold);
  return (figure: Figure, format: Formatter) => {
    if (figure.suppressed === 'small_group') return t('hrDashboard.suppressed.smallGroup', { count: threshold });
    if (figure.suppressed === 'complementary') return t('hrDashboard.suppressed.complementary');
    return figure.value === null ? t('hrDashboard.noValue') : format(figure.value);
  };
}

/**
 * One figure: its value, or why it is not shown. A suppressed figure never reads as 0; the tooltip (and the
 * privacy note on the page) explains the rule.
 */
export function FigureValue({ figure, format }: { figure: Figure; format: Formatter }) {
  const { t } = useTranslation();
  const threshold = useContext(PrivacyThreshold);
  if (figure.suppressed === 'small_group') {
    return (
      <abbr className="suppressed" title={t('hrDashboard.suppressed.smallGroupWhy', { count: threshold })}>
        {t('hrDashboard.suppressed.smallGroup', { count: threshold })}
      </abbr>
    );
  }
  if (figure.suppressed === 'complementary') {
    return (
      <abbr className="suppressed" title={t('hrDashboard.suppressed.complementaryWhy', { count: threshold })}>
        {t('hrDashboard.suppressed.complementary')}
      </abbr>
    );
  }
  if (figure.value === null) {
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('hrDashboard.noValue')}</span>
      </span>
    );
  }
  return <>{format(figure.value)}</>;
}
