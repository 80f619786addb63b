import { flagListSchema, flagSchema, type FlagDecision } from '@freiraum/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type FlagFilter = 'open' | 'cleared' | 'confirmed' | 'all';

export const flagKeys = {
  all: ['governance', 'flags'] as const,
  toDecide: (status: FlagFilter) => [...flagKeys.all, 'to_decide', status] as const,
};

export const getFlagsToDecide = (status: FlagFilter) =>
  api.get('/api/governance/flags', flagListSchema, {
    scope: 'to_decide',
    status: status === 'all' ? undefined : status,
  });
export const flagsQueryOptions = (status: FlagFilter) =>
  queryOptions({ queryKey: flagKeys.toDecide(status), queryFn: () => getFlagsToDecide(status) });
export const useFlags = (status: FlagFilter) => useQuery(flagsQueryOptions(status));

export const decideFlag = ({ id, body }: { id: string; body: FlagDecision }) =>
  api.post(`/api/governance/flags/${encodeURIComponent(id)}/decision`, body, flagSchema);

export function useDecideFlag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideFlag,
    // Review cards show the flag's state too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: flagKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['reviews'] }),
      ]),
  });
}
