/**
 * E-mail over SMTP through nodemailer. Reports put their full HTML body and attachments here;
 * alerts get a short HTML rendering of the same lines the chat channels show.
 * SMTP replies 4xx are transient (retry), 5xx permanent; connection failures are retried.
 */
import nodemailer from 'nodemailer';
import type { ChannelConfigOf } from './channels.js';
import { escapeHtml, plainBody, titleText } from './render.js';
import type { AttemptResult, Lang, Notifier, NotifyMessage } from './types.js';

export function emailHtml(m: NotifyMessage, lang: Lang): string {
  if (m.html) return m.html[lang];
  const facts = (m.facts ?? []).map((f) => `<tr><th align="left">${escapeHtml(f.label[lang])}</th><td>${escapeHtml(f.value)}</td></tr>`).join('');
  return [
    `<h2>${escapeHtml(titleText(m, lang))}</h2>`,
    ...m.lines.map((l) => `<p>${escapeHtml(l[lang])}</p>`),
    facts ? `<table>${facts}</table>` : '',
    m.link ? `<p><a href="${escapeHtml(m.link.url)}">${escapeHtml(m.link.label[lang])}</a></p>` : '',
  ].join('\n');
}

export function createEmailNotifier(c: ChannelConfigOf<'email'>, resolve: (ref: string) => string): Notifier {
  const pass = c.smtp.pass === undefined ? undefined : resolve(c.smtp.pass);
  return {
    channelId: c.id,
    kind: 'email',
    secrets: pass ? [pass] : [],
    attempt: async (m): Promise<AttemptResult> => {
      const transport = nodemailer.createTransport({
        host: c.smtp.host,
        port: c.smtp.port,
        secure: c.smtp.secure,
        ...(c.smtp.user ? { auth: { user: c.smtp.user, pass: pass ?? '' } } : {}),
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      });
      try {
        const info = await transport.sendMail({
          from: c.from,
          to: [...c.to],
          subject: titleText(m, c.language),
          text: plainBody(m, c.language),
          html: emailHtml(m, c.language),
          attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
        return { ok: true, retryable: false, detail: String(info.response ?? 'sent') };
      } catch (e) {
        const err = e as Error & { responseCode?: number; code?: string };
        const code = err.responseCode;
        return {
          ok: false,
          retryable: code === undefined || (code >= 400 && code < 500),
          ...(code !== undefined ? { status: code } : {}),
          detail: `smtp ${err.code ?? ''} ${code ?? ''}: ${err.message}`.replace(/\s+/g, ' '),
        };
      } finally {
        transport.close();
      }
    },
  };
}
