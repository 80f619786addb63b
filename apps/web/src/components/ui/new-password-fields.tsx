import { PASSWORD_MIN_LENGTH } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { TextField } from './field';

/** "New password" and "repeat it", as every form that sets a password shows them. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  errors,
}: {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: { newPassword?: string; confirmPassword?: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('fields.newPassword')}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        required
        hint={t('validation.passwordHint', { count: PASSWORD_MIN_LENGTH })}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={errors.newPassword}
      />
      <TextField
        label={t('fields.confirmPassword')}
        type="password"
        name="confirmPassword"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={errors.confirmPassword}
      />
    </>
  );
}
