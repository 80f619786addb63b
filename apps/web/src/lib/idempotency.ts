import { useMemo, useRef } from 'react';
import { ApiError } from './api-client';

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts (https, localhost); an installation
 * reached over plain http on the intranet still has `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether the API may not have stored an answer for the key: no answer, a crash, or still running. */
function mayRetrySameKey(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500 || (error.status === 409 && error.retryAfterSeconds !== null);
}

/**
 * One Idempotency-Key per submission (ADR 0011). Sending the same body again after an attempt that got no
 * stored answer reuses the key, so the API replays instead of creating twice. After a stored answer — success
 * or a refusal — or with a changed body, the next try is a new submission with a new key: the API replays a
 * stored refusal for a day, and refuses a used key with another body (422).
 */
export function useIdempotencyKey() {
  const pending = useRef<{ body: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(body: unknown): string {
        const serialised = JSON.stringify(body ?? null);
        if (pending.current?.body !== serialised) pending.current = { body: serialised, key: newIdempotencyKey() };
        return pending.current.key;
      },
      settled(error?: unknown): void {
        if (error === undefined || !mayRetrySameKey(error)) pending.current = null;
      },
    }),
    [],
  );
}
