import { createDepartmentSchema, type Department } from '@freiraum/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors } from '../../../lib/form-errors';
import { useCreateDepartment } from '../api/users';

/** "New department" inline beside the department select; sits inside the user form, so no nested <form>. */
export function DepartmentQuickAdd({ onCreated }: { onCreated: (department: Department) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateDepartment();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    const parsed = createDepartmentSchema.safeParse({ name }, FORM_PARSE);
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error, t).name ?? t('validation.required'));
      return;
    }
    try {
      const department = await create.mutateAsync(parsed.data);
      onCreated(department);
      setName('');
      setError(null);
      setOpen(false);
    } catch (err) {
      setError(apiFieldErrors(err, t).name ?? errorMessage(err, t));
    }
  }

  if (!open) {
    return (
      <div>
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
          + {t('users.form.newDepartment')}
        </Button>
      </div>
    );
  }
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('users.form.newDepartmentName')}
      </label>
      <div className="copy-field">
        <input
          id={id}
          className="input"
          value={name}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            // Enter would submit the surrounding user form; here it adds the department.
            if (e.key === 'Enter') {
              e.preventDefault();
              void add();
            }
            if (e.key === 'Escape') setOpen(false);
          }}
        />
        <Button variant="secondary" loading={create.isPending} onClick={() => void add()}>
          {t('common.add')}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
      <p className="field__error" id={`${id}-error`} aria-live="polite">
        {error}
      </p>
    </div>
  );
}
