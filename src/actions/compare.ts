/**
 * At check time: the target metric in the days before the action started against the same
 * number of days from its start, inside the action's filters and the reader's scope — one
 * metric query with a comparison, so the numbers are the catalog's (统一口径).
 */
import { fail } from '../core/errors.js';
import { addDays, dayTextToNumber } from '../core/time.js';
import { runMetricQuery, type Catalog, type Cell, type Scope } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { ActionErrors } from './errors.js';
import type { Action } from './schema.js';

export interface BeforeAfter {
  readonly actionId: string;
  readonly metric: string;
  readonly before: { readonly from: string; readonly to: string; readonly value: Cell };
  readonly after: { readonly from: string; readonly to: string; readonly value: Cell };
  readonly change: Cell;
  readonly changePct: number | null;
  /** whether the expected effect was reached; null when it cannot be told (no data, or still too early) */
  readonly met: boolean | null;
}

/** Windows: `compareDays` from the start (cut at yesterday), and as many days just before it. */
export function compareWindows(a: Action, today: string): { before: { from: string; to: string }; after: { from: string; to: string } } | undefined {
  if (!a.startedDay) return undefined;
  const lastComplete = addDays(a.checkedDay && a.checkedDay < today ? a.checkedDay : today, -1);
  const end = [addDays(a.startedDay, a.compareDays - 1), lastComplete].sort()[0]!;
  if (end < a.startedDay) return undefined;
  const days = dayTextToNumber(end)! - dayTextToNumber(a.startedDay)! + 1;
  return { before: { from: addDays(a.startedDay, -days), to: addDays(a.startedDay, -1) }, after: { from: a.startedDay, to: end } };
}

export async function beforeAfter(wh: Warehouse, catalog: Catalog, a: Action, today: string, scope: Scope): Promise<BeforeAfter> {
  const w = compareWindows(a, today);
  if (!w) fail(ActionErrors.ACTION_NOT_STARTED, { id: a.id });
  const m = a.target.metric;
  const filters = Object.keys(a.target.filters).length > 0 ? { filters: a.target.filters } : {};
  const r = await runMetricQuery(wh, catalog, { metrics: [m], from: w.after.from, to: w.after.to, compare: w.before, ...filters }, { scope });
  const row = r.rows[0] ?? {};
  const pct = (row[`${m}_change_pct`] ?? null) as number | null;
  const need = (a.expected.percent ?? 0) / 100;
  const met = pct === null ? null : a.expected.direction === 'up' ? (need > 0 ? pct >= need : pct > 0) : need > 0 ? pct <= -need : pct < 0;
  return {
    actionId: a.id, metric: m,
    before: { ...w.before, value: row[`${m}_prev`] ?? null },
    after: { ...w.after, value: row[m] ?? null },
    change: row[`${m}_change`] ?? null,
    changePct: pct,
    met,
  };
}
