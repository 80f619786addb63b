import { vi } from 'vitest';

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface StubResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = {
  method: string;
  path: string | RegExp;
  respond: StubResponse | ((req: StubRequest) => StubResponse);
};

/**
 * A tiny stand-in for the API: routes `fetch` calls by method + path to canned answers and records every
 * call, so tests never need a server. Unmatched calls fail loudly with 501.
 */
export function stubFetch(handlers: Handler[]) {
  const calls: StubRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    let body: unknown = init?.body;
    if (typeof body === 'string' && headers['content-type']?.includes('json')) body = JSON.parse(body);
    const req: StubRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      body,
    };
    calls.push(req);
    const handler = handlers.find(
      (h) => h.method === req.method && (typeof h.path === 'string' ? h.path === req.path : h.path.test(req.path)),
    );
    if (!handler) {
      return new Response(
        JSON.stringify({ statusCode: 501, code: 'not_stubbed', message: `${req.method} ${req.path} not stubbed` }),
        {
          status: 501,
          headers: { 'content-type': 'application/json' },
        },
      );
    }
    const res = typeof handler.respond === 'function' ? handler.respond(req) : handler.respond;
    const status = res.status ?? 200;
    return new Response(status === 204 || res.body === undefined ? null : JSON.stringify(res.body), {
      status,
      headers: { 'content-type': 'application/json', ...res.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetchMock,
    callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path),
  };
}

export const on = {
  get: (path: string | RegExp, respond: Handler['respond']): Handler => ({ method: 'GET', path, respond }),
  post: (path: string | RegExp, respond: Handler['respond']): Handler => ({ method: 'POST', path, respond }),
  patch: (path: string | RegExp, respond: Handler['respond']): Handler => ({ method: 'PATCH', path, respond }),
  put: (path: string | RegExp, respond: Handler['respond']): Handler => ({ method: 'PUT', path, respond }),
};

export function errorBody(
  statusCode: number,
  code: string,
  message: string,
  details?: { field: string; message: string }[],
) {
  return { statusCode, error: 'Error', code, message, details, requestId: 'test-request' };
}
