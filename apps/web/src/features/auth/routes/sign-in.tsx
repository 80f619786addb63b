import { loginRequestSchema } from '@freiraum/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AuthLayout } from '../../../components/layout/auth-layout';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { FormAlert } from '../../../components/ui/form-alert';
import { ApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { apiFieldErrors, errorMessage, FORM_PARSE, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useLogin } from '../api/login';

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInRoute() {
  const { t } = useTranslation();
  const { status, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  if (status === 'signed-in' && !login.isPending) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = loginRequestSchema.safeParse({ email, password }, FORM_PARSE);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setErrors({});
    try {
      const session = await login.mutateAsync(parsed.data);
      signIn(session);
      void navigate(next, { replace: true });
    } catch (error) {
      setErrors(apiFieldErrors(error, t));
      setFormError(
        error instanceof ApiError && error.status === 401 ? t('auth.signIn.wrongCredentials') : errorMessage(error, t),
      );
    }
  }

  return (
    <AuthLayout title={t('auth.signIn.title')} lead={t('auth.signIn.lead')} footer={t('auth.signIn.noAccount')}>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <FormAlert>{formError}</FormAlert>
        <TextField
          label={t('fields.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <TextField
          label={t('fields.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" className="btn--block" loading={login.isPending}>
            {t('auth.signIn.submit')}
          </Button>
        </div>
        <p className="small">
          <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
        </p>
      </form>
    </AuthLayout>
  );
}
