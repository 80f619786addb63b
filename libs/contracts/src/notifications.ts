import { z } from 'zod';
import { uuid } from './common.js';

export const NOTIFICATION_TYPES = [
  /** Demo seed and first sign-in: a greeting with pointers to get started. data: {} */
  'welcome',
  'invitation',
  'password_reset',
  'role_changed',
  'manager_changed',
  'reports_transferred',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const notificationSchema = z.object({
  id: uuid,
  type: z.string(),
  /** Rendered in the reader's language by the SPA from type + data. */
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;
