/**
 * The figures a chat message of a report shows (钉钉/飞书/企业微信 robots carry no attachment):
 * the first block when it is one row of figures — 经营日报's 核心指标 — each with its 环比 when
 * the block compares. Read in the group at a glance; the link opens the whole report.
 */
import type { MessageFact } from '../alerts/notify/types.js';
import { cellText, numericKinds, type RenderedReport } from './table.js';

/** Enough for a phone screen. */
const MAX_FACTS = 6;

export function headlineFacts(report: RenderedReport): MessageFact[] {
  const b = report.blocks[0];
  if (!b || b.rows.length !== 1 || !b.columns.every((c) => numericKinds.has(c.kind))) return [];
  const row = b.rows[0]!;
  const keys = new Set(b.columns.map((c) => c.key));
  const derived = /_(prev|change|change_pct)$/;
  return b.columns
    .filter((c) => !(derived.test(c.key) && keys.has(c.key.replace(derived, ''))))
    .slice(0, MAX_FACTS)
    .map((c) => {
      const pct = row[`${c.key}_change_pct`];
      const move = pct === undefined || pct === null ? '' : ` (${Number(pct) > 0 ? '+' : ''}${cellText('percent', pct)})`;
      return { label: c.label, value: `${c.kind === 'money' ? '¥' : ''}${cellText(c.kind, row[c.key] ?? null)}${move}` };
    });
}
