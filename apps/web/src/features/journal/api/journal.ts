import {
  aiPolicySchema,
  freiraumRequestSchema,
  journalEntrySchema,
  journalListSchema,
  kudosResultSchema,
  useCaseListSchema,
  useCaseSchema,
  type CreateJournalEntry,
  type JournalEntry,
  type Outcome,
  type PromoteEntry,
  type Visibility,
} from '@freiraum/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, apiRequest } from '../../../lib/api-client';

const enc = encodeURIComponent;
type JournalList = z.infer<typeof journalListSchema>;

export type FeedScope = 'all' | 'team';
export interface PageQuery {
  limit: number;
  offset: number;
}
export interface FeedQuery extends PageQuery {
  scope: FeedScope;
  outcome?: Outcome;
}
export interface UseCaseQuery extends PageQuery {
  q?: string;
  trackId?: string;
  departmentId?: string;
  toolId?: string;
}

export const journalKeys = {
  all: ['journal'] as const,
  mineAll: () => [...journalKeys.all, 'mine'] as const,
  mine: (page: PageQuery) => [...journalKeys.mineAll(), page] as const,
  feedAll: () => [...journalKeys.all, 'feed'] as const,
  feed: (query: FeedQuery) => [...journalKeys.feedAll(), query] as const,
  useCasesAll: ['use-cases'] as const,
  useCases: (query: UseCaseQuery) => [...journalKeys.useCasesAll, query] as const,
};

// ---------- Own entries ----------

export const getMyJournal = (page: PageQuery) => api.get('/api/journal', journalListSchema, { ...page });
export const myJournalQueryOptions = (page: PageQuery) =>
  queryOptions({
    queryKey: journalKeys.mine(page),
    queryFn: () => getMyJournal(page),
    placeholderData: keepPreviousData,
  });
export const useMyJournal = (page: PageQuery) => useQuery(myJournalQueryOptions(page));

export const createJournalEntry = ({ body, idempotencyKey }: { body: CreateJournalEntry; idempotencyKey: string }) =>
  apiRequest('/api/journal', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    schema: journalEntrySchema,
  });

export function useCreateJournalEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createJournalEntry,
    // The list, and a linked Freiraum request's "has a journal entry".
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: journalKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['freiraum'] }),
      ]),
  });
}

/** Replaces one entry wherever a cached list holds it (own list, feed pages). */
function patchEntry(
  queryClient: ReturnType<typeof useQueryClient>,
  id: string,
  change: (entry: JournalEntry) => JournalEntry,
) {
  for (const queryKey of [journalKeys.mineAll(), journalKeys.feedAll()]) {
    queryClient.setQueriesData<JournalList>({ queryKey }, (list) =>
      list?.items.some((e) => e.id === id)
        ? { ...list, items: list.items.map((e) => (e.id === id ? change(e) : e)) }
        : list,
    );
  }
}

export const updateVisibility = ({ id, visibility }: { id: string; visibility: Visibility }) =>
  api.patch(`/api/journal/${enc(id)}/visibility`, { visibility }, journalEntrySchema);

export function useUpdateVisibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateVisibility,
    onSuccess: async (entry) => {
      patchEntry(queryClient, entry.id, () => entry);
      await queryClient.invalidateQueries({ queryKey: journalKeys.feedAll() });
    },
  });
}

// ---------- Feed and kudos ----------

export const getFeed = (query: FeedQuery) => api.get('/api/journal/feed', journalListSchema, { ...query });
export const feedQueryOptions = (query: FeedQuery) =>
  queryOptions({ queryKey: journalKeys.feed(query), queryFn: () => getFeed(query), placeholderData: keepPreviousData });
export const useFeed = (query: FeedQuery) => useQuery(feedQueryOptions(query));

export const setKudos = ({ id, give }: { id: string; give: boolean }) =>
  apiRequest(`/api/journal/${enc(id)}/kudos`, { method: give ? 'POST' : 'DELETE', schema: kudosResultSchema });

export function useKudos() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setKudos,
    // The answer carries the new count: no refetch of the whole page needed.
    onSuccess: (result, { id }) => patchEntry(queryClient, id, (e) => ({ ...e, ...result })),
  });
}

// ---------- Use-case library ----------

export const promoteEntry = ({ body, idempotencyKey }: { body: PromoteEntry; idempotencyKey: string }) =>
  apiRequest('/api/use-cases', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    schema: useCaseSchema,
  });

export function usePromoteEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: promoteEntry,
    onSuccess: async (useCase) => {
      patchEntry(queryClient, useCase.entryId, (e) => ({ ...e, useCaseId: useCase.id, canPromote: false }));
      await queryClient.invalidateQueries({ queryKey: journalKeys.useCasesAll });
    },
  });
}

export const getUseCases = (query: UseCaseQuery) => api.get('/api/use-cases', useCaseListSchema, { ...query });
export const useCasesQueryOptions = (query: UseCaseQuery) =>
  queryOptions({
    queryKey: journalKeys.useCases(query),
    queryFn: () => getUseCases(query),
    placeholderData: keepPreviousData,
  });
export const useUseCases = (query: UseCaseQuery) => useQuery(useCasesQueryOptions(query));

// ---------- Organisation data the journal shows ----------

// The tools a journal entry may name; same key as the AI-policy page, so a saved policy shows at once.
export const useAiPolicy = () =>
  useQuery({
    queryKey: ['organization', 'ai-policy'] as const,
    queryFn: () => api.get('/api/organization/ai-policy', aiPolicySchema),
    staleTime: 5 * 60_000,
  });

/** The Freiraum request an entry is written for (`/journal/new?requestId=`), for context above the form. */
export const useFreiraumRequest = (id: string | null) =>
  useQuery({
    // A key of the journal's own: the Freiraum pages cache their request shapes under their own keys.
    queryKey: [...journalKeys.all, 'freiraum-request', id] as const,
    queryFn: () => api.get(`/api/freiraum/requests/${enc(id ?? '')}`, freiraumRequestSchema),
    enabled: id !== null,
    retry: false,
  });
