import type { JournalEntry } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';

/** What was tried with which tool, the time saved and the lesson; for the author also class, sharing and kudos. */
export function EntryFacts({ entry, own = false }: { entry: JournalEntry; own?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts answer-facts">
      <dt>{t('journal.fields.tool')}</dt>
      <dd>{entry.toolName}</dd>
      {own && (
        <>
          <dt>{t('journal.fields.dataClass')}</dt>
          <dd>{t(`dataClasses.${entry.dataClass}.label`)}</dd>
        </>
      )}
      <dt>{t('journal.fields.minutesSaved')}</dt>
      <dd>
        {t('journal.minutes', { count: entry.minutesSaved, minutes: formatNumber(entry.minutesSaved, i18n.language) })}
      </dd>
      <dt>{t('journal.fields.learned')}</dt>
      <dd className="plain-text">{entry.learned}</dd>
      {own && (
        <>
          <dt>{t('journal.fields.visibility')}</dt>
          <dd>{t(`journal.visibility.options.${entry.visibility}`)}</dd>
          <dt>{t('journal.fields.kudos')}</dt>
          <dd>{formatNumber(entry.kudosCount, i18n.language)}</dd>
          {entry.flag?.decisionNote && !entry.shareBlockedReason && (
            <>
              <dt>{t('journal.fields.flagNote')}</dt>
              <dd className="plain-text">{entry.flag.decisionNote}</dd>
            </>
          )}
        </>
      )}
    </dl>
  );
}
