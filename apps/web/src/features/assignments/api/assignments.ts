import {
  assignmentOverviewSchema,
  assignmentResultSchema,
  pathListSchema,
  userListSchema,
  type CreateAssignments,
} from '@freiraum/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const assignmentKeys = {
  all: ['assignments'] as const,
  overview: () => [...assignmentKeys.all, 'overview'] as const,
};

export const getAssignmentOverview = () => api.get('/api/learning/assignments', assignmentOverviewSchema);
export const assignmentOverviewQueryOptions = () =>
  queryOptions({ queryKey: assignmentKeys.overview(), queryFn: getAssignmentOverview });
export const useAssignmentOverview = () => useQuery(assignmentOverviewQueryOptions());

export const createAssignments = (body: CreateAssignments) =>
  api.post('/api/learning/assignments', body, assignmentResultSchema);

export function useCreateAssignments() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAssignments,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
        // HR learns too: an assignment to themself shows on their own learning page.
        queryClient.invalidateQueries({ queryKey: ['learning'] }),
      ]),
  });
}

// The paths HR can assign: the same list every learner sees.
export const usePathChoices = () =>
  useQuery({ queryKey: ['learning', 'paths'] as const, queryFn: () => api.get('/api/learning/paths', pathListSchema) });

const SEARCH_RESULTS = 8;
export const usePeopleSearch = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: ['users', 'list', { q, active: 'true', limit: SEARCH_RESULTS }] as const,
    queryFn: () => api.get('/api/users', userListSchema, { q: q || undefined, active: 'true', limit: SEARCH_RESULTS }),
    placeholderData: keepPreviousData,
    enabled,
  });
