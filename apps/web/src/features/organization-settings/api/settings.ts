import {
  organizationSettingsSchema,
  trackSchema,
  type Track,
  type UpdateOrganizationSettings,
  type UpdateTrack,
} from '@freiraum/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { tracksQueryOptions } from '../../../lib/reference-data';

export const settingsQueryKey = ['organization', 'settings'] as const;

export const getSettings = () => api.get('/api/organization/settings', organizationSettingsSchema);
export const settingsQueryOptions = () => queryOptions({ queryKey: settingsQueryKey, queryFn: getSettings });
export const useSettings = () => useQuery(settingsQueryOptions());

export const updateSettings = (body: UpdateOrganizationSettings) =>
  api.patch('/api/organization/settings', body, organizationSettingsSchema);

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsQueryKey, settings);
      // The organisation's name and default language also show up in the signed-in user's data.
      return queryClient.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export const updateTrack = ({ id, body }: { id: string; body: UpdateTrack }) =>
  api.patch(`/api/tracks/${encodeURIComponent(id)}`, body, trackSchema);

export function useUpdateTrack() {
  const queryClient = useQueryClient();
  const key = tracksQueryOptions().queryKey;
  return useMutation({
    mutationFn: updateTrack,
    onSuccess: (track) =>
      queryClient.setQueryData<Track[]>(key, (all) => all?.map((t) => (t.id === track.id ? track : t))),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
