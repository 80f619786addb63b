import type { Notification } from '@freiraum/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { describeNotification } from './describe-notification';

interface NotificationListProps {
  items: Notification[];
  /** Shows a "mark as read" button on unread items when given. */
  onMarkRead?: (id: string) => void;
  pendingId?: string | null;
}

export function NotificationList({ items, onMarkRead, pendingId }: NotificationListProps) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="item-list">
      {items.map((n) => {
        const { title, text } = describeNotification(n, t);
        const unread = n.readAt === null;
        return (
          <li key={n.id} className={`notification${unread ? ' notification--unread' : ''}`}>
            <span className="notification__dot" aria-hidden="true" />
            <div className="notification__body">
              <p className="notification__title">
                {unread && <span className="visually-hidden">{t('notifications.unreadPrefix')} </span>}
                {title}
              </p>
              {text && <p className="notification__text">{text}</p>}
              <p className="notification__time">
                <time dateTime={n.createdAt} title={formatDateTime(n.createdAt, i18n.language)}>
                  {formatRelative(n.createdAt, i18n.language)}
                </time>
              </p>
            </div>
            {unread && onMarkRead && (
              <Button size="sm" variant="ghost" loading={pendingId === n.id} onClick={() => onMarkRead(n.id)}>
                {t('notifications.markRead')}
                <span className="visually-hidden">: {title}</span>
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
