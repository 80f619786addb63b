import {
  createUserResponseSchema,
  departmentSchema,
  oneTimeLinkSchema,
  userListSchema,
  userSummarySchema,
  type CreateDepartment,
  type CreateUser,
  type DeactivateUser,
  type EraseUser,
  type UpdateUser,
  type UserListQuery,
} from '@freiraum/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { departmentsQueryOptions } from '../../../lib/reference-data';

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => [...userKeys.all, 'list', query] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
};

export const listUsers = (query: UserListQuery) => api.get('/api/users', userListSchema, query);
export const getUser = (id: string) => api.get(`/api/users/${encodeURIComponent(id)}`, userSummarySchema);

export const usersQueryOptions = (query: UserListQuery) =>
  queryOptions({ queryKey: userKeys.list(query), queryFn: () => listUsers(query), placeholderData: keepPreviousData });
export const userQueryOptions = (id: string) =>
  queryOptions({ queryKey: userKeys.detail(id), queryFn: () => getUser(id) });

export const useUsers = (query: UserListQuery, enabled = true) => useQuery({ ...usersQueryOptions(query), enabled });
export const useUser = (id: string) => useQuery(userQueryOptions(id));

// Any change to a person can move counts (reports, department sizes) elsewhere: refresh users and org data.
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['departments'] }),
      queryClient.invalidateQueries({ queryKey: ['tracks'] }),
      queryClient.invalidateQueries({ queryKey: ['me'] }),
    ]);
}

export const createUser = (body: CreateUser) => api.post('/api/users', body, createUserResponseSchema);
export const updateUser = ({ id, body }: { id: string; body: UpdateUser }) =>
  api.patch(`/api/users/${encodeURIComponent(id)}`, body, userSummarySchema);
export const deactivateUser = ({ id, body }: { id: string; body: DeactivateUser }) =>
  api.post(`/api/users/${encodeURIComponent(id)}/deactivate`, body, userSummarySchema);
export const reactivateUser = (id: string) =>
  api.post(`/api/users/${encodeURIComponent(id)}/reactivate`, undefined, userSummarySchema);
export const eraseUser = ({ id, body }: { id: string; body: EraseUser }) =>
  api.post(`/api/users/${encodeURIComponent(id)}/erase`, body, userSummarySchema);
export const createResetLink = (id: string) =>
  api.post(`/api/users/${encodeURIComponent(id)}/reset-link`, undefined, oneTimeLinkSchema);
export const createDepartment = (body: CreateDepartment) => api.post('/api/departments', body, departmentSchema);

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: createUser, onSuccess: () => invalidate() });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return invalidate();
    },
  });
}

export function useDeactivateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: deactivateUser, onSuccess: () => invalidate() });
}

export function useReactivateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: reactivateUser, onSuccess: () => invalidate() });
}

export function useEraseUser() {
  const invalidate = useInvalidateUsers();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseUser,
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return invalidate();
    },
  });
}

export const useCreateResetLink = () => useMutation({ mutationFn: createResetLink });

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDepartment,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentsQueryOptions().queryKey }),
  });
}
