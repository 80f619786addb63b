import { certificateListSchema, certificateVerificationSchema, type Language } from '@freiraum/contracts';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError, getAccessToken, refreshSession } from '../../../lib/api-client';

export const certificateKeys = {
  all: ['certificates'] as const,
  mine: () => [...certificateKeys.all, 'mine'] as const,
  verify: (code: string) => [...certificateKeys.all, 'verify', code] as const,
};

const enc = encodeURIComponent;

export const getMyCertificates = () => api.get('/api/learning/certificates', certificateListSchema);
export const myCertificatesQueryOptions = () =>
  queryOptions({ queryKey: certificateKeys.mine(), queryFn: getMyCertificates });
export const useMyCertificates = () => useQuery(myCertificatesQueryOptions());

/** Public check of a certificate code (no session needed). */
export const verifyCertificate = (code: string) =>
  api.get(`/api/certificates/${enc(code)}`, certificateVerificationSchema);
export const useVerifyCertificate = (code: string) =>
  useQuery({ queryKey: certificateKeys.verify(code), queryFn: () => verifyCertificate(code), retry: false });

async function fetchPdf(code: string, lang: Language): Promise<Response> {
  const token = getAccessToken();
  return fetch(`/api/learning/certificates/${enc(code)}/pdf?lang=${lang}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'same-origin',
  });
}

/**
 * The PDF needs the bearer token, which a plain link cannot send: fetch it (refreshing the session once on
 * 401, like every API call) and hand the browser a Blob to save.
 */
export async function downloadCertificate({ code, lang }: { code: string; lang: Language }): Promise<void> {
  let res = await fetchPdf(code, lang).catch(() => null);
  if (res?.status === 401 && (await refreshSession())) res = await fetchPdf(code, lang).catch(() => null);
  if (!res) throw new ApiError(0, { message: 'Network error', code: 'network_error' });
  if (!res.ok) throw new ApiError(res.status, null);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `freiraum-${code}-${lang}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const useDownloadCertificate = () => useMutation({ mutationFn: downloadCertificate });
