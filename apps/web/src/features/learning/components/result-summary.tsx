import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

interface ResultSummaryProps {
  passed: boolean;
  /** 0…1, or null for exercises without a score. */
  score: number | null;
  passMark?: number;
  createdAt: string;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}

const percent = (value: number) => `${Math.round(value * 100)} %`;

/** The verdict above detailed feedback; focusable so focus can move to it after submitting. */
export function ResultSummary({ passed, score, passMark, createdAt, children, ref }: ResultSummaryProps) {
  const { t, i18n } = useTranslation();
  return (
    <div ref={ref} tabIndex={-1} className={`result ${passed ? 'result--passed' : 'result--failed'}`}>
      <p className="result__title">{passed ? t('learning.result.passed') : t('learning.result.notPassed')}</p>
      {score !== null && (
        <p className="result__score">
          {passMark !== undefined
            ? t('learning.result.scoreWithMark', { score: percent(score), mark: percent(passMark) })
            : t('learning.result.score', { score: percent(score) })}
        </p>
      )}
      {children}
      <p className="result__time">{t('learning.result.at', { date: formatDateTime(createdAt, i18n.language) })}</p>
    </div>
  );
}
