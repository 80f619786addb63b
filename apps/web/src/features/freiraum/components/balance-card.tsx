import type { Balance } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { formatHours } from './format';

/**
 * The period's hours: a stacked bar (used · approved still ahead · pending · left) for the eye, and the same
 * figures as text for everyone.
 */
export function BalanceCard({ balance, title }: { balance: Balance; title: string }) {
  const { t, i18n } = useTranslation();
  const h = (n: number) => formatHours(n, t, i18n.language);
  const total = Math.max(balance.allocated, balance.pending + balance.approved, 0);
  const pct = (n: number) => (total > 0 ? `${(Math.max(0, n) / total) * 100}%` : '0%');
  const ahead = balance.approved - balance.used;

  return (
    <Card title={title} className="freiraum-balance">
      <div className="balance-bar" aria-hidden="true">
        <span className="balance-bar__part balance-bar__part--used" style={{ width: pct(balance.used) }} />
        <span className="balance-bar__part balance-bar__part--approved" style={{ width: pct(ahead) }} />
        <span className="balance-bar__part balance-bar__part--pending" style={{ width: pct(balance.pending) }} />
      </div>
      <dl className="balance-figures">
        <div className="balance-figure">
          <dt>{t('freiraum.balance.allocated')}</dt>
          <dd>{h(balance.allocated)}</dd>
        </div>
        <div className="balance-figure balance-figure--pending">
          <dt>{t('freiraum.balance.pending')}</dt>
          <dd>{h(balance.pending)}</dd>
        </div>
        <div className="balance-figure balance-figure--approved">
          <dt>{t('freiraum.balance.approved')}</dt>
          <dd>{h(balance.approved)}</dd>
        </div>
        <div className="balance-figure balance-figure--used">
          <dt>{t('freiraum.balance.used')}</dt>
          <dd>{h(balance.used)}</dd>
        </div>
        <div className="balance-figure balance-figure--left">
          <dt>{t('freiraum.balance.left')}</dt>
          <dd>{h(balance.left)}</dd>
        </div>
      </dl>
    </Card>
  );
}
