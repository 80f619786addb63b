import { loginResponseSchema, type LoginRequest } from '@freiraum/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export function login(body: LoginRequest) {
  // A 401 here means wrong credentials, not an expired session: never try a refresh.
  return apiRequest('/api/auth/login', { method: 'POST', body, schema: loginResponseSchema, noRefresh: true });
}

export const useLogin = () => useMutation({ mutationFn: login });
