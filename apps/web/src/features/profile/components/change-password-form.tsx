import { changePasswordRequestSchema } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { NewPasswordFields } from '../../../components/ui/new-password-fields';
import { useToast } from '../../../components/ui/toast';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

export function ChangePasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = changePasswordRequestSchema.safeParse({ currentPassword, newPassword }, FORM_PARSE);
    const next: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    if (!next.newPassword && newPassword !== confirm) next.confirmPassword = t('validation.passwordsDiffer');
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) return;
    try {
      await change.mutateAsync(parsed.data);
      setCurrent('');
      setNew('');
      setConfirm('');
      toast(t('profile.password.changed'));
    } catch (error) {
      const fields = apiFieldErrors(error, t);
      // The API answers a wrong current password with a field error; say it plainly.
      if (fields.currentPassword) fields.currentPassword = t('profile.password.currentWrong');
      setErrors(fields);
      setFormError(errorMessage(error, t));
    }
  }

  return (
    <Card title={t('profile.password.title')} description={t('profile.password.description')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label={t('fields.currentPassword')}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.currentPassword}
        />
        <NewPasswordFields
          password={newPassword}
          confirm={confirm}
          onPassword={setNew}
          onConfirm={setConfirm}
          errors={errors}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" loading={change.isPending}>
            {t('profile.password.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
