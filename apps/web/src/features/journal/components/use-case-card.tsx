import type { Track, UseCase } from '@freiraum/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import { trackName } from '../../../lib/reference-data';
import { OutcomeBadge } from './outcome-badge';

/** A library entry, crediting the person who tried it out. */
export function UseCaseCard({ useCase, tracks }: { useCase: UseCase; tracks: Track[] | undefined }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const lang = i18n.language;
  const track = tracks?.find((x) => x.id === useCase.trackId);
  const trackText = track ? trackName(track, lang) : useCase.trackName;
  const none = <span className="muted">–</span>;
  return (
    <article className="card journal-card" aria-labelledby={headingId}>
      <header className="journal-card__header">
        <div>
          <h2 className="card__title" id={headingId}>
            {useCase.title}
          </h2>
          <p className="small muted">
            {t('journal.library.by', { name: useCase.authorName })} · {formatDate(useCase.createdAt, lang)}
          </p>
        </div>
        <p className="badges">
          <OutcomeBadge outcome={useCase.outcome} />
        </p>
      </header>
      <p className="plain-text">{useCase.summary}</p>
      <dl className="facts answer-facts">
        <dt>{t('journal.fields.tool')}</dt>
        <dd>{useCase.toolName}</dd>
        <dt>{t('fields.track')}</dt>
        <dd>{trackText ?? none}</dd>
        <dt>{t('fields.department')}</dt>
        <dd>{useCase.departmentName ?? none}</dd>
        <dt>{t('journal.fields.minutesSaved')}</dt>
        <dd>
          {t('journal.minutes', { count: useCase.minutesSaved, minutes: formatNumber(useCase.minutesSaved, lang) })}
        </dd>
      </dl>
      <p className="small muted">{t('journal.library.promotedBy', { name: useCase.promotedByName })}</p>
    </article>
  );
}
