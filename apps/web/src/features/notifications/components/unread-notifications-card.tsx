import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useNotifications } from '../api/notifications';
import { NotificationList } from './notification-list';

const SHOWN = 5;

/** The newest unread notifications, for the home page. */
export function UnreadNotificationsCard() {
  const { t } = useTranslation();
  const query = useNotifications();
  const unread = query.data?.items.filter((n) => n.readAt === null) ?? [];
  return (
    <Card
      className="card--flush"
      title={t('home.unreadTitle')}
      description={query.data ? t('home.unreadCount', { count: query.data.unread }) : undefined}
      actions={<Link to="/notifications">{t('home.allNotifications')}</Link>}
    >
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : unread.length === 0 ? (
        <EmptyState title={t('home.noUnreadTitle')}>{t('home.noUnreadText')}</EmptyState>
      ) : (
        <NotificationList items={unread.slice(0, SHOWN)} />
      )}
    </Card>
  );
}
