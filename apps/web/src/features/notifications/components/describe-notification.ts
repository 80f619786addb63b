import type { Notification } from '@freiraum/contracts';
import type { TFunction } from 'i18next';

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * The API stores a type plus ids/short values; the reader's language turns them into a sentence.
 * Unknown types (added by later features before the SPA learns them) still get a neutral title.
 */
export function describeNotification(n: Notification, t: TFunction): { title: string; text: string | null } {
  const roleNames = (roles: string[]) => roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ');
  const data = n.data;
  switch (n.type) {
    case 'welcome':
      return { title: t('notifications.types.welcome.title'), text: t('notifications.types.welcome.text') };
    case 'invitation':
      return { title: t('notifications.types.invitation.title'), text: t('notifications.types.invitation.text') };
    case 'password_reset':
      return {
        title: t('notifications.types.password_reset.title'),
        text: t('notifications.types.password_reset.text'),
      };
    case 'role_changed': {
      const roles = list(data.roles);
      const added = list(data.added);
      const removed = list(data.removed);
      const parts: string[] = [];
      if (added.length) parts.push(t('notifications.types.role_changed.added', { roles: roleNames(added) }));
      if (removed.length) parts.push(t('notifications.types.role_changed.removed', { roles: roleNames(removed) }));
      if (!parts.length && roles.length)
        parts.push(t('notifications.types.role_changed.now', { roles: roleNames(roles) }));
      return { title: t('notifications.types.role_changed.title'), text: parts.join(' ') || null };
    }
    case 'manager_changed': {
      const name = str(data.managerName) ?? str(data.newManagerName);
      const hasManager = name !== null || str(data.managerId) !== null || str(data.newManagerId) !== null;
      return {
        title: t('notifications.types.manager_changed.title'),
        text: name
          ? t('notifications.types.manager_changed.text', { name })
          : hasManager
            ? null
            : t('notifications.types.manager_changed.none'),
      };
    }
    case 'reports_transferred': {
      const count = num(data.count) ?? list(data.userIds).length ?? 0;
      const from = str(data.fromName) ?? str(data.previousManagerName);
      return {
        title: t('notifications.types.reports_transferred.title'),
        text: count
          ? from
            ? t('notifications.types.reports_transferred.textFrom', { count, name: from })
            : t('notifications.types.reports_transferred.text', { count })
          : null,
      };
    }
    default:
      return { title: t('notifications.types.generic.title'), text: null };
  }
}
