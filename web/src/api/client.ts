import type { Bilingual } from '../i18n/i18n';

/** An error the API answered with: the stable code and the message in both languages. */
export class ApiError extends Error {
  constructor(readonly code: string, readonly zh: string, readonly en: string, readonly status: number) {
    super(`${code}: ${en}`);
  }
}

/** The CSRF double-submit token: the server sets it as a cookie and wants it back in a header. */
function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k && /csrf/i.test(k)) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown;
  try { body = await res.json(); } catch { body = undefined; }
  return apiErrorOf(body, res.status, res.statusText);
}

/** The error an API answer's body gives: `{code, message}` or `{error: {code, message}}`, message bilingual or plain. */
export function apiErrorOf(body: unknown, status: number, statusText = ''): ApiError {
  const b = (body ?? {}) as Record<string, unknown>;
  const e = (typeof b.error === 'object' && b.error !== null ? b.error : b) as Record<string, unknown>;
  const code = typeof e.code === 'string' ? e.code : `HTTP_${status}`;
  const m = e.message as Bilingual | string | undefined;
  const zh = typeof m === 'string' ? m : m?.zh ?? statusText;
  const en = typeof m === 'string' ? m : m?.en ?? statusText;
  return new ApiError(code, zh, en, status);
}

/**
 * `quiet`: a request sent ahead of need (use-api.ts `prefetch`), possibly before the app knows
 * whether anyone is signed in — its 401 must not send the app to the login form (on a first run
 * that form is the setup form, which the sign-in check decides).
 */
export interface FetchOptions { quiet?: boolean }

export async function apiFetch(path: string, init: RequestInit = {}, opts: FetchOptions = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers.set('x-csrf-token', token);
  }
  if (init.body !== undefined && typeof init.body === 'string') headers.set('content-type', 'application/json');
  const res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && !opts.quiet) window.dispatchEvent(new CustomEvent('shoplens:unauthenticated'));
    throw err;
  }
  return res;
}

export async function getJson<T>(path: string, opts: FetchOptions = {}): Promise<T> {
  return (await apiFetch(path, {}, opts)).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown, method = 'POST', opts: FetchOptions = {}): Promise<T> {
  const res = await apiFetch(path, { method, body: JSON.stringify(body) }, opts);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Downloads a POST response as a file (XLSX/CSV export). */
export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  const res = await apiFetch(path, { method: 'POST', body: JSON.stringify(body) });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  // filename* (UTF-8, the Chinese name) wins over the ASCII filename beside it (RFC 6266)
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = utf8 ? decodeURIComponent(utf8) : plain ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
