import { loginResponseSchema, type SetPasswordWithToken } from '@freiraum/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function setPasswordWithToken(body: SetPasswordWithToken) {
  return apiRequest('/api/auth/password/set', { method: 'POST', body, schema: loginResponseSchema, noRefresh: true });
}

export const useSetPasswordWithToken = () => useMutation({ mutationFn: setPasswordWithToken });
