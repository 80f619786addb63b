import type { Notification } from '@freiraum/contracts';
import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** A bilingual content title ({de, en}) stored in the data, in the reader's language. */
const bilingual = (value: unknown): string | null => {
  if (!value || typeof value !== 'object') return str(value);
  const text = value as Record<string, unknown>;
  return str(text[currentLanguage()]) ?? str(text.de);
};
/** A calendar day (YYYY-MM-DD) as the reader writes dates. */
const day = (value: unknown): string | null => {
  const d = str(value);
  return d ? formatDate(/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T12:00:00` : d, currentLanguage()) : null;
};
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
    case 'review_requested': {
      const exercise = bilingual(data.exerciseTitle);
      return {
        title: t('notifications.types.review_requested.title'),
        text: exercise ? t('notifications.types.review_requested.text', { exercise }) : null,
      };
    }
    case 'review_result':
      return data.decision === 'accept'
        ? {
            title: t('notifications.types.review_result.acceptedTitle'),
            text: t('notifications.types.review_result.acceptedText'),
          }
        : {
            title: t('notifications.types.review_result.reviseTitle'),
            text: t('notifications.types.review_result.reviseText'),
          };
    case 'reviews_transferred': {
      const count = num(data.count);
      return {
        title: t('notifications.types.reviews_transferred.title'),
        text: count ? t('notifications.types.reviews_transferred.text', { count }) : null,
      };
    }
    case 'flag_raised': {
      const tool = str(data.toolName);
      const dataClass = str(data.dataClass);
      return {
        title: t('notifications.types.flag_raised.title'),
        text:
          tool && dataClass
            ? t('notifications.types.flag_raised.text', {
                tool,
                dataClass: t(`dataClasses.${dataClass}.label`, { defaultValue: dataClass }),
              })
            : null,
      };
    }
    case 'flag_decided':
      return data.decision === 'cleared'
        ? {
            title: t('notifications.types.flag_decided.clearedTitle'),
            text: t('notifications.types.flag_decided.clearedText'),
          }
        : {
            title: t('notifications.types.flag_decided.confirmedTitle'),
            text: t('notifications.types.flag_decided.confirmedText'),
          };
    case 'path_assigned': {
      const path = bilingual(data.pathTitle);
      const date = day(data.dueDate);
      return {
        title: t('notifications.types.path_assigned.title'),
        text: path
          ? date
            ? t('notifications.types.path_assigned.textDue', { path, date })
            : t('notifications.types.path_assigned.text', { path })
          : null,
      };
    }
    case 'assignment_due':
    case 'assignment_overdue': {
      const path = bilingual(data.pathTitle);
      const date = day(data.dueDate);
      return {
        title: t(`notifications.types.${n.type}.title`),
        text: path && date ? t(`notifications.types.${n.type}.text`, { path, date }) : null,
      };
    }
    // Journal (issue 4): the texts live under the journal's keys; data carries ids only.
    case 'kudos_received':
      return {
        title: t('journal.notifications.kudos_received.title'),
        text: t('journal.notifications.kudos_received.text'),
      };
    case 'use_case_promoted': {
      const title = str(data.title);
      return {
        title: t('journal.notifications.use_case_promoted.title'),
        text: title
          ? t('journal.notifications.use_case_promoted.textTitle', { title })
          : t('journal.notifications.use_case_promoted.text'),
      };
    }
    // Freiraum time (issue 4): the texts live under the freiraum keys; data carries ids, the day and the hours.
    case 'freiraum_request_to_decide':
    case 'freiraum_request_decided':
    case 'freiraum_request_escalated':
    case 'freiraum_request_cancelled':
      return describeFreiraum(n.type, data, t);
    case 'freiraum_delegation_received': {
      const from = day(data.startsOn);
      const to = day(data.endsOn);
      return {
        title: t('freiraum.notifications.delegationReceived.title'),
        text: from && to ? t('freiraum.notifications.delegationReceived.text', { from, to }) : null,
      };
    }
    default:
      return { title: t('notifications.types.generic.title'), text: null };
  }
}

function describeFreiraum(
  type: string,
  data: Record<string, unknown>,
  t: TFunction,
): { title: string; text: string | null } {
  const date = day(data.slotDate);
  const count = num(data.hours);
  const hours = count === null ? null : t('freiraum.hours', { count, hours: formatNumber(count, currentLanguage()) });
  const name = str(data.requesterName) ?? str(data.userName);
  const known = date !== null && hours !== null;
  switch (type) {
    case 'freiraum_request_to_decide':
      return {
        title: t('freiraum.notifications.toDecide.title'),
        text: !known
          ? null
          : name
            ? t('freiraum.notifications.toDecide.text', { name, date, hours })
            : t('freiraum.notifications.toDecide.textNoName', { date, hours }),
      };
    case 'freiraum_request_decided': {
      const approved = data.decision === 'approved';
      return {
        title: approved
          ? t('freiraum.notifications.decided.approvedTitle')
          : t('freiraum.notifications.decided.rejectedTitle'),
        text: !known
          ? null
          : approved
            ? t('freiraum.notifications.decided.approvedText', { date, hours })
            : t('freiraum.notifications.decided.rejectedText', { date, hours }),
      };
    }
    case 'freiraum_request_escalated':
      return {
        title: t('freiraum.notifications.escalated.title'),
        text: known ? t('freiraum.notifications.escalated.text', { date, hours }) : null,
      };
    default:
      return {
        title: t('freiraum.notifications.cancelled.title'),
        text: !known
          ? null
          : name
            ? t('freiraum.notifications.cancelled.text', { name, date, hours })
            : t('freiraum.notifications.cancelled.textNoName', { date, hours }),
      };
  }
}
