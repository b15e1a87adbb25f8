/**
 * Keeps the rollups fresh without demo or import knowing about them: loads record what they
 * changed in data_changes; before a query, the changes newer than the rollups' watermark are
 * recomputed. A load that changed row counts without recording a change triggers a full
 * rebuild, so a rollup can be late by nothing.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { buyerKeysFromTemp, buyerRowsTemp, buyersDailyFromTemp, dailyRollups, type Slice } from './definitions.js';

interface State {
  change_id: number;
  orders_rows: bigint;
  lines_rows: bigint;
}

interface Change {
  shop_id: string;
  from_day: string | null;
  to_day: string | null;
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
  const [state] = await wh.query<State & Record<string, never>>('SELECT change_id, orders_rows, lines_rows FROM rollup_state WHERE id = 1');
  const now = await counts(wh);
  const unchanged = state && state.change_id === now.change && state.orders_rows === now.orders && state.lines_rows === now.lines;
  if (unchanged) return false;
  const p = wh.dialect.param;
  const changes = state && state.change_id < now.change
    ? await wh.query<Change & Record<string, never>>(`SELECT shop_id, from_day, to_day FROM data_changes WHERE change_id > ${p(1)} ORDER BY change_id`, [state.change_id])
    : [];
  // Row counts moved with no recorded change (or first run): rebuild everything.
  const full = !state || (changes.length === 0) || changes.some((c) => c.shop_id === '' && c.from_day === null);
  await wh.transaction(async (tx) => {
    const slices: Change[] = full ? [{ shop_id: '', from_day: null, to_day: null }] : changes;
    for (const c of slices) await refreshSlice(tx, c);
    const shops = full || slices.some((c) => c.shop_id === '') ? undefined : [...new Set(slices.map((c) => c.shop_id))];
    await rebuildBuyers(tx, shops);
    await tx.exec('DELETE FROM rollup_state');
    await tx.exec(`INSERT INTO rollup_state VALUES (1, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)})`, [now.change, now.orders, now.lines, new Date()]);
  });
  return true;
}

/** One statement restricted to a change's shop and days; placeholders numbered as they appear. */
function sliced(wh: Warehouse, c: Change, build: (where: Slice['where']) => string): { sql: string; params: string[] } {
  const d = wh.dialect;
  const params: string[] = [];
  const where = (shopCol: string, dayCol: string) => {
    const out: string[] = [];
    if (c.shop_id !== '') out.push(`${shopCol} = ${d.param(params.push(c.shop_id))}`);
    if (c.from_day !== null) out.push(`${dayCol} >= ${d.dayParam(params.push(c.from_day))}`);
    if (c.to_day !== null) out.push(`${dayCol} <= ${d.dayParam(params.push(c.to_day))}`);
    return out.length > 0 ? out.join(' AND ') : 'TRUE';
  };
  return { sql: build(where), params };
}

async function refreshSlice(wh: Warehouse, c: Change): Promise<void> {
  for (const r of dailyRollups) {
    const del = sliced(wh, c, (where) => `DELETE FROM ${r.table} WHERE ${where('shop_id', 'day')}`);
    await wh.exec(del.sql, del.params);
    const ins = sliced(wh, c, (where) => `INSERT INTO ${r.table} ${r.select(wh.dialect, { where })}`);
    await wh.exec(ins.sql, ins.params);
  }
}

async function rebuildBuyers(wh: Warehouse, shops: string[] | undefined): Promise<void> {
  const d = wh.dialect;
  const where = (col: string) => (shops ? `${col} IN (${shops.map((_, i) => d.param(i + 1)).join(', ')})` : 'TRUE');
  const params = shops ?? [];
  await wh.exec(`DELETE FROM rollup_buyers_daily WHERE ${where('shop_id')}`, params);
  await wh.exec(`DELETE FROM rollup_buyer_keys WHERE ${where('shop_id')}`, params);
  await wh.exec(buyerRowsTemp(d, where), params);
  try {
    await wh.exec(buyerKeysFromTemp);
    await wh.exec(buyersDailyFromTemp);
  } finally {
    await wh.exec('DROP TABLE IF EXISTS rollup_buyer_rows');
  }
}
