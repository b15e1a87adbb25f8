/**
 * Orders: fragments → one row per order → diff with the store → apply, and the status history.
 *
 * Fragments: a source whose order amounts repeat on every line row (JD, ERPs) stages them
 * with an empty frag_id, so after "last row per (order, frag_id)" one copy is left; a source
 * whose rows carry their own share (Douyin sub-orders) stages one fragment per sub-order and
 * the shares add up. Either way nothing is counted twice.
 *
 * Precedence (cross-source linking): a platform export owns its orders; an ERP copy of an
 * order a platform export already gave is "linked" and changes nothing. An ERP row creates
 * the order only when no platform file has, and a later platform export takes it over.
 */
import { orders } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import type { SourceRole } from '../sources/types.js';
import { actionCounts, colsOf, count, q, sameRow, type TableCounts } from './sql.js';

const money = ['goods_amount', 'discount_platform', 'discount_shop', 'discount_creator', 'shipping_fee', 'order_total', 'paid_amount'];

export interface OrdersMergeInput {
  runId: string;
  source: string;
  role: SourceRole;
  amountsFromLines: boolean;
  /** the source repeats the order on every line row (JD, ERPs) */
  orderPerLine: boolean;
  seenAt: Date;
}

/**
 * How far an order has got: its latest known time. An export older than what the store holds
 * (imported out of order) does not roll the order back: newest wins by the data, not by the
 * import order.
 */
const progress = (a: string) =>
  `greatest(${a}.created_at, coalesce(${a}.paid_at, ${a}.created_at), coalesce(${a}.shipped_at, ${a}.created_at), coalesce(${a}.finished_at, ${a}.created_at))`;

function aggregate(col: string): string {
  if (money.includes(col)) return `sum(${q(col)})`;
  if (col === 'item_count') return `CAST(sum(item_count) AS INTEGER)`;
  if (col === 'created_at' || col === 'paid_at') return `min(${q(col)})`;
  if (col === 'created_day') return `arg_min(created_day, created_at)`;
  if (col === 'paid_day') return `arg_min(paid_day, paid_at)`;
  return `arg_max_null(${q(col)}, src_row)`;
}

export async function mergeOrders(tx: Warehouse, m: OrdersMergeInput): Promise<TableCounts> {
  const cols = colsOf(orders);
  const staged = await count(tx, 'SELECT count(*) AS n FROM stg_orders');
  const keys = await count(tx, 'SELECT count(DISTINCT (shop_id, order_id)) AS n FROM stg_orders');
  if (keys === staged) {
    // One row per order and no repeats (the usual 订单报表): the rows are the orders, no aggregation.
    await tx.exec(`CREATE TEMP TABLE new_orders AS SELECT ${cols.map(q).join(', ')} FROM stg_orders`);
  } else {
    await tx.exec(`CREATE TEMP TABLE new_orders AS
      SELECT shop_id, order_id, ${cols.filter((c) => c !== 'shop_id' && c !== 'order_id').map((c) => `${aggregate(c)} AS ${q(c)}`).join(', ')}
      FROM (SELECT * FROM stg_orders QUALIFY row_number() OVER (PARTITION BY shop_id, order_id, frag_id ORDER BY src_row DESC) = 1)
      GROUP BY shop_id, order_id`);
  }
  // Order rows that repeat on every line row (JD, ERPs) are one order by design, not duplicates.
  const frags = m.orderPerLine ? await count(tx, 'SELECT count(*) AS n FROM stg_orders')
    : await count(tx, 'SELECT count(*) AS n FROM (SELECT DISTINCT shop_id, order_id, frag_id FROM stg_orders)');
  // Units come from the lines when this run has them (JD rows are one SKU each).
  await tx.exec(`UPDATE new_orders n SET item_count = s.units FROM (
      SELECT shop_id, order_id, CAST(sum(qty) AS INTEGER) AS units FROM (
        SELECT * FROM stg_order_lines QUALIFY row_number() OVER (PARTITION BY shop_id, order_id, line_id ORDER BY src_row DESC) = 1)
      GROUP BY ALL) s
    WHERE s.shop_id = n.shop_id AND s.order_id = n.order_id`);
  if (m.amountsFromLines) await amountsFromStoredLines(tx);
  await tx.exec(`CREATE TEMP TABLE diff_orders AS
    SELECT n.*, o.status AS old_status,
      CASE WHEN o.order_id IS NULL THEN 'insert'
           WHEN ${tx.dialect.param(1)} = 'erp' AND coalesce(g.role, 'platform') = 'platform' THEN 'linked'
           WHEN ${sameRow('n', 'o', cols)} THEN 'same'
           WHEN ${progress('n')} < ${progress('o')} THEN 'stale'
           ELSE 'update' END AS action
    FROM new_orders n
    LEFT JOIN orders o ON o.shop_id = n.shop_id AND o.order_id = n.order_id
    LEFT JOIN import_order_origins g ON g.shop_id = n.shop_id AND g.order_id = n.order_id`, [m.role]);
  await tx.exec(`DELETE FROM orders AS o USING diff_orders d WHERE o.shop_id = d.shop_id AND o.order_id = d.order_id AND d.action = 'update'`);
  await tx.exec(`INSERT INTO orders (${cols.map(q).join(', ')}) SELECT ${cols.map(q).join(', ')} FROM diff_orders WHERE action IN ('insert', 'update')`);
  // Status history keeps every status seen, so "paid → refunded/closed" stays visible.
  await tx.exec(`INSERT INTO order_status_history (shop_id, order_id, seen_at, status, status_raw, run_id)
    SELECT shop_id, order_id, ${tx.dialect.param(1)}, status, status_raw, ${tx.dialect.param(2)} FROM diff_orders
    WHERE action = 'insert' OR (action = 'update' AND (old_status IS DISTINCT FROM status))`, [m.seenAt, m.runId]);
  await recordOrigins(tx, 'diff_orders', m);
  const c = await actionCounts(tx, 'orders', 'diff_orders', staged, frags);
  const stale = await count(tx, `SELECT count(*) AS n FROM diff_orders WHERE action = 'stale'`);
  return { ...c, unchanged: c.unchanged + stale };
}

/** Generic sources without order amounts: the order is what its stored lines add up to. */
async function amountsFromStoredLines(tx: Warehouse): Promise<void> {
  await tx.exec(`UPDATE new_orders n SET goods_amount = s.goods, order_total = s.paid,
      paid_amount = CASE WHEN n.paid_at IS NULL THEN 0 ELSE s.paid END
    FROM (SELECT shop_id, order_id, sum(goods_amount) AS goods, sum(paid_amount) AS paid FROM order_lines GROUP BY ALL) s
    WHERE s.shop_id = n.shop_id AND s.order_id = n.order_id`);
}

async function recordOrigins(tx: Warehouse, diff: string, m: OrdersMergeInput): Promise<void> {
  const p = tx.dialect.param;
  const written = `d.action IN ('insert', 'update')`;
  await tx.exec(`UPDATE import_order_origins AS g SET role = ${p(1)}, source = ${p(2)}, run_id = ${p(3)},
      amounts_from_lines = g.amounts_from_lines OR ${p(4)}
    FROM ${q(diff)} d WHERE g.shop_id = d.shop_id AND g.order_id = d.order_id AND ${written}`, [m.role, m.source, m.runId, m.amountsFromLines]);
  await tx.exec(`INSERT INTO import_order_origins
    SELECT d.shop_id, d.order_id, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, false FROM ${q(diff)} d
    WHERE ${written} AND NOT EXISTS (SELECT 1 FROM import_order_origins g WHERE g.shop_id = d.shop_id AND g.order_id = d.order_id)`,
    [m.role, m.source, m.runId, m.amountsFromLines]);
}
