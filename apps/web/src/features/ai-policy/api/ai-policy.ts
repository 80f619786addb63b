import { aiPolicySchema, type AiPolicy } from '@freiraum/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const aiPolicyQueryKey = ['organization', 'ai-policy'] as const;

export const getAiPolicy = () => api.get('/api/organization/ai-policy', aiPolicySchema);
export const aiPolicyQueryOptions = () => queryOptions({ queryKey: aiPolicyQueryKey, queryFn: getAiPolicy });
export const useAiPolicy = () => useQuery(aiPolicyQueryOptions());

export const saveAiPolicy = (policy: AiPolicy) => api.put('/api/organization/ai-policy', policy, aiPolicySchema);

export function useSaveAiPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveAiPolicy,
    onSuccess: (policy) => {
      queryClient.setQueryData(aiPolicyQueryKey, policy);
      // Settings embed the policy too.
      return queryClient.invalidateQueries({ queryKey: ['organization', 'settings'] });
    },
  });
}
