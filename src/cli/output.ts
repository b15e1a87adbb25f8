/** Renders result rows as a table, JSON or CSV. bigint and money stay exact. */
import type { JsValue, ResultRow } from '../warehouse/index.js';

export const outputFormats = ['table', 'json', 'csv'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export function cellText(v: JsValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, jsonReplacer);
  return String(v);
}

export function jsonReplacer(_key: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}

/** Display width: CJK characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function renderTable(rows: readonly ResultRow[], columns?: readonly string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  if (cols.length === 0) return '(no rows / 无数据)\n';
  const cells = rows.map((r) => cols.map((c) => cellText(r[c])));
  const widths = cols.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]!))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));
  const numeric = cols.map((_, i) => cells.length > 0 && cells.every((row) => row[i] === '' || /^-?[\d.]+%?$/.test(row[i]!)));
  const line = (vals: string[]) => vals.map((v, i) => pad(v, widths[i]!, numeric[i]!)).join('  ').trimEnd();
  const out = [line([...cols]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  return out.join('\n') + '\n';
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(rows: readonly ResultRow[], columns?: readonly string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const lines = [cols.map(csvField).join(','), ...rows.map((r) => cols.map((c) => csvField(cellText(r[c]))).join(','))];
  return lines.join('\n') + '\n';
}

export function render(rows: readonly ResultRow[], format: OutputFormat, columns?: readonly string[]): string {
  switch (format) {
    case 'table':
      return renderTable(rows, columns);
    case 'csv':
      return renderCsv(rows, columns);
    case 'json':
      return JSON.stringify({ rows }, jsonReplacer, 2) + '\n';
  }
}
