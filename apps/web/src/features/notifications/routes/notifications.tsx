import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Card } from '../../../components/ui/card';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/form-errors';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications';
import { NotificationList } from '../components/notification-list';

export function NotificationsRoute() {
  const { t } = useTranslation();
  const toast = useToast();
  const query = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = query.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <Button
            variant="secondary"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: () => toast(t('notifications.allMarked')),
                onError: (error) => toast(errorMessage(error, t), 'error'),
              })
            }
          >
            {t('notifications.markAll')}
          </Button>
        }
      />
      <Card
        className="card--flush"
        title={t('notifications.listTitle')}
        description={query.data ? t('home.unreadCount', { count: unread }) : undefined}
      >
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : query.data.items.length === 0 ? (
          <EmptyState title={t('notifications.emptyTitle')}>{t('notifications.emptyText')}</EmptyState>
        ) : (
          <NotificationList
            items={query.data.items}
            pendingId={markRead.isPending ? markRead.variables : null}
            onMarkRead={(id) => markRead.mutate(id, { onError: (error) => toast(errorMessage(error, t), 'error') })}
          />
        )}
      </Card>
    </>
  );
}
