import { aiPolicySchema, attemptSummarySchema, reviewQueueSchema, type ReviewDecision } from '@freiraum/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type ReviewTab = 'submitted' | 'decided';

export const reviewKeys = {
  all: ['reviews'] as const,
  list: (status: ReviewTab) => [...reviewKeys.all, status] as const,
};

export const getReviews = (status: ReviewTab) => api.get('/api/learning/reviews', reviewQueueSchema, { status });
export const reviewsQueryOptions = (status: ReviewTab) =>
  queryOptions({ queryKey: reviewKeys.list(status), queryFn: () => getReviews(status) });
export const useReviews = (status: ReviewTab) => useQuery(reviewsQueryOptions(status));

export const decideReview = ({ attemptId, body }: { attemptId: string; body: ReviewDecision }) =>
  api.post(`/api/learning/reviews/${encodeURIComponent(attemptId)}/decision`, body, attemptSummarySchema);

export function useDecideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideReview,
    // The item moves from "waiting" to "decided".
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

// Tool names for the submitted tool ids (the answer stores the id); shared key with the policy page.
export const useAiPolicy = () =>
  useQuery({
    queryKey: ['organization', 'ai-policy'] as const,
    queryFn: () => api.get('/api/organization/ai-policy', aiPolicySchema),
    staleTime: 5 * 60_000,
  });
