import {
  errorBodySchema,
  hrDashboardSchema,
  type HR_CSV_TABLES,
  type HrDashboardQuery,
  type Language,
} from '@freiraum/contracts';
import { keepPreviousData, queryOptions, skipToken, useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, getAccessToken, refreshSession } from '../../../lib/api-client';

export type HrCsvTable = (typeof HR_CSV_TABLES)[number];

export const hrDashboardKeys = {
  all: ['dashboards', 'hr'] as const,
  view: (query: HrDashboardQuery) => [...hrDashboardKeys.all, query] as const,
};

export const getHrDashboard = (query: HrDashboardQuery) =>
  api.get('/api/dashboards/hr', hrDashboardSchema, { ...query });

export const hrDashboardQueryOptions = (query: HrDashboardQuery) =>
  queryOptions({ queryKey: hrDashboardKeys.view(query), queryFn: () => getHrDashboard(query) });

/**
 * `query` null = the filters are not complete yet (e.g. a custom range without both dates): nothing is fetched,
 * under a key of its own (not the default view's), and the figures last shown stay.
 */
export const useHrDashboard = (query: HrDashboardQuery | null) =>
  useQuery({
    queryKey: query ? hrDashboardKeys.view(query) : [...hrDashboardKeys.all, 'incomplete'],
    queryFn: query ? () => getHrDashboard(query) : skipToken,
    // Keep the last figures on screen while a new filter loads, instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });

export function csvUrl(table: HrCsvTable, lang: Language, query: HrDashboardQuery): string {
  const params = new URLSearchParams({ table, lang });
  for (const key of ['from', 'to', 'departmentId', 'trackId'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return `/api/dashboards/hr.csv?${params.toString()}`;
}

/** The file name the server chose (RFC 6266: `filename*` wins over `filename`), else a sensible default. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed percent-encoding: fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || fallback;
}

async function fetchCsv(url: string): Promise<Response> {
  const token = getAccessToken();
  return fetch(url, {
    headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    credentials: 'same-origin',
  });
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const parsed = errorBodySchema.partial().safeParse(await res.json());
    return new ApiError(res.status, parsed.success ? parsed.data : null);
  } catch {
    return new ApiError(res.status, null);
  }
}

export interface CsvDownload {
  table: HrCsvTable;
  lang: Language;
  query: HrDashboardQuery;
}

/**
 * The CSV needs the bearer token, which a plain link cannot send: fetch it (refreshing the session once on
 * 401, like every API call) and hand the browser a Blob to save under the server's file name.
 */
export async function downloadHrCsv({ table, lang, query }: CsvDownload): Promise<void> {
  const url = csvUrl(table, lang, query);
  let res = await fetchCsv(url).catch(() => null);
  if (res?.status === 401 && (await refreshSession())) res = await fetchCsv(url).catch(() => null);
  if (!res) throw new ApiError(0, { message: 'Network error', code: 'network_error' });
  if (!res.ok) throw await errorOf(res);
  const name = filenameFrom(res.headers.get('content-disposition'), `freiraum-hr-${table}.csv`);
  // The server's bytes as they are: the UTF-8 BOM must survive for German Excel.
  const blob = new Blob([await res.arrayBuffer()], { type: 'text/csv;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

export const useDownloadHrCsv = () => useMutation({ mutationFn: downloadHrCsv });
