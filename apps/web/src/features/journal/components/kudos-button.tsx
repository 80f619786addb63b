import type { JournalEntry } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { icons } from '../../../components/ui/icons';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/form-errors';
import { formatNumber } from '../../../lib/format';
import { useKudos } from '../api/journal';

/**
 * A toggle (aria-pressed) with a fixed name, "Give kudos"; the count sits beside it as a live region. It is
 * never disabled while saving, so keyboard focus stays on it; a second press meanwhile is ignored.
 */
export function KudosButton({ entry }: { entry: JournalEntry }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const kudos = useKudos();
  const count = (
    <span className="kudos__count" aria-live="polite">
      {t('journal.kudos.count', { count: entry.kudosCount, formatted: formatNumber(entry.kudosCount, i18n.language) })}
    </span>
  );

  function toggle() {
    if (kudos.isPending) return;
    kudos.mutate({ id: entry.id, give: !entry.kudosByMe }, { onError: (err) => toast(errorMessage(err, t), 'error') });
  }

  return (
    <div className="kudos">
      {entry.canGiveKudos && (
        <button
          type="button"
          className="btn btn--secondary btn--sm kudos__button"
          aria-pressed={entry.kudosByMe}
          aria-busy={kudos.isPending || undefined}
          onClick={toggle}
        >
          {icons.kudos}
          <span>{t('journal.kudos.give')}</span>
        </button>
      )}
      {count}
    </div>
  );
}
