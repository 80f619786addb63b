import type { Outcome } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';

/**
 * Worked, partly and failed each get a colour of the same weight: a failed experiment is a result worth
 * sharing, so it is neither greyed out nor shown as an error.
 */
export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  return <span className={`badge outcome-badge outcome-badge--${outcome}`}>{t(`journal.outcomes.${outcome}`)}</span>;
}
