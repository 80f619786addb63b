import type { PasswordResetRequest } from '@freiraum/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function requestPasswordReset(body: PasswordResetRequest) {
  return apiRequest('/api/auth/password-reset', { method: 'POST', body, noRefresh: true });
}

export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });
