import { tokenInfoSchema } from '@freiraum/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function getTokenInfo(token: string) {
  return apiRequest(`/api/auth/tokens/${encodeURIComponent(token)}`, { schema: tokenInfoSchema, noRefresh: true });
}

export const tokenInfoQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['auth', 'token', token],
    queryFn: () => getTokenInfo(token),
    staleTime: Infinity,
    retry: false,
  });

export const useTokenInfo = (token: string) => useQuery({ ...tokenInfoQueryOptions(token), enabled: token.length > 0 });
