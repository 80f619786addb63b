import { createAssignmentsSchema } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { Fieldset, SelectField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { useToast } from '../../../components/ui/toast';
import { pick } from '../../../lib/bilingual';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useDepartments } from '../../../lib/reference-data';
import { useCreateAssignments, usePathChoices } from '../api/assignments';
import { PeopleSelect, type Person } from './people-select';

type Target = 'people' | 'department';

export function AssignForm() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const paths = usePathChoices();
  const departments = useDepartments();
  const create = useCreateAssignments();
  const [pathSlug, setPathSlug] = useState('');
  const [target, setTarget] = useState<Target>('people');
  const [people, setPeople] = useState<Person[]>([]);
  const [departmentId, setDepartmentId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const body = {
      pathSlug,
      userIds: target === 'people' ? people.map((p) => p.id) : [],
      departmentId: target === 'department' && departmentId ? departmentId : null,
      dueDate: dueDate || null,
    };
    const parsed = createAssignmentsSchema.safeParse(body, FORM_PARSE);
    const next = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    // The contract's "people or a department" rule sits on userIds; show it where the user chose.
    if (next.userIds && target === 'department') {
      next.departmentId = t('validation.required');
      delete next.userIds;
    } else if (next.userIds) next.userIds = t('assignments.choosePeople');
    setErrors(next);
    if (!parsed.success) return;
    try {
      const result = await create.mutateAsync(body);
      toast(t('assignments.done', { created: result.created, updated: result.updated }));
      setPeople([]);
      setErrors({});
    } catch (error) {
      setErrors(apiFieldErrors(error, t));
      setFormError(errorMessage(error, t));
    }
  }

  return (
    <Card title={t('assignments.formTitle')} description={t('assignments.formDescription')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        <SelectField
          label={t('assignments.path')}
          required
          value={pathSlug}
          onChange={(e) => {
            setPathSlug(e.target.value);
            setErrors((x) => ({ ...x, pathSlug: '' }));
          }}
          error={errors.pathSlug || undefined}
        >
          <option value="">{t('assignments.choosePath')}</option>
          {(paths.data?.items ?? []).map((p) => (
            <option key={p.slug} value={p.slug}>
              {pick(p.title, i18n.language)}
            </option>
          ))}
        </SelectField>
        <Fieldset legend={t('assignments.target')}>
          {(['people', 'department'] as const).map((value) => (
            <div className="check" key={value}>
              <input
                id={`assign-target-${value}`}
                className="check__input"
                type="radio"
                name="target"
                value={value}
                checked={target === value}
                onChange={() => {
                  setTarget(value);
                  setErrors({});
                }}
              />
              <label className="check__label" htmlFor={`assign-target-${value}`}>
                {t(`assignments.targets.${value}`)}
              </label>
            </div>
          ))}
        </Fieldset>
        {target === 'people' ? (
          <PeopleSelect value={people} onChange={setPeople} error={errors.userIds || undefined} />
        ) : (
          <SelectField
            label={t('fields.department')}
            required
            value={departmentId}
            onChange={(e) => setDepartmentId(e.target.value)}
            error={errors.departmentId || undefined}
          >
            <option value="">{t('assignments.chooseDepartment')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {t('assignments.departmentOption', { name: d.name, count: d.userCount })}
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('assignments.dueDate')}
          hint={t('assignments.dueDateHint')}
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.target.value)}
          error={errors.dueDate || undefined}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={create.isPending}>
            {t('assignments.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
