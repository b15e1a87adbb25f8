/**
 * DingTalk custom group robot (自定义机器人).
 * Docs: https://open.dingtalk.com/document/robots/customize-robot-security-settings (加签)
 *       https://open.dingtalk.com/document/orgapp/custom-robots-send-group-messages (msgtype)
 * Signing: timestamp = now in milliseconds; string_to_sign = `${timestamp}\n${secret}`;
 * sign = urlEncode(base64(HmacSHA256(key = secret, data = string_to_sign))); both go in the
 * query string next to access_token. The server rejects timestamps more than an hour off.
 * Reply: HTTP 200 `{ errcode, errmsg }`; 130101 / 410100 mean "sending too fast".
 */
import { createHmac } from 'node:crypto';
import type { ChannelConfigOf } from './channels.js';
import { judgeErrcode, postJson } from './http.js';
import { markdownBody, titleText } from './render.js';
import type { Lang, Notifier, NotifyMessage } from './types.js';

/** base64 signature, before URL encoding (URLSearchParams does that when it is appended). */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

export function dingtalkPayload(m: NotifyMessage, lang: Lang, atMobiles: readonly string[] = []) {
  const title = titleText(m, lang);
  // @mobile must appear in the text for DingTalk to highlight the person
  const at = atMobiles.length > 0 ? `\n\n${atMobiles.map((p) => `@${p}`).join(' ')}` : '';
  return {
    msgtype: 'markdown' as const,
    markdown: { title, text: `### ${title}\n\n${markdownBody(m, lang)}${at}` },
    at: { atMobiles: [...atMobiles], isAtAll: false },
  };
}

export function dingtalkUrl(webhook: string, secret: string | undefined, now: Date): string {
  if (secret === undefined) return webhook;
  const url = new URL(webhook);
  const ts = now.getTime();
  url.searchParams.set('timestamp', String(ts));
  url.searchParams.set('sign', dingtalkSign(secret, ts));
  return url.toString();
}

export function createDingtalkNotifier(c: ChannelConfigOf<'dingtalk'>, resolve: (ref: string) => string): Notifier {
  const webhook = resolve(c.url);
  const secret = c.secret === undefined ? undefined : resolve(c.secret);
  return {
    channelId: c.id,
    kind: 'dingtalk',
    secrets: [webhook, new URL(webhook).searchParams.get('access_token') ?? '', secret ?? ''].filter(Boolean),
    attempt: (m, now) => postJson(dingtalkUrl(webhook, secret, now), dingtalkPayload(m, c.language, c.atMobiles), judgeErrcode([130101, 410100])),
  };
}
