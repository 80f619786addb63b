import { setPasswordWithTokenSchema } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { Button } from '../../../components/ui/button';
import { FormAlert } from '../../../components/ui/form-alert';
import { NewPasswordFields } from '../../../components/ui/new-password-fields';
import { LoadingState } from '../../../components/ui/states';
import { ApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useSetPasswordWithToken } from '../api/set-password';
import { useTokenInfo } from '../api/token-info';

/** `/welcome?token=` (invitation) and `/reset-password?token=` (reset): both set a password via a one-time link. */
export function SetPasswordRoute({ purpose }: { purpose: 'invite' | 'reset' }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const info = useTokenInfo(token);
  const setPassword = useSetPasswordWithToken();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [password, setPasswordValue] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The token knows best what it is for (an admin's new link for someone without a password is an invitation).
  const copy = (info.data?.purpose ?? purpose) === 'invite' ? 'auth.welcome' : 'auth.reset';

  const invalidLink = (
    <AuthLayout title={t('auth.link.invalidTitle')} footer={<Link to="/sign-in">{t('auth.backToSignIn')}</Link>}>
      <p className="muted">{t('auth.link.invalidText')}</p>
      <p className="small mt-4">
        <Link to="/forgot-password">{t('auth.link.requestNew')}</Link>
      </p>
    </AuthLayout>
  );

  if (!token) return invalidLink;
  if (info.isPending) {
    return (
      <AuthLayout title={t('auth.link.checking')}>
        <LoadingState />
      </AuthLayout>
    );
  }
  if (info.isError) {
    if (info.error instanceof ApiError && (info.error.status === 404 || info.error.status === 400)) return invalidLink;
    return (
      <AuthLayout title={t(`${copy}.title`)}>
        <FormAlert>{errorMessage(info.error, t)}</FormAlert>
      </AuthLayout>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = setPasswordWithTokenSchema.safeParse({ token, newPassword: password }, FORM_PARSE);
    const next: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error, t);
    if (!next.newPassword && password !== confirm) next.confirmPassword = t('validation.passwordsDiffer');
    setErrors(next);
    if (!parsed.success || Object.keys(next).length > 0) {
      if (next.token) setFormError(t('auth.link.invalidText'));
      return;
    }
    try {
      const session = await setPassword.mutateAsync(parsed.data);
      signIn(session);
      void navigate('/', { replace: true });
    } catch (error) {
      setErrors(apiFieldErrors(error, t));
      setFormError(
        error instanceof ApiError && (error.status === 404 || error.fieldErrors().token)
          ? t('auth.link.invalidText')
          : errorMessage(error, t),
      );
    }
  }

  const { data } = info;
  return (
    <AuthLayout
      title={t(`${copy}.title`, { name: data.firstName })}
      lead={t(`${copy}.lead`, { name: data.firstName, email: data.email })}
      footer={t('auth.link.expires', { date: formatDateTime(data.expiresAt, i18n.language) })}
    >
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        {/* Lets password managers store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={data.email} readOnly hidden />
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPassword={setPasswordValue}
          onConfirm={setConfirm}
          errors={errors}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" className="btn--block" loading={setPassword.isPending}>
            {t(`${copy}.submit`)}
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
