import { errorBodySchema, loginResponseSchema, type ErrorBody, type LoginResponse } from '@freiraum/contracts';
import type { ZodType } from 'zod';

// The access token lives in memory only (never in storage, so XSS cannot lift it from there);
// the long-lived refresh token is an HttpOnly cookie the browser sends to /api/auth only.
let accessToken: string | null = null;

export function getAccessToken(): string | null {
  return accessToken;
}

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

type SessionListener = (session: LoginResponse | null) => void;
const listeners = new Set<SessionListener>();

/** Told about every refresh outcome: a new session, or null when the session is gone. */
export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: { field: string; message: string }[];
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: Partial<ErrorBody> | null, retryAfterSeconds: number | null = null) {
    super(body?.message ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.code ?? (status === 0 ? 'network_error' : 'error');
    this.details = body?.details ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Field → first message, for showing errors next to the matching input. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const d of this.details) if (!(d.field in out)) out[d.field] = d.message;
    return out;
  }
}

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON-serialised unless it is a Blob/ArrayBuffer (sent as is with `contentType`). */
  body?: unknown;
  contentType?: string;
  /** Extra request headers, e.g. `Idempotency-Key` for POSTs that create something. */
  headers?: Record<string, string>;
  /** Query-string values; undefined, null and '' are left out. */
  query?: Record<string, unknown>;
  /** Parses (and thereby checks) the response; omit for 204 responses. */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /** Skip the refresh-and-retry on 401 (used by the auth endpoints themselves). */
  noRefresh?: boolean;
}

function buildUrl(path: string, query?: RequestOptions<unknown>['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (typeof value === 'string' ? value !== '' : typeof value === 'number' || typeof value === 'boolean')
      params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(path: string, options: RequestOptions<unknown>): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  let body: BodyInit | undefined;
  if (options.body instanceof Blob || options.body instanceof ArrayBuffer) {
    body = options.body;
    headers['content-type'] = options.contentType ?? 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { message: 'Network error', code: 'network_error' });
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    const parsed = errorBodySchema.partial().safeParse(await res.json());
    if (parsed.success) body = parsed.data;
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to the status alone.
  }
  const retryAfter = Number(res.headers.get('retry-after'));
  return new ApiError(res.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

let refreshing: Promise<LoginResponse | null> | null = null;

async function doRefresh(): Promise<LoginResponse | null> {
  const res = await send('/api/auth/refresh', { method: 'POST' }).catch(() => null);
  const session = res?.ok ? (loginResponseSchema.safeParse(await res.json()).data ?? null) : null;
  setAccessToken(session?.accessToken ?? null);
  for (const listener of listeners) listener(session);
  return session;
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request, and
 * tabs take turns through a Web Lock: the refresh token rotates, and presenting a used one revokes
 * the whole session.
 */
export function refreshSession(): Promise<LoginResponse | null> {
  refreshing ??= (
    typeof navigator !== 'undefined' && navigator.locks
      ? navigator.locks.request('freiraum-refresh', doRefresh)
      : doRefresh()
  ).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Calls the API; on 401 refreshes the session once and retries. Throws ApiError on failure. */
export async function apiRequest<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  let res = await send(path, options);
  if (res.status === 401 && !options.noRefresh) {
    // Once only: if the retried request is refused again, that answer stands.
    if (await refreshSession()) res = await send(path, options);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204 || !options.schema) return undefined as T;
  return options.schema.parse(await res.json());
}

export const api = {
  get: <T>(path: string, schema: ZodType<T>, query?: RequestOptions<T>['query']) => apiRequest(path, { schema, query }),
  post: <T = void>(path: string, body?: unknown, schema?: ZodType<T>) =>
    apiRequest(path, { method: 'POST', body, schema }),
  patch: <T>(path: string, body: unknown, schema: ZodType<T>) => apiRequest(path, { method: 'PATCH', body, schema }),
  put: <T>(path: string, body: unknown, schema: ZodType<T>) => apiRequest(path, { method: 'PUT', body, schema }),
};
