/** Text pieces shared by the platform renderers: severity words, markdown escaping, lines. */
import type { Lang, NotifyMessage, Severity } from './types.js';

export const severityWord: Record<Severity, Record<Lang, string>> = {
  info: { zh: '提示', en: 'Info' },
  warning: { zh: '警告', en: 'Warning' },
  critical: { zh: '严重', en: 'Critical' },
};

/** Backslash-escapes the characters that would turn data (SKU titles, shop names) into markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]])/g, '\\$1');
}

export function titleText(m: NotifyMessage, lang: Lang): string {
  return `【${severityWord[m.severity][lang]}】${m.title[lang]}`;
}

/** The body every markdown platform shares: paragraphs, then facts as a list, then the link. */
export function markdownBody(m: NotifyMessage, lang: Lang): string {
  const parts: string[] = m.lines.map((l) => escapeMarkdown(l[lang]));
  if (m.facts && m.facts.length > 0) {
    parts.push(m.facts.map((f) => `- **${escapeMarkdown(f.label[lang])}**: ${escapeMarkdown(f.value)}`).join('\n'));
  }
  if (m.link) parts.push(`[${escapeMarkdown(m.link.label[lang])}](${m.link.url})`);
  return parts.join('\n\n');
}

export function plainBody(m: NotifyMessage, lang: Lang): string {
  const parts: string[] = m.lines.map((l) => l[lang]);
  if (m.facts && m.facts.length > 0) parts.push(m.facts.map((f) => `- ${f.label[lang]}: ${f.value}`).join('\n'));
  if (m.link) parts.push(`${m.link.label[lang]}: ${m.link.url}`);
  return parts.join('\n\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Cuts a text to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number, ellipsis = '…'): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(ellipsis, 'utf8');
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (used + n > budget) break;
    out += ch;
    used += n;
  }
  return out + ellipsis;
}
