import type { HomeDashboard } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/states';
import { pick } from '../../../lib/bilingual';
import { formatRelative } from '../../../lib/format';

type Feedback = HomeDashboard['recentFeedback'][number];

function badgeOf(f: Feedback): { tone: BadgeTone; key: string } {
  switch (f.kind) {
    case 'review_accepted':
      return { tone: 'success', key: 'home.feedback.accepted' };
    case 'review_revision':
      return { tone: 'warning', key: 'home.feedback.revision' };
    case 'graded':
      return f.passed
        ? { tone: 'success', key: 'home.feedback.passed' }
        : { tone: 'danger', key: 'home.feedback.failed' };
    case 'flag':
      if (f.flagStatus === 'cleared') return { tone: 'success', key: 'home.feedback.flagCleared' };
      if (f.flagStatus === 'confirmed') return { tone: 'danger', key: 'home.feedback.flagConfirmed' };
      return { tone: 'warning', key: 'home.feedback.flagOpen' };
  }
}

/** Results, review decisions and AI-policy flags on the person's work, newest first. */
export function FeedbackCard({
  items,
  nextModuleSlug,
}: {
  items: HomeDashboard['recentFeedback'];
  nextModuleSlug: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card title={t('home.feedback.title')} className="card--flush">
      {items.length === 0 ? (
        <EmptyState
          title={t('home.feedback.emptyTitle')}
          action={
            <Link
              className="btn btn--secondary"
              to={nextModuleSlug ? `/learning/modules/${encodeURIComponent(nextModuleSlug)}` : '/learning'}
            >
              {t('home.feedback.toExercise')}
            </Link>
          }
        >
          {t('home.feedback.emptyText')}
        </EmptyState>
      ) : (
        <ul className="dash-list">
          {items.map((f) => {
            const badge = badgeOf(f);
            const title = pick({ de: f.titleDe, en: f.titleEn }, lang);
            const to =
              f.subject === 'journal_entry'
                ? '/journal'
                : f.moduleSlug
                  ? `/learning/modules/${encodeURIComponent(f.moduleSlug)}`
                  : null;
            return (
              <li key={`${f.kind}-${f.id}`} className="dash-list__item">
                <div className="dash-list__head">
                  <Badge tone={badge.tone}>{t(badge.key)}</Badge>
                  <span className="dash-list__title">
                    {f.subject === 'journal_entry' && (
                      <span className="muted">{t('home.feedback.journalPrefix')} </span>
                    )}
                    {to ? <Link to={to}>{title}</Link> : title}
                  </span>
                  <time className="dash-list__time" dateTime={f.at}>
                    {formatRelative(f.at, lang)}
                  </time>
                </div>
                {f.note && (
                  <p className="dash-list__note">
                    <span className="visually-hidden">{t('home.feedback.note')}: </span>
                    {f.note}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
