import type { HomeDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/states';
import { formatDate } from '../../../lib/format';

const OUTCOME_TONE: Record<HomeDashboard['recentJournal'][number]['outcome'], BadgeTone> = {
  worked: 'success',
  partly: 'warning',
  // A failed experiment is a result too, not an error.
  failed: 'neutral',
};

/** The person's latest experiment-journal entries with the recognition they got. */
export function JournalCard({ entries }: { entries: HomeDashboard['recentJournal'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      title={t('home.journal.title')}
      className="card--flush"
      actions={entries.length > 0 ? <Link to="/journal">{t('home.journal.all')}</Link> : undefined}
    >
      {entries.length === 0 ? (
        <EmptyState
          title={t('home.journal.emptyTitle')}
          action={
            <Link className="btn btn--secondary" to="/journal/new">
              {t('home.journal.new')}
            </Link>
          }
        >
          {t('home.journal.emptyText')}
        </EmptyState>
      ) : (
        <ul className="dash-list">
          {entries.map((e) => (
            <li key={e.id} className="dash-list__item">
              <div className="dash-list__head">
                <Badge tone={OUTCOME_TONE[e.outcome]}>{t(`home.journal.outcome.${e.outcome}`)}</Badge>
                <span className="dash-list__title">{e.goal}</span>
                <time className="dash-list__time" dateTime={e.createdAt}>
                  {formatDate(e.createdAt, i18n.language)}
                </time>
              </div>
              <p className="dash-list__meta muted">
                {t(`home.journal.visibility.${e.visibility}`)} · {t('home.journal.kudos', { count: e.kudosCount })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
