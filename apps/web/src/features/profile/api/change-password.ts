import type { ChangePasswordRequest } from '@freiraum/contracts';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const changePassword = (body: ChangePasswordRequest) => api.post('/api/me/password', body);

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
