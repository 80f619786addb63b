import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveContainer } from 'recharts';
import { TableScroll } from '../../../components/ui/table';

// Series colours: each at least 3:1 against the white card (WCAG 1.4.11); lines also differ by dash pattern.
export const COLORS = {
  teal: '#0f5f56',
  lightTeal: '#5e9e94',
  blue: '#1d4f7a',
  amber: '#b06d00',
  violet: '#6f5bb5',
  green: '#17663f',
  red: '#b3261e',
  axis: '#55615e',
  grid: '#e1e5e3',
} as const;

export const AXIS_TICK = { fill: COLORS.axis, fontSize: 12 };

interface ChartFrameProps {
  /** Read out instead of the drawing: what the chart shows, with its key numbers. */
  summary: string;
  /** Names the data table (caption) and its scroll region. */
  dataLabel: string;
  height?: number;
  /** A recharts chart. */
  chart: ReactElement;
  /** The same numbers as a table (thead + tbody), for screen readers, keyboard users and anyone who prefers it. */
  table: ReactNode;
}

/**
 * A chart with its text alternative: the drawing is one image with a summary (recharts' own keyboard layer is
 * off, so nothing focusable hides inside it), and the exact figures are a table under "Show the data".
 */
export function ChartFrame({ summary, dataLabel, height = 280, chart, table }: ChartFrameProps) {
  const { t } = useTranslation();
  return (
    <figure className="chart">
      <div className="chart__canvas" role="img" aria-label={summary} style={{ height }}>
        {/* The drawing's own texts (ticks, legend) would only repeat the summary and the table, piecemeal. */}
        <div aria-hidden="true" className="chart__drawing">
          {/* initialDimension: a sensible first size before the container is measured (and in tests). */}
          <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height }}>
            {chart}
          </ResponsiveContainer>
        </div>
      </div>
      <details className="chart__data">
        <summary>
          {t('hrDashboard.charts.showData')}
          <span className="visually-hidden">: {dataLabel}</span>
        </summary>
        <TableScroll label={dataLabel}>
          <table className="table">
            <caption className="visually-hidden">{dataLabel}</caption>
            {table}
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
