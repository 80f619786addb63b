import { auditListSchema, userSummarySchema, type AuditQuery } from '@freiraum/contracts';
import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getAuditLog = (query: AuditQuery) => api.get('/api/audit', auditListSchema, query);

export const auditQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['audit', 'list', query],
    queryFn: () => getAuditLog(query),
    placeholderData: keepPreviousData,
  });

export const useAuditLog = (query: AuditQuery) => useQuery(auditQueryOptions(query));

// The log stores ids only (PRODUCT.md §6); for the admin reading it, show the person's current name.
const getPersonName = (id: string) =>
  api.get(`/api/users/${encodeURIComponent(id)}`, userSummarySchema).then((u) => `${u.firstName} ${u.lastName}`);

export function usePersonNames(ids: string[]): Map<string, string> {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['audit', 'person', id],
      queryFn: () => getPersonName(id),
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((result, i) => {
    if (result.data) names.set(ids[i], result.data);
  });
  return names;
}
