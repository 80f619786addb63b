import {
  bulkDecisionResultSchema,
  delegationListSchema,
  delegationSchema,
  freiraumPolicySchema,
  freiraumRequestSchema,
  inboxSchema,
  myFreiraumSchema,
  pathListSchema,
  pathOverviewSchema,
  requestListSchema,
  teamFreiraumSchema,
  teamMemberSchema,
  useCaseListSchema,
  userListSchema,
  type BulkDecision,
  type CreateDelegation,
  type CreateFreiraumRequest,
  type FreiraumDecision,
  type SetAllocation,
  type UpdateFreiraumPolicy,
} from '@freiraum/contracts';
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { z } from 'zod';
import { api, apiRequest, ApiError, getAccessToken, refreshSession } from '../../../lib/api-client';

const enc = encodeURIComponent;

export const freiraumKeys = {
  all: ['freiraum'] as const,
  me: (period: string | null) => [...freiraumKeys.all, 'me', period ?? 'current'] as const,
  requests: (period: string) => [...freiraumKeys.all, 'requests', period] as const,
  inbox: () => [...freiraumKeys.all, 'inbox'] as const,
  team: (period: string | null) => [...freiraumKeys.all, 'team', period ?? 'current'] as const,
  delegations: () => [...freiraumKeys.all, 'delegations'] as const,
  policy: () => [...freiraumKeys.all, 'policy'] as const,
};

const idempotent = (key: string) => ({ 'Idempotency-Key': key });

// ---------- Own balance and requests ----------

export const getMyFreiraum = (period: string | null) =>
  api.get('/api/freiraum/me', myFreiraumSchema, { period: period ?? undefined });
export const myFreiraumQueryOptions = (period: string | null) =>
  queryOptions({
    queryKey: freiraumKeys.me(period),
    queryFn: () => getMyFreiraum(period),
    placeholderData: keepPreviousData,
  });
export const useMyFreiraum = (period: string | null) => useQuery(myFreiraumQueryOptions(period));

export const getMyRequests = (period: string) => api.get('/api/freiraum/requests', requestListSchema, { period });
export const useMyRequests = (period: string | undefined) =>
  useQuery({
    queryKey: freiraumKeys.requests(period ?? ''),
    queryFn: () => getMyRequests(period ?? ''),
    enabled: !!period,
  });

export const createRequest = ({ body, key }: { body: CreateFreiraumRequest; key: string }) =>
  apiRequest('/api/freiraum/requests', {
    method: 'POST',
    body,
    schema: freiraumRequestSchema,
    headers: idempotent(key),
  });

export const cancelRequest = ({ id, key }: { id: string; key: string }) =>
  apiRequest(`/api/freiraum/requests/${enc(id)}/cancel`, {
    method: 'POST',
    schema: freiraumRequestSchema,
    headers: idempotent(key),
  });

// Any change to a request moves balances, lists, the inbox and the team table: refresh all of Freiraum.
function useInvalidateFreiraum() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: freiraumKeys.all });
}

export function useCreateRequest() {
  const invalidate = useInvalidateFreiraum();
  return useMutation({ mutationFn: createRequest, onSuccess: () => invalidate() });
}

export function useCancelRequest() {
  const invalidate = useInvalidateFreiraum();
  return useMutation({ mutationFn: cancelRequest, onSuccess: () => invalidate() });
}

async function fetchCalendar(id: string): Promise<Response> {
  const token = getAccessToken();
  return fetch(`/api/freiraum/requests/${enc(id)}/calendar.ics`, {
    headers: { accept: 'text/calendar', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    credentials: 'same-origin',
  });
}

/**
 * The ICS file needs the bearer token, which a plain link cannot send: fetch it (refreshing the session once
 * on 401, like every API call) and hand the browser a Blob to save.
 */
export async function downloadCalendar({ id, slotDate }: { id: string; slotDate: string }): Promise<void> {
  let res = await fetchCalendar(id).catch(() => null);
  if (res?.status === 401 && (await refreshSession())) res = await fetchCalendar(id).catch(() => null);
  if (!res) throw new ApiError(0, { message: 'Network error', code: 'network_error' });
  if (!res.ok) throw new ApiError(res.status, null);
  const blob = new Blob([await res.blob()], { type: 'text/calendar' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `freiraum-${slotDate}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useDownloadCalendar = () => useMutation({ mutationFn: downloadCalendar });

// ---------- What a request can be for ----------

// The learner's paths (own track and assigned; everything open when there is neither) with their modules.
// Same query keys as the learning pages, so the cache is shared.
export function useLearningModules(enabled: boolean) {
  const paths = useQuery({
    queryKey: ['learning', 'paths'] as const,
    queryFn: () => api.get('/api/learning/paths', pathListSchema),
    enabled,
  });
  const all = paths.data?.items ?? [];
  const mine = all.filter((p) => p.isOwnTrack || p.assigned);
  const chosen = mine.length > 0 ? mine : all;
  const overviews = useQueries({
    queries: chosen.map((p) => ({
      queryKey: ['learning', 'path', p.slug] as const,
      queryFn: () => api.get(`/api/learning/paths/${enc(p.slug)}`, pathOverviewSchema),
      enabled,
    })),
  });
  return {
    isPending: enabled && (paths.isPending || overviews.some((o) => o.isPending)),
    isError: paths.isError || overviews.some((o) => o.isError),
    paths: overviews.flatMap((o) => (o.data ? [o.data] : [])),
  };
}

const USE_CASE_CHOICES = 200;
export const useUseCaseChoices = (enabled: boolean) =>
  useQuery({
    queryKey: ['use-cases', 'list', { limit: USE_CASE_CHOICES }] as const,
    queryFn: () => api.get('/api/use-cases', useCaseListSchema, { limit: USE_CASE_CHOICES }),
    enabled,
  });

// ---------- Deciding ----------

export const getInbox = () => api.get('/api/freiraum/inbox', inboxSchema);
export const inboxQueryOptions = () => queryOptions({ queryKey: freiraumKeys.inbox(), queryFn: getInbox });
export const useInbox = () => useQuery(inboxQueryOptions());

export const decideRequest = ({ id, body, key }: { id: string; body: FreiraumDecision; key: string }) =>
  apiRequest(`/api/freiraum/requests/${enc(id)}/decision`, {
    method: 'POST',
    body,
    schema: freiraumRequestSchema,
    headers: idempotent(key),
  });

export const decideBulk = ({ body, key }: { body: BulkDecision; key: string }) =>
  apiRequest('/api/freiraum/requests/decisions', {
    method: 'POST',
    body,
    schema: bulkDecisionResultSchema,
    headers: idempotent(key),
  });

export function useDecideRequest() {
  const invalidate = useInvalidateFreiraum();
  return useMutation({ mutationFn: decideRequest, onSuccess: () => invalidate() });
}

export function useDecideBulk() {
  const invalidate = useInvalidateFreiraum();
  return useMutation({ mutationFn: decideBulk, onSuccess: () => invalidate() });
}

// ---------- Team (manager) ----------

export const getTeam = (period: string | null) =>
  api.get('/api/freiraum/team', teamFreiraumSchema, { period: period ?? undefined });
export const useTeam = (period: string | null) =>
  useQuery({ queryKey: freiraumKeys.team(period), queryFn: () => getTeam(period), placeholderData: keepPreviousData });

export const setAllocation = ({ userId, body }: { userId: string; body: SetAllocation }) =>
  api.put(`/api/freiraum/team/${enc(userId)}/allocation`, body, teamMemberSchema);

export function useSetAllocation() {
  const invalidate = useInvalidateFreiraum();
  return useMutation({ mutationFn: setAllocation, onSuccess: () => invalidate() });
}

export const getDelegations = () => api.get('/api/freiraum/delegations', delegationListSchema);
export const useDelegations = () => useQuery({ queryKey: freiraumKeys.delegations(), queryFn: getDelegations });

export const createDelegation = (body: CreateDelegation) =>
  api.post('/api/freiraum/delegations', body, delegationSchema);
export const deleteDelegation = (id: string) =>
  apiRequest(`/api/freiraum/delegations/${enc(id)}`, { method: 'DELETE', schema: z.object({ ok: z.boolean() }) });

export function useCreateDelegation() {
  const invalidate = useInvalidateFreiraum();
  return useMutation({ mutationFn: createDelegation, onSuccess: () => invalidate() });
}

export function useDeleteDelegation() {
  const invalidate = useInvalidateFreiraum();
  return useMutation({ mutationFn: deleteDelegation, onSuccess: () => invalidate() });
}

// HR and admins may list everyone (GET /api/users is theirs only); managers pick from the people they know.
const PEOPLE_CHOICES = 200;
export const useAllActivePeople = (enabled: boolean) =>
  useQuery({
    queryKey: ['users', 'list', { active: 'true', limit: PEOPLE_CHOICES }] as const,
    queryFn: () => api.get('/api/users', userListSchema, { active: 'true', limit: PEOPLE_CHOICES }),
    enabled,
  });

// ---------- Policy (admin) ----------

export const getPolicy = () => api.get('/api/freiraum/policy', freiraumPolicySchema);
export const usePolicy = () => useQuery({ queryKey: freiraumKeys.policy(), queryFn: getPolicy });

export const updatePolicy = (body: UpdateFreiraumPolicy) => api.put('/api/freiraum/policy', body, freiraumPolicySchema);

export function useUpdatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePolicy,
    onSuccess: (policy) => {
      queryClient.setQueryData(freiraumKeys.policy(), policy);
      // Balances and team tables carry the policy and the default hours.
      return queryClient.invalidateQueries({ queryKey: freiraumKeys.all });
    },
  });
}
