/**
 * The HTML form of a report: the e-mail body (inline styles only — mail clients drop <style>
 * blocks and external CSS) and the page Chromium prints to PDF.
 */
import type { Lang } from '../alerts/notify/types.js';
import { escapeHtml } from '../alerts/notify/render.js';
import { cellText, numericKinds, type RenderedReport, type ReportBlock } from './table.js';

const th = 'padding:6px 10px;border-bottom:2px solid #333;text-align:left;font-weight:600;background:#f5f5f5';
const td = 'padding:5px 10px;border-bottom:1px solid #e5e5e5';

function blockHtml(b: ReportBlock, lang: Lang): string {
  const align = (k: string) => (numericKinds.has(b.columns.find((c) => c.key === k)!.kind) ? 'right' : 'left');
  const head = b.columns.map((c) => `<th style="${th};text-align:${align(c.key)}">${escapeHtml(c.label[lang])}</th>`).join('');
  const body = b.rows.length === 0
    ? `<tr><td style="${td}" colspan="${b.columns.length}">${lang === 'zh' ? '(无数据)' : '(no rows)'}</td></tr>`
    : b.rows.map((r) => `<tr>${b.columns.map((c) => `<td style="${td};text-align:${align(c.key)}">${escapeHtml(cellText(c.kind, r[c.key] ?? null))}</td>`).join('')}</tr>`).join('\n');
  const note = b.note ? `<p style="color:#666;font-size:12px;margin:4px 0 0">${escapeHtml(b.note[lang])}</p>` : '';
  return `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(b.title[lang])}</h2>
<table style="border-collapse:collapse;font-size:13px;min-width:50%"><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>${note}`;
}

export function renderHtml(r: RenderedReport, lang: Lang, options: { link?: string } = {}): string {
  const period = lang === 'zh' ? `统计周期:${r.period.from} 至 ${r.period.to}` : `Period: ${r.period.from} to ${r.period.to}`;
  const link = options.link ? `<p><a href="${escapeHtml(options.link)}">${lang === 'zh' ? '在 ShopLens 中查看' : 'Open in ShopLens'}</a></p>` : '';
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(r.title[lang])}</title></head>
<body style="font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',Arial,sans-serif;color:#222;margin:24px">
<h1 style="font-size:20px;margin:0 0 4px">${escapeHtml(r.title[lang])}</h1>
<p style="color:#666;margin:0 0 8px">${escapeHtml(period)}</p>
${r.blocks.map((b) => blockHtml(b, lang)).join('\n')}
${link}
<p style="color:#999;font-size:11px;margin-top:24px">ShopLens · ${escapeHtml(r.generatedAt.toISOString())}</p>
</body></html>
`;
}
