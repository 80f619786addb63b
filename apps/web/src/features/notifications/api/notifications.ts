import { notificationListSchema, unreadCountSchema } from '@freiraum/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../../lib/api-client';

export const notificationKeys = {
  all: ['notifications'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
};

export const getNotifications = () => api.get('/api/notifications', notificationListSchema);
export const getUnreadCount = () => api.get('/api/notifications/unread-count', unreadCountSchema);

export const notificationsQueryOptions = () =>
  queryOptions({ queryKey: notificationKeys.list(), queryFn: getNotifications });

/** The shell's badge: polled every minute while the tab is visible (and refreshed on focus). */
export const UNREAD_POLL_MS = 60_000;
export const unreadCountQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.unreadCount(),
    queryFn: getUnreadCount,
    refetchInterval: UNREAD_POLL_MS,
    staleTime: 0,
  });

export const useNotifications = () => useQuery(notificationsQueryOptions());
export const useUnreadCount = () => useQuery(unreadCountQueryOptions());

export const markNotificationRead = (id: string) =>
  apiRequest(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
export const markAllNotificationsRead = () => apiRequest('/api/notifications/read-all', { method: 'POST' });

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
