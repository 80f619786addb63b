import {
  aiPolicySchema,
  attemptResultSchema,
  flagListSchema,
  moduleDetailSchema,
  pathListSchema,
  pathOverviewSchema,
  type SubmitAttempt,
} from '@freiraum/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../../lib/api-client';

export const learningKeys = {
  all: ['learning'] as const,
  paths: () => [...learningKeys.all, 'paths'] as const,
  path: (slug: string) => [...learningKeys.all, 'path', slug] as const,
  module: (slug: string) => [...learningKeys.all, 'module', slug] as const,
};

const enc = encodeURIComponent;

export const getPaths = () => api.get('/api/learning/paths', pathListSchema);
export const getPath = (slug: string) => api.get(`/api/learning/paths/${enc(slug)}`, pathOverviewSchema);
export const getModule = (slug: string) => api.get(`/api/learning/modules/${enc(slug)}`, moduleDetailSchema);

export const pathsQueryOptions = () => queryOptions({ queryKey: learningKeys.paths(), queryFn: getPaths });
export const pathQueryOptions = (slug: string) =>
  queryOptions({ queryKey: learningKeys.path(slug), queryFn: () => getPath(slug) });
export const moduleQueryOptions = (slug: string) =>
  queryOptions({ queryKey: learningKeys.module(slug), queryFn: () => getModule(slug) });

export const usePaths = () => useQuery(pathsQueryOptions());
export const usePath = (slug: string | null) => useQuery({ ...pathQueryOptions(slug ?? ''), enabled: !!slug });
export const useModule = (slug: string) => useQuery(moduleQueryOptions(slug));

export const markLessonRead = (id: string) => apiRequest(`/api/learning/lessons/${enc(id)}/read`, { method: 'POST' });

export function useMarkLessonRead(moduleSlug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markLessonRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: learningKeys.module(moduleSlug) }),
  });
}

export const submitAttempt = ({ exerciseId, body }: { exerciseId: string; body: SubmitAttempt }) =>
  api.post(`/api/learning/exercises/${enc(exerciseId)}/attempts`, body, attemptResultSchema);

export function useSubmitAttempt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitAttempt,
    // An attempt can complete a module, unlock others and move every progress bar: refresh all of learning,
    // and the learner's own flags (a practice submission may raise one).
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: learningKeys.all }),
        queryClient.invalidateQueries({ queryKey: myFlagsKey }),
      ]),
  });
}

// The approved tools for the practice form; the same key as the admin's policy page, so an edit shows here.
export const aiPolicyQueryOptions = () =>
  queryOptions({
    queryKey: ['organization', 'ai-policy'] as const,
    queryFn: () => api.get('/api/organization/ai-policy', aiPolicySchema),
    staleTime: 5 * 60_000,
  });
export const useAiPolicy = () => useQuery(aiPolicyQueryOptions());

// Flags raised on the learner's own submissions, to show their state beside the practice result.
const myFlagsKey = ['governance', 'flags', 'mine'] as const;
export const myFlagsQueryOptions = () =>
  queryOptions({
    queryKey: myFlagsKey,
    queryFn: () => api.get('/api/governance/flags', flagListSchema, { scope: 'mine' }),
  });
export const useMyFlags = (enabled: boolean) => useQuery({ ...myFlagsQueryOptions(), enabled });
