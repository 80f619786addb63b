import { useMemo, useRef } from 'react';
import { ApiError } from '../../../lib/api-client';

/** crypto.randomUUID exists only in secure contexts (https, localhost); plain http gets the same from random bytes. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** No answer the server stored: the network failed, the server broke, or the same key is still running. */
function mayRetry(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status >= 500 || (error.status === 409 && error.retryAfterSeconds !== null);
}

/**
 * One Idempotency-Key per submission: a retry of the same body after a failure without an answer sends the
 * same key (so the server runs it at most once); a changed body, or any answer, starts a new submission.
 * The API replays a stored answer for a reused key, so after a definite "no" the next try needs a fresh key.
 */
export function useIdempotencyKey() {
  const current = useRef<{ key: string; body: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(body: unknown): string {
        const json = JSON.stringify(body ?? null);
        if (current.current?.body !== json) current.current = { key: newIdempotencyKey(), body: json };
        return current.current.key;
      },
      settled(error?: unknown): void {
        if (!mayRetry(error)) current.current = null;
      },
    }),
    [],
  );
}
