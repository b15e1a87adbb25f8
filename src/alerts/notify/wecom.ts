/**
 * WeCom (企业微信) group robot.
 * Docs: https://developer.work.weixin.qq.com/document/path/91770 (群机器人配置说明)
 * POST `{ msgtype: 'markdown', markdown: { content } }` to
 * https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY; the key in the URL is the only
 * credential (no signature). content is at most 4096 UTF-8 bytes; colours are the three named
 * `<font color="info|comment|warning">`. Reply `{ errcode, errmsg }`; 45009 = rate limited.
 */
import type { ChannelConfigOf } from './channels.js';
import { judgeErrcode, postJson } from './http.js';
import { markdownBody, titleText, truncateUtf8 } from './render.js';
import type { Lang, Notifier, NotifyMessage, Severity } from './types.js';

export const WECOM_MAX_BYTES = 4096;
const colour: Record<Severity, string> = { info: 'info', warning: 'warning', critical: 'warning' };

export function wecomPayload(m: NotifyMessage, lang: Lang) {
  const content = `### <font color="${colour[m.severity]}">${titleText(m, lang)}</font>\n${markdownBody(m, lang)}`;
  return { msgtype: 'markdown' as const, markdown: { content: truncateUtf8(content, WECOM_MAX_BYTES) } };
}

export function createWecomNotifier(c: ChannelConfigOf<'wecom'>, resolve: (ref: string) => string): Notifier {
  const webhook = resolve(c.url);
  return {
    channelId: c.id,
    kind: 'wecom',
    secrets: [webhook, new URL(webhook).searchParams.get('key') ?? ''].filter(Boolean),
    attempt: (m) => postJson(webhook, wecomPayload(m, c.language), judgeErrcode([45009])),
  };
}
