import { createUserSchema, LANGUAGES, updateUserSchema, type Role, type UserSummary } from '@freiraum/contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { CheckboxField, Fieldset, SelectField, TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { trackName, useDepartments, useTracks } from '../../../lib/reference-data';
import { DepartmentQuickAdd } from './department-quick-add';
import { PersonPicker, type PickedPerson } from './person-picker';

// `manager` is not chosen here: the server derives it from who has direct reports.
const EDITABLE_ROLES = ['employee', 'hr', 'admin'] as const satisfies readonly Role[];

export interface UserFormValues {
  email: string;
  firstName: string;
  lastName: string;
  roles: Role[];
  trackSlug: string | null;
  departmentId: string | null;
  manager: PickedPerson | null;
  language: 'de' | 'en' | null;
}

export function emptyUserForm(): UserFormValues {
  return {
    email: '',
    firstName: '',
    lastName: '',
    roles: ['employee'],
    trackSlug: null,
    departmentId: null,
    manager: null,
    language: null,
  };
}

export function userFormFrom(user: UserSummary): UserFormValues {
  return {
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    roles: user.roles,
    trackSlug: user.trackSlug,
    departmentId: user.departmentId,
    manager: user.managerId ? { id: user.managerId, name: user.managerName ?? user.managerId } : null,
    language: null,
  };
}

interface UserFormProps {
  mode: 'create' | 'edit';
  initial: UserFormValues;
  /** The edited user (to keep them out of their own manager picker). */
  userId?: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  secondaryAction?: ReactNode;
}

export function UserForm({ mode, initial, userId, submitLabel, pending, onSubmit, secondaryAction }: UserFormProps) {
  const { t, i18n } = useTranslation();
  const tracks = useTracks();
  const departments = useDepartments();
  const [values, setValues] = useState<UserFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const isManager = values.roles.includes('manager');

  function toggleRole(role: Role, on: boolean) {
    set('roles', on ? [...new Set([...values.roles, role])] : values.roles.filter((r) => r !== role));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const body = {
      email: values.email,
      firstName: values.firstName,
      lastName: values.lastName,
      roles: values.roles,
      trackSlug: values.trackSlug,
      departmentId: values.departmentId,
      managerId: values.manager?.id ?? null,
      ...(mode === 'create' ? { language: values.language } : {}),
    };
    const parsed = (mode === 'create' ? createUserSchema : updateUserSchema).safeParse(body, FORM_PARSE);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      setFormError(t('errors.checkFields'));
      return;
    }
    setErrors({});
    try {
      await onSubmit(body);
    } catch (error) {
      setErrors(apiFieldErrors(error, t));
      setFormError(errorMessage(error, t));
    }
  }

  // Disabled tracks stay selectable only for someone already on them.
  const trackOptions = (tracks.data ?? []).filter((tr) => tr.enabled || tr.slug === initial.trackSlug);

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <FormAlert>{formError}</FormAlert>
      <div className="form-row">
        <TextField
          label={t('fields.firstName')}
          name="firstName"
          autoComplete="off"
          required
          value={values.firstName}
          onChange={(e) => set('firstName', e.target.value)}
          error={errors.firstName}
        />
        <TextField
          label={t('fields.lastName')}
          name="lastName"
          autoComplete="off"
          required
          value={values.lastName}
          onChange={(e) => set('lastName', e.target.value)}
          error={errors.lastName}
        />
      </div>
      <TextField
        label={t('fields.email')}
        name="email"
        type="email"
        autoComplete="off"
        required
        value={values.email}
        onChange={(e) => set('email', e.target.value)}
        error={errors.email}
        hint={mode === 'create' ? t('users.form.emailHint') : undefined}
      />
      <Fieldset
        legend={t('fields.roles')}
        error={errors.roles}
        hint={isManager ? t('users.form.managerRoleOn') : t('users.form.managerRoleHint')}
      >
        {EDITABLE_ROLES.map((role) => (
          <CheckboxField
            key={role}
            label={t(`roles.${role}`)}
            checked={values.roles.includes(role)}
            onChange={(e) => toggleRole(role, e.target.checked)}
          />
        ))}
      </Fieldset>
      <div className="form-row">
        <SelectField
          label={t('fields.track')}
          name="trackSlug"
          value={values.trackSlug ?? ''}
          onChange={(e) => set('trackSlug', e.target.value || null)}
          error={errors.trackSlug}
          hint={tracks.isError ? t('errors.loadFailed') : undefined}
        >
          <option value="">{t('users.form.noTrack')}</option>
          {trackOptions.map((tr) => (
            <option key={tr.id} value={tr.slug}>
              {trackName(tr, i18n.language)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <SelectField
            label={t('fields.department')}
            name="departmentId"
            value={values.departmentId ?? ''}
            onChange={(e) => set('departmentId', e.target.value || null)}
            error={errors.departmentId}
            hint={departments.isError ? t('errors.loadFailed') : undefined}
          >
            <option value="">{t('users.form.noDepartment')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <DepartmentQuickAdd onCreated={(d) => set('departmentId', d.id)} />
        </div>
      </div>
      <PersonPicker
        label={t('fields.manager')}
        hint={t('users.form.managerHint')}
        value={values.manager}
        onChange={(person) => set('manager', person)}
        excludeIds={userId ? [userId] : []}
        error={errors.managerId}
      />
      {mode === 'create' && (
        <SelectField
          label={t('fields.language')}
          name="language"
          value={values.language ?? ''}
          onChange={(e) => set('language', (e.target.value || null) as UserFormValues['language'])}
          error={errors.language}
        >
          <option value="">{t('users.form.languageDefault')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`language.names.${language}`)}
            </option>
          ))}
        </SelectField>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={pending}>
          {submitLabel}
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
