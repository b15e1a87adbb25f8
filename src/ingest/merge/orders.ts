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
import { anyCampaign, campaignOf } from './campaigns.js';
import { anyStored, colsOf, count, countActions, execInOrder, keysUnique, q, sameRow, shopIn, tableCounts, type ActionCounts, type TableCounts } from './sql.js';

const money = ['goods_amount', 'discount_platform', 'discount_shop', 'discount_creator', 'shipping_fee', 'order_total', 'paid_amount'];

export interface OrdersMergeInput {
  runId: string;
  source: string;
  role: SourceRole;
  amountsFromLines: boolean;
  seenAt: Date;
  /** the shops of this run: every statement reads only their rows */
  shops: readonly string[];
}

/**
 * How far an order has got: its latest known time. An export older than what the store holds
 * (imported out of order) does not roll the order back: newest wins by the data, not by the
 * import order.
 */
const progress = (a: string) =>
  `greatest(${a}.created_at, coalesce(${a}.paid_at, ${a}.created_at), coalesce(${a}.shipped_at, ${a}.created_at), coalesce(${a}.finished_at, ${a}.created_at))`;

/** How an order column folds its fragments; undefined: the last fragment's value. */
function aggregate(col: string): string | undefined {
  if (money.includes(col)) return `sum(${q(col)})`;
  if (col === 'item_count') return `CAST(sum(item_count) AS INTEGER)`;
  if (col === 'created_at' || col === 'paid_at') return `min(${q(col)})`;
  if (col === 'created_day') return `arg_min(created_day, created_at)`;
  if (col === 'paid_day') return `arg_min(paid_day, paid_at)`;
  return undefined;
}

/**
 * One row per order from its fragments (`frags`, one row each): sums and firsts by
 * aggregate, the other columns from the last fragment, found by its row number and joined
 * back (an arg_max per column costs more: 0.95 s against 0.85 s at 1 M fragments; one arg_max
 * of a struct of them ran out of memory at 3 M inside the run's transaction).
 */
function foldFragments(cols: readonly string[], frags: string): string {
  const folded = cols.filter((c) => c !== 'shop_id' && c !== 'order_id' && aggregate(c) !== undefined);
  const pick = (c: string) => (c === 'shop_id' || c === 'order_id' || aggregate(c) !== undefined ? `a.${q(c)}` : `l.${q(c)}`);
  return `SELECT ${cols.map((c) => `${pick(c)} AS ${q(c)}`).join(', ')}
    FROM (SELECT shop_id, order_id, max(src_row) AS last_row, ${folded.map((c) => `${aggregate(c)} AS ${q(c)}`).join(', ')}
          FROM ${frags} GROUP BY shop_id, order_id) a
    JOIN ${frags} l ON l.shop_id = a.shop_id AND l.order_id = a.order_id AND l.src_row = a.last_row`;
}

export interface OrdersResult extends TableCounts {
  /** the run's shops held no order before this run: every order of theirs is in diff_orders */
  allNew: boolean;
}

/** The run's orders, made before its transaction (merge-all.ts prepareRun): `run_orders`, one row per order. */
export interface PreparedOrders {
  /** staged rows */
  staged: number;
  /** fragments: staged rows counted once per (order, sub-order) where rows carry their own share */
  frags: number;
  /** orders */
  keys: number;
}

/**
 * `run_orders`: one row per order, from staging alone. Staged rows with unique keys are the
 * orders already (the usual 订单报表): a view, no copy. Otherwise fragments are folded, and
 * units come from this run's lines (JD rows are one SKU each).
 */
export async function prepareOrders(s: Warehouse, o: {
  /** the source repeats the order on every line row (JD, ERPs) */
  orderPerLine: boolean;
  /** this run staged order lines too (`unique`: no line key repeats) */
  withLines?: { unique: boolean };
}): Promise<PreparedOrders> {
  // Rows, orders, and fragments (Douyin sub-orders: distinct (order, frag_id)). Unique keys
  // (one row per order, the usual 订单报表; one row per sub-order) are proven by hashes and only
  // counted exactly otherwise; orders that fold are counted once folded.
  const probe = await keysUnique(s, 'stg_orders', ['shop_id', 'order_id']);
  const staged = probe.staged;
  const fragProbe = probe.unique ? probe : await keysUnique(s, 'stg_orders', ['shop_id', 'order_id', 'frag_id']);
  const distinctFrags = fragProbe.unique ? staged : await count(s, 'SELECT count(DISTINCT (shop_id, order_id, frag_id)) AS n FROM stg_orders');
  const cols = colsOf(orders);
  // The last row per fragment wins; when no fragment repeats there is nothing to pick (no window sort).
  if (!probe.unique && distinctFrags !== staged) {
    await s.exec(`CREATE TEMP TABLE order_frags AS
      SELECT * FROM stg_orders QUALIFY row_number() OVER (PARTITION BY shop_id, order_id, frag_id ORDER BY src_row DESC) = 1`);
  }
  const base = probe.unique ? `SELECT ${cols.map(q).join(', ')} FROM stg_orders` : foldFragments(cols, distinctFrags === staged ? 'stg_orders' : 'order_frags');
  if (!o.withLines) {
    await s.exec(`CREATE TEMP ${probe.unique ? 'VIEW' : 'TABLE'} run_orders AS ${base}`);
  } else {
    const lines = o.withLines.unique ? 'stg_order_lines'
      : '(SELECT * FROM stg_order_lines QUALIFY row_number() OVER (PARTITION BY shop_id, order_id, line_id ORDER BY src_row DESC) = 1)';
    // Folding is the merge's largest statement (three hash tables at once). Unordered, DuckDB
    // builds its output per thread besides them: at 3 M 抖店 rows that ran out of memory_limit
    // (384 MB) in 3 of 8 runs; kept in order, in none of 5.
    await execInOrder(s, `CREATE TEMP TABLE run_orders AS SELECT n.* REPLACE (coalesce(u.units, n.item_count) AS item_count)
      FROM (${base}) n
      LEFT JOIN (SELECT shop_id, order_id, CAST(sum(qty) AS INTEGER) AS units FROM ${lines} GROUP BY ALL) u
        ON u.shop_id = n.shop_id AND u.order_id = n.order_id`);
  }
  // Order rows that repeat on every line row (JD, ERPs) are one order by design, not duplicates.
  const frags = o.orderPerLine ? staged : distinctFrags;
  const keys = probe.unique ? staged : await count(s, 'SELECT count(*) AS n FROM run_orders');
  return { staged, frags, keys };
}

export async function mergeOrders(tx: Warehouse, m: OrdersMergeInput, prepared: PreparedOrders): Promise<OrdersResult> {
  const { staged, frags, keys } = prepared;
  await createNewOrders(tx, m);
  // A run whose shops hold no order (and no origin) yet cannot match a stored row: every
  // order is new, and the diff is the new rows themselves (a view: no copy, no join).
  const stored = (await anyStored(tx, 'orders', m.shops)) || (await anyStored(tx, 'import_order_origins', m.shops));
  let by: ActionCounts;
  let origins = 0;
  if (!stored) {
    await tx.exec(`CREATE TEMP VIEW diff_orders AS
      SELECT *, CAST(NULL AS VARCHAR) AS old_status, false AS has_origin, 'insert' AS action FROM new_orders`);
    by = { insert: keys };
  } else {
    await tx.exec(`CREATE TEMP TABLE diff_orders AS
      SELECT n.*, o.status AS old_status, g.order_id IS NOT NULL AS has_origin,
        CASE WHEN o.order_id IS NULL THEN 'insert'
             WHEN ${tx.dialect.param(1)} = 'erp' AND coalesce(g.role, 'platform') = 'platform' THEN 'linked'
             WHEN ${sameRow('n', 'o', colsOf(orders))} THEN 'same'
             WHEN ${progress('n')} < ${progress('o')} THEN 'stale'
             ELSE 'update' END AS action
      FROM new_orders n
      LEFT JOIN (SELECT * FROM orders o WHERE ${shopIn('o', m.shops)}) o ON o.shop_id = n.shop_id AND o.order_id = n.order_id
      LEFT JOIN (SELECT * FROM import_order_origins g WHERE ${shopIn('g', m.shops)}) g ON g.shop_id = n.shop_id AND g.order_id = n.order_id`, [m.role]);
    by = await countActions(tx, 'diff_orders');
    origins = await count(tx, `SELECT count(*) AS n FROM diff_orders WHERE has_origin AND action IN ('insert', 'update')`);
  }
  const cols = colsOf(orders).map(q).join(', ');
  if (by.update) await tx.exec(`DELETE FROM orders AS o USING diff_orders d WHERE o.shop_id = d.shop_id AND o.order_id = d.order_id AND d.action = 'update'`);
  await tx.exec(`INSERT INTO orders (${cols}) SELECT ${cols} FROM diff_orders WHERE action IN ('insert', 'update')`);
  // Status history keeps every status seen, so "paid → refunded/closed" stays visible.
  await tx.exec(`INSERT INTO order_status_history (shop_id, order_id, seen_at, status, status_raw, run_id)
    SELECT shop_id, order_id, ${tx.dialect.param(1)}, status, status_raw, ${tx.dialect.param(2)} FROM diff_orders
    WHERE action = 'insert' OR (action = 'update' AND (old_status IS DISTINCT FROM status))`, [m.seenAt, m.runId]);
  await recordOrigins(tx, m, origins > 0);
  const c = tableCounts('orders', staged, frags, by);
  return { ...c, unchanged: c.unchanged + (by.stale ?? 0), allNew: !stored };
}

/**
 * `new_orders`: the run's orders as they are merged, `run_orders` itself; generic sources
 * without order amounts take them from their stored lines (a read of the store, so here in
 * the transaction).
 */
/**
 * `new_orders`: the run's orders as they would be stored. With campaigns defined, each takes
 * the campaign its paid day falls in (campaigns.ts), so a re-import compares equal to the
 * stored, stamped row.
 */
async function createNewOrders(tx: Warehouse, m: OrdersMergeInput): Promise<void> {
  const campaign = (await anyCampaign(tx)) ? `coalesce(${campaignOf('n')}, n.campaign_id) AS campaign_id` : undefined;
  if (!m.amountsFromLines) {
    await tx.exec(campaign ? `CREATE TEMP VIEW new_orders AS SELECT n.* REPLACE (${campaign}) FROM run_orders n` : 'CREATE TEMP VIEW new_orders AS SELECT * FROM run_orders');
    return;
  }
  const from = (v: string, col: string) => `CASE WHEN s.order_id IS NULL THEN n.${col} ELSE CAST(${v} AS BIGINT) END AS ${col}`;
  await tx.exec(`CREATE TEMP TABLE new_orders AS
    SELECT n.* REPLACE (${from('s.goods', 'goods_amount')}, ${from('s.paid', 'order_total')}, ${from('CASE WHEN n.paid_at IS NULL THEN 0 ELSE s.paid END', 'paid_amount')}${campaign ? `, ${campaign}` : ''})
    FROM run_orders n
    LEFT JOIN (SELECT l.shop_id, l.order_id, sum(l.goods_amount) AS goods, sum(l.paid_amount) AS paid FROM order_lines l
        WHERE ${shopIn('l', m.shops)} AND EXISTS (SELECT 1 FROM stg_orders x WHERE x.shop_id = l.shop_id AND x.order_id = l.order_id) GROUP BY ALL) s
      ON s.shop_id = n.shop_id AND s.order_id = n.order_id`);
}

/** Which source wrote each order this run wrote (cross-source linking reads it). */
async function recordOrigins(tx: Warehouse, m: OrdersMergeInput, anyOrigin: boolean): Promise<void> {
  const p = tx.dialect.param;
  const written = `d.action IN ('insert', 'update')`;
  if (anyOrigin) {
    await tx.exec(`UPDATE import_order_origins AS g SET role = ${p(1)}, source = ${p(2)}, run_id = ${p(3)},
        amounts_from_lines = g.amounts_from_lines OR ${p(4)}
      FROM diff_orders d WHERE g.shop_id = d.shop_id AND g.order_id = d.order_id AND ${written} AND d.has_origin`, [m.role, m.source, m.runId, m.amountsFromLines]);
  }
  await tx.exec(`INSERT INTO import_order_origins
    SELECT d.shop_id, d.order_id, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, false FROM diff_orders d WHERE ${written} AND NOT d.has_origin`,
    [m.role, m.source, m.runId, m.amountsFromLines]);
}
