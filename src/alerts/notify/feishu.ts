/**
 * Feishu / Lark custom bot (自定义机器人).
 * Docs: https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot (签名校验, 消息卡片)
 * Signing: timestamp = now in SECONDS; key = `${timestamp}\n${secret}`;
 * sign = base64(HmacSHA256(key, message = "")) — the secret goes into the key and the message is
 * empty, the reverse of DingTalk. Both travel in the JSON body as strings.
 * Reply: `{ code, msg, data }` (older hooks: `{ StatusCode, StatusMessage }`); 0 is success;
 * 9499 / 11232 mean rate limited.
 */
import { createHmac } from 'node:crypto';
import type { ChannelConfigOf } from './channels.js';
import { judgeHttp, postJson, type HttpReply } from './http.js';
import { markdownBody, titleText } from './render.js';
import type { AttemptResult, Lang, Notifier, NotifyMessage, Severity } from './types.js';

export function feishuSign(secret: string, timestampSec: number): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('', 'utf8').digest('base64');
}

const headerColour: Record<Severity, string> = { info: 'blue', warning: 'orange', critical: 'red' };

/** An interactive card: coloured header, one markdown element, a button back to ShopLens. */
export function feishuCard(m: NotifyMessage, lang: Lang) {
  const elements: unknown[] = [{ tag: 'markdown', content: markdownBody({ ...m, link: undefined }, lang) }];
  if (m.link) {
    elements.push({
      tag: 'action',
      actions: [{ tag: 'button', text: { tag: 'plain_text', content: m.link.label[lang] }, url: m.link.url, type: 'primary' }],
    });
  }
  return {
    config: { wide_screen_mode: true },
    header: { template: headerColour[m.severity], title: { tag: 'plain_text', content: titleText(m, lang) } },
    elements,
  };
}

export function feishuPayload(m: NotifyMessage, lang: Lang, secret: string | undefined, now: Date) {
  const sig = secret === undefined ? {} : (() => {
    const ts = Math.floor(now.getTime() / 1000);
    return { timestamp: String(ts), sign: feishuSign(secret, ts) };
  })();
  return { ...sig, msg_type: 'interactive' as const, card: feishuCard(m, lang) };
}

const RATE_LIMITED = [9499, 11232];

export function judgeFeishu(reply: HttpReply): AttemptResult {
  const http = judgeHttp(reply);
  if (http) return http;
  const j = reply.json as { code?: number; msg?: string; StatusCode?: number; StatusMessage?: string } | undefined;
  const code = j?.code ?? j?.StatusCode;
  if (typeof code !== 'number') return { ok: false, retryable: false, status: reply.status, detail: `unexpected reply: ${reply.text.slice(0, 200)}` };
  const msg = j?.msg ?? j?.StatusMessage ?? '';
  if (code === 0) return { ok: true, retryable: false, status: reply.status, detail: msg || 'success' };
  return { ok: false, retryable: RATE_LIMITED.includes(code), status: reply.status, detail: `code ${code}: ${msg}` };
}

export function createFeishuNotifier(c: ChannelConfigOf<'feishu'>, resolve: (ref: string) => string): Notifier {
  const webhook = resolve(c.url);
  const secret = c.secret === undefined ? undefined : resolve(c.secret);
  return {
    channelId: c.id,
    kind: 'feishu',
    // the hook id in the URL path is itself a credential
    secrets: [webhook, webhook.split('/').pop() ?? '', secret ?? ''].filter(Boolean),
    attempt: (m, now) => postJson(webhook, feishuPayload(m, c.language, secret, now), judgeFeishu),
  };
}
