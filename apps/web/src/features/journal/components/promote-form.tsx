import { promoteEntrySchema, type JournalEntry } from '@freiraum/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextareaField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../../lib/idempotency';
import { usePromoteEntry } from '../api/journal';

/**
 * "Add to use-case library" for a manager or HR: a button that opens a small form in place (title and
 * summary). An inline form, not a modal, so it works the same with keyboard, screen reader and on a phone.
 */
export function PromoteEntry({ entry, onPromoted }: { entry: JournalEntry; onPromoted: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const promote = usePromoteEntry();
  const idempotency = useIdempotencyKey();
  const formId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    // Opening moves focus into the form; the shared field takes no ref, so it is found by id.
    if (open) document.getElementById(`${formId}-title`)?.focus();
  }, [open, formId]);

  function close() {
    setOpen(false);
    setErrors({});
    setFormError(null);
    toggleRef.current?.focus();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = promoteEntrySchema.safeParse({ entryId: entry.id, title, summary }, FORM_PARSE);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    try {
      const useCase = await promote.mutateAsync({
        body: parsed.data,
        idempotencyKey: idempotency.keyFor(parsed.data),
      });
      idempotency.settled();
      toast(t('journal.promote.done', { title: useCase.title }));
      onPromoted();
    } catch (err) {
      idempotency.settled(err);
      setErrors(apiFieldErrors(err, t));
      setFormError(errorMessage(err, t));
    }
  }

  return (
    <div className="promote">
      <Button
        ref={toggleRef}
        size="sm"
        aria-expanded={open}
        aria-controls={open ? formId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('journal.promote.open')}
      </Button>
      {open && (
        <form id={formId} className="form promote__form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <FormAlert>{formError}</FormAlert>
          <p className="small muted">{t('journal.promote.intro', { name: entry.authorName })}</p>
          <TextField
            id={`${formId}-title`}
            label={t('journal.promote.titleLabel')}
            hint={t('journal.promote.titleHint')}
            required
            maxLength={200}
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setErrors((x) => ({ ...x, title: '' }));
            }}
            error={errors.title || undefined}
          />
          <TextareaField
            label={t('journal.promote.summaryLabel')}
            hint={t('journal.promote.summaryHint')}
            required
            rows={4}
            maxLength={4000}
            value={summary}
            onChange={(e) => {
              setSummary(e.target.value);
              setErrors((x) => ({ ...x, summary: '' }));
            }}
            error={errors.summary || undefined}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={promote.isPending}>
              {t('journal.promote.submit')}
            </Button>
            <Button variant="ghost" onClick={close}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
