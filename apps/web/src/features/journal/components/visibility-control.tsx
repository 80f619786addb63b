import { VISIBILITIES, type JournalEntry, type Visibility } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { SelectField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/form-errors';
import { useUpdateVisibility } from '../api/journal';

/**
 * Who sees the entry. A select plus a button rather than saving on change: keyboard users move through a
 * select's options with the arrow keys, and each step must not share the entry with someone.
 */
export function VisibilityControl({ entry }: { entry: JournalEntry }) {
  const { t } = useTranslation();
  const toast = useToast();
  const update = useUpdateVisibility();
  const [value, setValue] = useState<Visibility>(entry.visibility);
  const [error, setError] = useState<string | null>(null);
  const blocked = entry.shareBlockedReason !== null;
  // The server's answer wins (e.g. after a flag kept it private), unless the person is mid-change.
  const [seen, setSeen] = useState(entry.visibility);
  if (seen !== entry.visibility) {
    setSeen(entry.visibility);
    setValue(entry.visibility);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const saved = await update.mutateAsync({ id: entry.id, visibility: value });
      toast(t('journal.visibility.saved', { visibility: t(`journal.visibility.options.${saved.visibility}`) }));
    } catch (err) {
      setError(errorMessage(err, t));
    }
  }

  return (
    <form className="visibility-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <SelectField
        label={t('journal.visibility.label')}
        hint={blocked ? t('journal.visibility.blockedHint') : t(`journal.visibility.hints.${value}`)}
        value={value}
        onChange={(e) => {
          setValue(e.target.value as Visibility);
          setError(null);
        }}
      >
        {VISIBILITIES.map((v) => (
          <option key={v} value={v} disabled={blocked && v !== 'private'}>
            {t(`journal.visibility.options.${v}`)}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <Button type="submit" loading={update.isPending} disabled={value === entry.visibility}>
          {t('journal.visibility.submit')}
        </Button>
      </div>
      <FormAlert>{error}</FormAlert>
    </form>
  );
}
