import type { UserSummary } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { CopyField } from '../../../components/ui/copy-field';
import { FormAlert } from '../../../components/ui/form-alert';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useCreateResetLink } from '../api/users';

/** Without SMTP an admin hands a one-time link over in person; the link works once. */
export function ResetLinkCard({ user }: { user: UserSummary }) {
  const { t, i18n } = useTranslation();
  const link = useCreateResetLink();
  const title = user.hasPassword ? t('users.resetLink.title') : t('users.resetLink.inviteTitle');
  return (
    <Card
      title={title}
      description={user.hasPassword ? t('users.resetLink.description') : t('users.resetLink.inviteDescription')}
    >
      <div className="form">
        <FormAlert>{link.isError ? errorMessage(link.error, t) : null}</FormAlert>
        {link.data ? (
          <CopyField
            label={t('users.resetLink.linkLabel')}
            value={link.data.url}
            hint={t('users.resetLink.expires', { date: formatDateTime(link.data.expiresAt, i18n.language) })}
          />
        ) : (
          <div>
            <Button loading={link.isPending} onClick={() => link.mutate(user.id)}>
              {t('users.resetLink.create')}
            </Button>
          </div>
        )}
      </div>
    </Card>
  );
}
