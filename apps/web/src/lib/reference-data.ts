import { departmentListSchema, trackListSchema, type Track } from '@freiraum/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './api-client';

// Tracks and departments are organisation data several features show; they change rarely.
export const tracksQueryOptions = () =>
  queryOptions({
    queryKey: ['tracks'],
    queryFn: () => api.get('/api/tracks', trackListSchema),
    staleTime: 5 * 60_000,
  });

export const departmentsQueryOptions = () =>
  queryOptions({
    queryKey: ['departments'],
    queryFn: () => api.get('/api/departments', departmentListSchema),
    staleTime: 5 * 60_000,
  });

export const useTracks = () => useQuery(tracksQueryOptions());
export const useDepartments = () => useQuery(departmentsQueryOptions());

export function trackName(track: Pick<Track, 'nameDe' | 'nameEn'>, language: string): string {
  return language === 'en' ? track.nameEn : track.nameDe;
}

/** The display name of a track slug, or the slug itself while tracks are loading or unknown. */
export function trackLabel(slug: string | null, tracks: Track[] | undefined, language: string): string | null {
  if (!slug) return null;
  const track = tracks?.find((t) => t.slug === slug);
  return track ? trackName(track, language) : slug;
}
