import { passwordResetRequestSchema } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useRequestPasswordReset } from '../api/password-reset';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = passwordResetRequestSchema.safeParse({ email }, FORM_PARSE);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    try {
      await request.mutateAsync(parsed.data);
    } catch (error) {
      setErrors(apiFieldErrors(error, t));
      setFormError(errorMessage(error, t));
    }
  }

  const backLink = <Link to="/sign-in">{t('auth.backToSignIn')}</Link>;

  if (request.isSuccess) {
    return (
      <AuthLayout title={t('auth.forgot.sentTitle')} footer={backLink}>
        {/* The same answer whether or not the account exists: no account enumeration. */}
        <FormAlert tone="success">{t('auth.forgot.sent', { email: email.trim().toLowerCase() })}</FormAlert>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('auth.forgot.title')} lead={t('auth.forgot.lead')} footer={backLink}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        <TextField
          label={t('fields.email')}
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" className="btn--block" loading={request.isPending}>
            {t('auth.forgot.submit')}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
