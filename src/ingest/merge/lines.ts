/**
 * Order lines: a file that gives an order's lines gives all of them, so its lines replace
 * the stored lines of that order (a later export that drops a line drops it here too).
 * ERP lines of an order a platform export owns are linked, not added.
 *
 * Sources without a per-line paid share (宝贝报表, JD) get one by allocation: the order's paid
 * amount split by goods amount with cumulative rounding, so the lines add up to the order
 * to the fen.
 */
import { orderLines } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import type { SourceRole } from '../sources/types.js';
import { anyStored, colsOf, count, countActions, latestPerKeySql, q, sameRow, shopIn, type ActionCounts, type TableCounts } from './sql.js';

export const LINE_KEY = ['shop_id', 'order_id', 'line_id'];

/** Allocates paid shares in `table` for the orders selected by `where` (over alias l). */
export async function allocateLines(tx: Warehouse, table: string, where: string): Promise<void> {
  await tx.exec(`UPDATE ${q(table)} AS t SET paid_amount = a.share FROM (
      SELECT shop_id, order_id, line_id, CAST((p * cw) // tw - (p * (cw - w)) // tw AS BIGINT) AS share FROM (
        SELECT *, sum(w) OVER (PARTITION BY shop_id, order_id ORDER BY line_id) AS cw, sum(w) OVER (PARTITION BY shop_id, order_id) AS tw FROM (
          SELECT l.shop_id, l.order_id, l.line_id, CAST(o.paid_amount AS HUGEINT) AS p,
            CAST(CASE WHEN sum(l.goods_amount) OVER (PARTITION BY l.shop_id, l.order_id) > 0 THEN l.goods_amount ELSE 1 END AS HUGEINT) AS w
          FROM ${q(table)} l JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id
          WHERE ${where}))) a
    WHERE t.shop_id = a.shop_id AND t.order_id = a.order_id AND t.line_id = a.line_id AND t.paid_amount IS DISTINCT FROM a.share`);
}

/**
 * `new_lines`: one row per line, from staging alone (before the run's transaction). A line
 * takes its order's payment day as this run gives the order (`run_orders`); mergeLines fits
 * it to the order as merged.
 */
export async function prepareLines(s: Warehouse, stats: { staged: number; keys: number }, withOrders: boolean): Promise<void> {
  const lines = latestPerKeySql('stg_order_lines', LINE_KEY, [...colsOf(orderLines), 'paid_known'], stats.keys === stats.staged);
  await s.exec(withOrders
    ? `CREATE TEMP TABLE new_lines AS
      SELECT n.* REPLACE (CASE WHEN o.order_id IS NULL THEN n.paid_day ELSE o.paid_day END AS paid_day)
      FROM (${lines}) n LEFT JOIN run_orders o ON o.shop_id = n.shop_id AND o.order_id = n.order_id`
    : `CREATE TEMP TABLE new_lines AS ${lines}`);
}

export async function mergeLines(
  tx: Warehouse, role: SourceRole, withOrders: boolean, source: string, runId: string, shops: readonly string[], stats: { staged: number; keys: number },
  /** this run's orders were all inserted into shops that held none: their payment days are the lines' already */
  ordersAllNew: boolean,
): Promise<TableCounts> {
  const cols = colsOf(orderLines);
  const { staged, keys: deduped } = stats;
  const inShops = (a: string) => shopIn(a, shops);
  // Lines follow their order's payment day as merged: the stored order's when the run kept
  // it (an older export, an order an ERP file only links to) or gave only the lines.
  if (!ordersAllNew) {
    await tx.exec(`UPDATE new_lines n SET paid_day = o.paid_day FROM orders o
      WHERE ${inShops('o')} AND o.shop_id = n.shop_id AND o.order_id = n.order_id AND n.paid_day IS DISTINCT FROM o.paid_day`);
  }
  // Lines that carry their own paid share (抖店 sub-orders) need no allocation.
  const [unshared] = await tx.query('SELECT 1 AS x FROM new_lines WHERE NOT paid_known LIMIT 1');
  if (unshared) await allocateLines(tx, 'new_lines', `${inShops('o')} AND NOT l.paid_known`);
  // Only an ERP's lines can be linked to a platform order: a platform's lines skip the lookups.
  await tx.exec(role === 'erp' ? `CREATE TEMP TABLE line_orders AS
    SELECT n.shop_id, n.order_id, bool_or(NOT n.paid_known) AS alloc,
      coalesce(coalesce(any_value(g.role), CASE WHEN any_value(o.order_id) IS NULL THEN NULL ELSE 'platform' END) = 'platform', false) AS linked
    FROM new_lines n
    LEFT JOIN (SELECT * FROM import_order_origins g WHERE ${inShops('g')}) g ON g.shop_id = n.shop_id AND g.order_id = n.order_id
    LEFT JOIN (SELECT * FROM orders o WHERE ${inShops('o')}) o ON o.shop_id = n.shop_id AND o.order_id = n.order_id
    GROUP BY n.shop_id, n.order_id`
    : `CREATE TEMP TABLE line_orders AS SELECT shop_id, order_id, bool_or(NOT paid_known) AS alloc, false AS linked FROM new_lines GROUP BY shop_id, order_id`);
  // Lines of an order this run found stale (an older export) or linked stay as stored.
  if (withOrders) {
    await tx.exec(`UPDATE line_orders lo SET linked = true FROM diff_orders d
      WHERE d.shop_id = lo.shop_id AND d.order_id = lo.order_id AND d.action IN ('stale', 'linked') AND NOT lo.linked`);
  }
  // Stored lines are compared, and replaced or dropped, only when the run's shops have any.
  const stored = await anyStored(tx, 'order_lines', shops);
  let dropped = 0;
  let by: ActionCounts;
  if (!stored) {
    // Usually no order is linked (a first platform export): every line is inserted, no join.
    const [linked] = await tx.query('SELECT 1 AS x FROM line_orders WHERE linked LIMIT 1');
    await tx.exec(linked ? `CREATE TEMP VIEW diff_lines AS
      SELECT n.*, CASE WHEN lo.linked THEN 'linked' ELSE 'insert' END AS action
      FROM new_lines n JOIN line_orders lo ON lo.shop_id = n.shop_id AND lo.order_id = n.order_id`
      : `CREATE TEMP VIEW diff_lines AS SELECT n.*, 'insert' AS action FROM new_lines n`);
    by = linked ? await countActions(tx, 'diff_lines') : { insert: stats.keys };
  } else {
    await tx.exec(`CREATE TEMP TABLE diff_lines AS
      SELECT n.*, CASE WHEN lo.linked THEN 'linked' WHEN o.line_id IS NULL THEN 'insert'
                       WHEN ${sameRow('n', 'o', cols)} THEN 'same' ELSE 'update' END AS action
      FROM new_lines n JOIN line_orders lo ON lo.shop_id = n.shop_id AND lo.order_id = n.order_id
      LEFT JOIN (SELECT * FROM order_lines o WHERE ${inShops('o')}) o ON o.shop_id = n.shop_id AND o.order_id = n.order_id AND o.line_id = n.line_id`);
    by = await countActions(tx, 'diff_lines');
    // Stored lines of a replaced order that the new export no longer lists: every stored line
    // of those orders is either matched by key (same or update) or dropped.
    const storedOfOrders = await count(tx, `SELECT count(*) AS n FROM order_lines o JOIN line_orders lo ON lo.shop_id = o.shop_id AND lo.order_id = o.order_id
      WHERE ${inShops('o')} AND NOT lo.linked`);
    dropped = storedOfOrders - (by.same ?? 0) - (by.update ?? 0);
    if (dropped + (by.update ?? 0) > 0) {
      await tx.exec(`DELETE FROM order_lines AS o USING line_orders lo
        WHERE ${inShops('o')} AND lo.shop_id = o.shop_id AND lo.order_id = o.order_id AND NOT lo.linked
          AND NOT EXISTS (SELECT 1 FROM diff_lines d WHERE d.shop_id = o.shop_id AND d.order_id = o.order_id AND d.line_id = o.line_id AND d.action = 'same')`);
    }
  }
  await tx.exec(`INSERT INTO order_lines (${cols.map(q).join(', ')}) SELECT ${cols.map(q).join(', ')} FROM diff_lines WHERE action IN ('insert', 'update')`);
  // When every line of the run has its share (抖店), only an origin that needs shares can change.
  const needShares = unshared ?? (await tx.query(`SELECT 1 AS x FROM import_order_origins g WHERE ${inShops('g')} AND g.alloc_lines LIMIT 1`))[0];
  if (needShares) {
    await tx.exec(`UPDATE import_order_origins g SET alloc_lines = lo.alloc FROM line_orders lo
      WHERE ${inShops('g')} AND g.shop_id = lo.shop_id AND g.order_id = lo.order_id AND NOT lo.linked AND g.alloc_lines IS DISTINCT FROM lo.alloc`);
  }
  // Lines that arrive before their order (宝贝报表 before 订单报表) still record that they need a share.
  await tx.exec(`INSERT INTO import_order_origins
    SELECT lo.shop_id, lo.order_id, ${tx.dialect.param(1)}, ${tx.dialect.param(2)}, ${tx.dialect.param(3)}, false, lo.alloc FROM line_orders lo
    ANTI JOIN (SELECT shop_id, order_id FROM import_order_origins g WHERE ${inShops('g')}) g ON g.shop_id = lo.shop_id AND g.order_id = lo.order_id
    WHERE NOT lo.linked`,
    [role, source, runId]);
  return { table: 'order_lines', staged, duplicates: staged - deduped, inserted: by.insert ?? 0, updated: (by.update ?? 0) + dropped, unchanged: by.same ?? 0, linked: by.linked ?? 0 };
}

/**
 * After the orders merge: stored lines of orders that changed follow the order (paid share,
 * paid day) — e.g. a 宝贝报表 imported before its 订单报表. Lines staged in this run were
 * already fitted to the merged orders.
 */
export async function reallocateTouched(tx: Warehouse, shops: readonly string[]): Promise<void> {
  // Nothing to follow when the run's shops have no stored lines (a first 订单报表).
  if (!(await anyStored(tx, 'order_lines', shops))) return;
  // Shares are re-split only for written orders whose lines came without one (宝贝报表, JD).
  const [alloc] = await tx.query(`SELECT 1 AS x FROM diff_orders d JOIN (SELECT * FROM import_order_origins g WHERE ${shopIn('g', shops)}) g
    ON g.shop_id = d.shop_id AND g.order_id = d.order_id WHERE g.alloc_lines AND d.action IN ('insert', 'update') LIMIT 1`);
  if (alloc) await allocateLines(tx, 'order_lines', `${shopIn('l', shops)} AND ${shopIn('o', shops)} AND EXISTS (SELECT 1 FROM import_order_origins g WHERE g.shop_id = l.shop_id AND g.order_id = l.order_id AND g.alloc_lines)
    AND EXISTS (SELECT 1 FROM diff_orders d WHERE d.shop_id = l.shop_id AND d.order_id = l.order_id AND d.action IN ('insert', 'update'))`);
  await tx.exec(`UPDATE order_lines l SET paid_day = d.paid_day FROM diff_orders d
    WHERE ${shopIn('l', shops)} AND d.shop_id = l.shop_id AND d.order_id = l.order_id AND d.action IN ('insert', 'update') AND l.paid_day IS DISTINCT FROM d.paid_day`);
}

/** Generic mappings whose orders carry no amounts: orders take the sum of their lines. */
export async function syncAmountsFromLines(tx: Warehouse, shops: readonly string[]): Promise<void> {
  await tx.exec(`UPDATE orders o SET goods_amount = s.goods, order_total = s.paid, paid_amount = CASE WHEN o.paid_at IS NULL THEN 0 ELSE s.paid END
    FROM (SELECT l.shop_id, l.order_id, sum(l.goods_amount) AS goods, sum(l.paid_amount) AS paid FROM order_lines l
          WHERE ${shopIn('l', shops)} AND EXISTS (SELECT 1 FROM new_lines n WHERE n.shop_id = l.shop_id AND n.order_id = l.order_id) GROUP BY ALL) s
    WHERE s.shop_id = o.shop_id AND s.order_id = o.order_id
      AND (o.goods_amount <> s.goods OR o.order_total <> s.paid OR o.paid_amount <> CASE WHEN o.paid_at IS NULL THEN 0 ELSE s.paid END)`);
}
