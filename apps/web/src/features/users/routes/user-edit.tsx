import type { UpdateUser } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Badge } from '../../../components/ui/badge';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { useCurrentUser } from '../../../lib/auth';
import { formatDate } from '../../../lib/format';
import { useUpdateUser, useUser } from '../api/users';
import { AccountStatusCard } from '../components/account-status-card';
import { EraseUserCard } from '../components/erase-user-card';
import { ResetLinkCard } from '../components/reset-link-card';
import { UserForm, userFormFrom } from '../components/user-form';

export function UserEditRoute() {
  const { t, i18n } = useTranslation();
  const { userId = '' } = useParams();
  const me = useCurrentUser();
  const toast = useToast();
  const query = useUser(userId);
  const update = useUpdateUser();

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('users.editTitle')} actions={<Link to="/admin/users">{t('users.backToList')}</Link>} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const user = query.data;

  // Erased (PRODUCT.md §6): the row only keeps the figures right; nothing about it can be edited.
  if (user.erasedAt) {
    return (
      <>
        <PageHeader
          title={t('users.erase.erasedName')}
          description={
            <>
              <Badge tone="danger">{t('users.status.inactive')}</Badge> <Badge>{t('users.erase.erasedBadge')}</Badge>
            </>
          }
          actions={<Link to="/admin/users">{t('users.backToList')}</Link>}
        />
        <Card title={t('users.erase.erasedTitle')}>
          <p>{t('users.erase.erasedText', { date: formatDate(user.erasedAt, i18n.language) })}</p>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={`${user.firstName} ${user.lastName}`}
        description={
          <>
            {user.email} · {t('users.since', { date: formatDate(user.createdAt, i18n.language) })}{' '}
            {!user.active && <Badge tone="danger">{t('users.status.inactive')}</Badge>}
            {user.active && !user.hasPassword && <Badge tone="warning">{t('users.status.invited')}</Badge>}
          </>
        }
        actions={<Link to="/admin/users">{t('users.backToList')}</Link>}
      />
      <div className="grid-2 grid-2--wide-left">
        <Card title={t('users.editTitle')}>
          <UserForm
            // Re-initialise the form when the saved user comes back from the server.
            key={`${user.id}-${user.roles.join()}-${user.managerId}-${user.departmentId}-${user.trackSlug}-${user.email}`}
            mode="edit"
            userId={user.id}
            initial={userFormFrom(user)}
            submitLabel={t('common.save')}
            pending={update.isPending}
            onSubmit={async (body) => {
              await update.mutateAsync({ id: user.id, body: body as UpdateUser });
              toast(t('users.saved'));
            }}
          />
        </Card>
        <div className="stack">
          <AccountStatusCard user={user} isSelf={user.id === me.id} />
          {user.active && <ResetLinkCard user={user} />}
          <EraseUserCard user={user} isSelf={user.id === me.id} />
        </div>
      </div>
    </>
  );
}
