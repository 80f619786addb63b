import type { JournalEntry } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';

/** "Why can't I share this?": the open or confirmed AI-policy flag that keeps an entry private. */
export function ShareBlockedNotice({ entry, headingLevel = 3 }: { entry: JournalEntry; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  if (!entry.shareBlockedReason) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const flag = entry.flag;
  const status = flag?.status === 'confirmed' ? 'confirmed' : 'open';
  // The API's sentence is English; with the flag at hand the reader gets it in their language.
  const reason = flag
    ? t(`journal.shareBlocked.${status}`, {
        why: t(`governance.reasons.${flag.reason}`, {
          tool: entry.toolName,
          dataClass: t(`dataClasses.${entry.dataClass}.label`),
        }),
      })
    : entry.shareBlockedReason;
  return (
    <div className={`flag-notice flag-notice--${status} share-blocked`}>
      <Heading className="flag-notice__title share-blocked__title">{t('journal.shareBlocked.title')}</Heading>
      <p>{reason}</p>
      {flag?.decisionNote && (
        <p>
          <strong>{t('journal.shareBlocked.note')}</strong> <span className="plain-text">{flag.decisionNote}</span>
        </p>
      )}
    </div>
  );
}
