import { importResultSchema } from '@freiraum/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/**
 * Sends the file's raw bytes (not text): the server detects UTF-8 vs Windows-1252 and `;` vs `,` itself,
 * which a browser-side decode would already have lost.
 */
export function importUsers({ file, dryRun }: { file: Blob; dryRun: boolean }) {
  return apiRequest('/api/users/import', {
    method: 'POST',
    query: { dryRun: String(dryRun) },
    body: file,
    contentType: 'text/csv',
    schema: importResultSchema,
  });
}

export const useImportDryRun = () => useMutation({ mutationFn: (file: Blob) => importUsers({ file, dryRun: true }) });

export function useImportUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) => importUsers({ file, dryRun: false }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['users'] }),
        queryClient.invalidateQueries({ queryKey: ['departments'] }),
        queryClient.invalidateQueries({ queryKey: ['tracks'] }),
      ]),
  });
}
