import { teamDashboardSchema } from '@freiraum/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const teamDashboardKeys = { team: ['dashboards', 'team'] as const };

export const getTeamDashboard = () => api.get('/api/dashboards/team', teamDashboardSchema);

// A summary of what the approval, review and flag pages change: refetched whenever the page opens.
export const useTeamDashboard = (enabled: boolean) =>
  useQuery({ queryKey: teamDashboardKeys.team, queryFn: getTeamDashboard, staleTime: 0, enabled });
