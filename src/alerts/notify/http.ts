/** One JSON POST with a timeout, turned into an AttemptResult by a platform-specific judge. */
import type { AttemptResult } from './types.js';

export interface HttpReply {
  readonly status: number;
  readonly text: string;
  /** the body parsed as JSON, or undefined when it is not JSON */
  readonly json: unknown;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export async function postJson(
  url: string,
  body: unknown,
  judge: (reply: HttpReply) => AttemptResult,
  options: { headers?: Record<string, string>; timeoutMs?: number; rawBody?: string } = {},
): Promise<AttemptResult> {
  let reply: HttpReply;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
      body: options.rawBody ?? JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    reply = { status: res.status, text, json };
  } catch (e) {
    // fetch hides the reason (ECONNREFUSED, timeout, bad port) in `cause`
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = [err.cause?.code, err.cause?.message].filter(Boolean).join(' ');
    return { ok: false, retryable: true, detail: `network: ${err.name}: ${err.message}${why ? ` (${why})` : ''}` };
  }
  return judge(reply);
}

/** What every platform shares: 2xx is needed; 429 and 5xx are worth retrying. */
export function judgeHttp(reply: HttpReply): AttemptResult | undefined {
  if (reply.status >= 200 && reply.status < 300) return undefined;
  return {
    ok: false,
    retryable: reply.status === 429 || reply.status >= 500,
    status: reply.status,
    detail: `HTTP ${reply.status}: ${reply.text.slice(0, 200)}`,
  };
}

/**
 * DingTalk and WeCom answer HTTP 200 with `{ errcode, errmsg }`; errcode 0 is success.
 * `rateLimited` lists the codes that mean "too fast" and deserve a retry.
 */
export function judgeErrcode(rateLimited: readonly number[]) {
  return (reply: HttpReply): AttemptResult => {
    const http = judgeHttp(reply);
    if (http) return http;
    const j = reply.json as { errcode?: number; errmsg?: string } | undefined;
    if (!j || typeof j.errcode !== 'number') return { ok: false, retryable: false, status: reply.status, detail: `unexpected reply: ${reply.text.slice(0, 200)}` };
    if (j.errcode === 0) return { ok: true, retryable: false, status: reply.status, detail: j.errmsg ?? 'ok' };
    return { ok: false, retryable: rateLimited.includes(j.errcode), status: reply.status, detail: `errcode ${j.errcode}: ${j.errmsg ?? ''}` };
  };
}
