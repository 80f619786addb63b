import { currentUserSchema, type UpdateProfileRequest } from '@freiraum/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/auth';

export const updateProfile = (body: UpdateProfileRequest) => api.patch('/api/me', body, currentUserSchema);

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}
