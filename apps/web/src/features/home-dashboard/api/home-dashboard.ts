import { homeDashboardSchema } from '@freiraum/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const homeDashboardKeys = { me: ['dashboards', 'me'] as const };

export const getHomeDashboard = () => api.get('/api/dashboards/me', homeDashboardSchema);

// A summary of what other pages change: always refetched when the home page opens.
export const useHomeDashboard = () =>
  useQuery({ queryKey: homeDashboardKeys.me, queryFn: getHomeDashboard, staleTime: 0 });
