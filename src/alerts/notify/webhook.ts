/**
 * Generic JSON webhook, for anything the other channels don't cover (Slack bridges, a
 * seller's own ERP, n8n …). The body is a stable, documented shape (README.md). With a secret,
 * the receiver can check `x-shoplens-signature: sha256=<hex HMAC-SHA256(secret, `${ts}.${body}`)>`
 * where ts is `x-shoplens-timestamp` (unix seconds) — signing the exact bytes sent, so a
 * re-serialised body cannot pass, and the timestamp stops replays.
 */
import { createHmac } from 'node:crypto';
import type { ChannelConfigOf } from './channels.js';
import { judgeHttp, postJson } from './http.js';
import { markdownBody, plainBody } from './render.js';
import type { Lang, Notifier, NotifyMessage } from './types.js';

export function webhookBody(m: NotifyMessage, lang: Lang, now: Date) {
  return {
    event: `shoplens.${m.kind}`,
    id: m.id,
    severity: m.severity,
    language: lang,
    title: m.title[lang],
    text: plainBody(m, lang),
    markdown: markdownBody(m, lang),
    facts: (m.facts ?? []).map((f) => ({ label: f.label[lang], value: f.value })),
    link: m.link?.url ?? null,
    sentAt: now.toISOString(),
  };
}

export function webhookSignature(secret: string, timestampSec: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestampSec}.${body}`, 'utf8').digest('hex');
}

export function createWebhookNotifier(c: ChannelConfigOf<'webhook'>, resolve: (ref: string) => string): Notifier {
  const url = resolve(c.url);
  const secret = c.secret === undefined ? undefined : resolve(c.secret);
  return {
    channelId: c.id,
    kind: 'webhook',
    secrets: [url, secret ?? ''].filter(Boolean),
    attempt: (m, now) => {
      const body = JSON.stringify(webhookBody(m, c.language, now));
      const ts = Math.floor(now.getTime() / 1000);
      const signed: Record<string, string> = secret === undefined ? {} : { 'x-shoplens-timestamp': String(ts), 'x-shoplens-signature': webhookSignature(secret, ts, body) };
      return postJson(url, undefined, (r) => judgeHttp(r) ?? { ok: true, retryable: false, status: r.status, detail: `HTTP ${r.status}` }, {
        rawBody: body,
        headers: { ...c.headers, ...signed },
      });
    },
  };
}
