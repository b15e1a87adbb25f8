/**
 * Keeps the rollups fresh without demo or import knowing about them: loads record what they
 * changed in data_changes; before a query, the changes newer than the rollups' watermark are
 * recomputed, day rollups and buyer rollups alike by the changed shop and day range. A load
 * that changed row counts without recording a change, or rollups built by older definitions
 * (ROLLUP_VERSION), trigger a full rebuild, so a rollup can be late by nothing.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { refreshBuyers } from './buyers.js';
import { dailyRollups } from './definitions.js';
import { EVERYTHING, sliced, type Change } from './slice.js';

/** Bump when a rollup's definition changes: stores built by older definitions rebuild once. */
export const ROLLUP_VERSION = 3;

interface State {
  change_id: number;
  orders_rows: bigint;
  lines_rows: bigint;
  version: number | null;
}

const running = new WeakMap<Warehouse, Promise<boolean>>();

/** Refreshes what changed; one refresh at a time per warehouse. Returns whether anything was refreshed. */
export function refreshRollups(wh: Warehouse): Promise<boolean> {
  const current = running.get(wh);
  if (current) return current;
  const p = refresh(wh).finally(() => running.delete(wh));
  running.set(wh, p);
  return p;
}

async function counts(wh: Warehouse): Promise<{ orders: bigint; lines: bigint; change: number }> {
  const [r] = await wh.query<{ o: bigint; l: bigint; c: number | null }>(
    'SELECT (SELECT count(*) FROM orders) AS o, (SELECT count(*) FROM order_lines) AS l, (SELECT max(change_id) FROM data_changes) AS c',
  );
  return { orders: r?.o ?? 0n, lines: r?.l ?? 0n, change: r?.c ?? 0 };
}

async function refresh(wh: Warehouse): Promise<boolean> {
  const [state] = await wh.query<State & Record<string, never>>('SELECT change_id, orders_rows, lines_rows, version FROM rollup_state WHERE id = 1');
  const now = await counts(wh);
  const current = state !== undefined && state.version === ROLLUP_VERSION;
  const unchanged = current && state.change_id === now.change && state.orders_rows === now.orders && state.lines_rows === now.lines;
  if (unchanged) return false;
  const p = wh.dialect.param;
  const changes = current && state.change_id < now.change
    ? await wh.query<Change & Record<string, never>>(`SELECT shop_id, from_day, to_day FROM data_changes WHERE change_id > ${p(1)} ORDER BY change_id`, [state.change_id])
    : [];
  // Row counts moved with no recorded change (or first run, or old definitions): rebuild everything.
  const full = changes.length === 0 || changes.some((c) => c.shop_id === '' && c.from_day === null && c.to_day === null);
  await wh.transaction(async (tx) => {
    const slices: Change[] = full ? [EVERYTHING] : changes;
    for (const c of slices) await refreshSlice(tx, c);
    await refreshBuyers(tx, slices, full);
    await tx.exec('DELETE FROM rollup_state');
    await tx.exec(`INSERT INTO rollup_state (id, change_id, orders_rows, lines_rows, refreshed_at, version) VALUES (1, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)})`,
      [now.change, now.orders, now.lines, new Date(), ROLLUP_VERSION]);
  });
  return true;
}

async function refreshSlice(wh: Warehouse, c: Change): Promise<void> {
  for (const r of dailyRollups) {
    const del = sliced(wh, c, (where) => `DELETE FROM ${r.table} WHERE ${where('shop_id', 'day')}`);
    await wh.exec(del.sql, del.params);
    const ins = sliced(wh, c, (where) => `INSERT INTO ${r.table} ${r.select(wh.dialect, { where })}`);
    await wh.exec(ins.sql, ins.params);
  }
}
