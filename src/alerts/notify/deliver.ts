/**
 * Sends one message through several channels at once. Each channel retries on its own with
 * bounded exponential back-off; a channel that throws, hangs up to its timeout or keeps failing
 * never delays or cancels the others (they run concurrently and every error is caught here).
 * Every outcome is written to the delivery log with secrets scrubbed.
 */
import { randomUUID } from 'node:crypto';
import type { DeliveryLog, DeliveryRecord } from './delivery-log.js';
import { redact } from './secrets.js';
import type { AttemptResult, Notifier, NotifyMessage } from './types.js';

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** 4 tries spread over ~7 s: enough for a rate-limit window or a restart, short enough not to pile up. */
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 };

/** Delay before attempt n+1 (n ≥ 1): base · 2^(n−1), capped. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

export interface DeliverOptions {
  readonly log?: DeliveryLog;
  readonly retry?: RetryPolicy;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function sendWithRetry(n: Notifier, m: NotifyMessage, o: Required<Omit<DeliverOptions, 'log'>>): Promise<DeliveryRecord> {
  const startedAt = o.now();
  let last: AttemptResult = { ok: false, retryable: false, detail: 'not attempted' };
  let attempts = 0;
  while (attempts < o.retry.maxAttempts) {
    attempts++;
    try {
      last = await n.attempt(m, o.now());
    } catch (e) {
      // a notifier bug or a secret that cannot be opened: not worth retrying
      last = { ok: false, retryable: false, detail: `error: ${(e as Error).message}` };
    }
    if (last.ok || !last.retryable || attempts >= o.retry.maxAttempts) break;
    await o.sleep(backoffDelay(o.retry, attempts));
  }
  return {
    id: randomUUID(),
    messageId: m.id,
    messageKind: m.kind,
    channelId: n.channelId,
    channelKind: n.kind,
    ok: last.ok,
    attempts,
    ...(last.status !== undefined ? { status: last.status } : {}),
    detail: redact(last.detail, n.secrets),
    startedAt: startedAt.toISOString(),
    finishedAt: o.now().toISOString(),
  };
}

export async function deliver(m: NotifyMessage, notifiers: readonly Notifier[], options: DeliverOptions = {}): Promise<DeliveryRecord[]> {
  const o = { retry: options.retry ?? DEFAULT_RETRY, now: options.now ?? (() => new Date()), sleep: options.sleep ?? realSleep };
  const records = await Promise.all(notifiers.map((n) => sendWithRetry(n, m, o)));
  if (options.log) {
    for (const r of records) {
      // the log is a record, not a gate: losing a line must not turn a sent alert into an error
      await options.log.append(r).catch((e: Error) => process.emitWarning(`delivery log: ${e.message}`));
    }
  }
  return records;
}
