import { privacyExportSchema, privacyInfoSchema } from '@freiraum/contracts';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const getPrivacyInfo = () => api.get('/api/me/privacy', privacyInfoSchema);

export const privacyQueryOptions = () => queryOptions({ queryKey: ['me', 'privacy'], queryFn: getPrivacyInfo });

export const usePrivacyInfo = () => useQuery(privacyQueryOptions());

/** YYYY-MM-DD of the export in the reader's time zone (en-CA formats dates that way), as the server names it. */
const exportDate = (exportedAt: string) => new Date(exportedAt).toLocaleDateString('en-CA');

/**
 * "Download my data": the export comes through the API client (bearer token, refresh on 401, checked against
 * the contract) and is handed to the browser as a JSON file.
 */
export async function downloadMyData(): Promise<void> {
  const data = await api.get('/api/me/export', privacyExportSchema);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `freiraum-export-${exportDate(data.exportedAt)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useDownloadMyData = () => useMutation({ mutationFn: downloadMyData });
