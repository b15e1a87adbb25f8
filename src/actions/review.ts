/**
 * The weekly 复盘: open problems, overdue actions, what moved stage this week, and for actions
 * checked or done this week the metric before vs after. Read-only: it only gathers.
 */
import { addDays } from '../core/time.js';
import type { Catalog, Scope } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { beforeAfter, compareWindows, type BeforeAfter } from './compare.js';
import type { Action, Problem } from './schema.js';
import type { ActionStore } from './store.js';
import { isOverdue } from './workflow.js';

export interface WeeklyReview {
  readonly week: { readonly from: string; readonly to: string };
  readonly openProblems: Problem[];
  readonly overdue: Action[];
  /** actions that changed stage in the week */
  readonly moved: Action[];
  readonly results: BeforeAfter[];
  /** checked this week, but no full day has passed since the start: nothing to compare yet */
  readonly waiting: Action[];
}

/** Shop-scoped readers see only problems and actions about their shops (or about no shop). */
export function visibleTo(scope: Scope, shopIds: readonly string[] | undefined): boolean {
  if (scope.shopIds === 'all' || shopIds === undefined) return true;
  const mine = new Set(scope.shopIds);
  return shopIds.every((s) => mine.has(s));
}

export async function weeklyReview(wh: Warehouse, catalog: Catalog, store: ActionStore, today: string, scope: Scope): Promise<WeeklyReview> {
  const week = { from: addDays(today, -7), to: addDays(today, -1) };
  const all = (await store.list()).filter((d) => visibleTo(scope, d.shopIds));
  const actions = all.filter((d): d is Action => d.type === 'action');
  const openProblems = all.filter((d): d is Problem => d.type === 'problem' && d.status === 'open');
  const inWeek = (iso: string) => iso.slice(0, 10) >= week.from && iso.slice(0, 10) <= today;
  const moved = actions.filter((a) => a.history.some((h) => inWeek(h.at)));
  const checked = actions.filter((a) => (a.stage === 'check' || a.stage === 'done') && a.checkedDay !== undefined && a.checkedDay >= week.from);
  const results: BeforeAfter[] = [];
  // an action started and checked on the same day has no "after" yet: it waits, and the review still reads
  const waiting = checked.filter((a) => compareWindows(a, today) === undefined);
  for (const a of checked) if (!waiting.includes(a)) results.push(await beforeAfter(wh, catalog, a, today, scope));
  return { week, openProblems, overdue: actions.filter((a) => isOverdue(a, today)), moved, results, waiting };
}
