import type { Role } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { EmptyState } from '../../components/ui/states';
import { PageHeader } from '../../components/ui/page-header';
import { useCurrentUser } from '../../lib/auth';
import { canSee } from '../navigation';

/** Pages for some roles only. The API enforces access anyway; this spares people a page of errors. */
export function RequireRoles({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (canSee(user.roles, roles)) return <Outlet />;
  return (
    <>
      <PageHeader title={t('errors.forbiddenTitle')} />
      <EmptyState title={t('errors.forbiddenText')} action={<Link to="/">{t('errors.backHome')}</Link>} />
    </>
  );
}
