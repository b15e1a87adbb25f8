/**
 * The demo store, generated once at 100,000 lines, checked with SQL that is independent of
 * the generator's own variables: grain and keys, money that adds up, tables that agree with
 * each other, and the planted incidents visible in the data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { canonicalTables } from '../model/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { tempStore } from '../../test/helpers/store.js';
import { generateDemo, type DemoSummary } from './generate.js';

const END = '2026-06-30';
let store: Awaited<ReturnType<typeof tempStore>>;
let wh: Warehouse;
let summary: DemoSummary;
const one = async <T = bigint>(sql: string, params: (string | number)[] = []): Promise<T> =>
  Object.values((await wh.query(sql, params))[0]!)[0] as T;

before(async () => {
  store = await tempStore();
  wh = store.wh;
  summary = await generateDemo(wh, { orderLines: 100_000, seed: 7, endDay: END });
});
after(async () => store.cleanup());

describe('demo store: shape', () => {
  it('has six shops on tmall (2), taobao, jd, pdd and douyin; only the Douyin shop streams live', async () => {
    const shops = await wh.query<{ platform: string; has_live: boolean }>('SELECT platform, has_live FROM shops ORDER BY platform');
    assert.deepEqual(shops.map((s) => s.platform), ['douyin', 'jd', 'pdd', 'taobao', 'tmall', 'tmall']);
    assert.deepEqual(shops.filter((s) => s.has_live).map((s) => s.platform), ['douyin']);
    assert.equal(await one(`SELECT count(*) FROM live_sessions WHERE shop_id <> 'douyin_live'`), 0n);
    assert.equal(summary.shops, 6);
  });

  it('spans 24 months ending on the end day, and every shop sells in the first and the last week', async () => {
    assert.equal(await one<string>('SELECT min(created_day) FROM orders'), '2024-07-01');
    assert.equal(await one<string>('SELECT max(created_day) FROM orders'), END);
    const shopsFirstWeek = await one(`SELECT count(DISTINCT shop_id) FROM orders WHERE created_day <= '2024-07-07'`);
    const shopsLastWeek = await one(`SELECT count(DISTINCT shop_id) FROM orders WHERE created_day >= '2026-06-24'`);
    assert.deepEqual([shopsFirstWeek, shopsLastWeek], [6n, 6n]);
    assert.deepEqual([summary.firstDay, summary.lastDay], ['2024-07-01', END]);
  });

  it('generates about the asked number of order lines and fills every canonical table', async () => {
    const lines = Number(await one('SELECT count(*) FROM order_lines'));
    assert.equal(lines, summary.orderLines);
    assert.ok(Math.abs(lines - 100_000) < 3_000, `got ${lines} lines`);
    for (const t of canonicalTables) assert.ok((await one(`SELECT count(*) FROM "${t.name}"`)) > 0n, `${t.name} is empty`);
    assert.equal(await one('SELECT count(*) FROM products'), BigInt(summary.skus));
    assert.ok(summary.skus > 1_700 && summary.skus < 2_300, `~2,000 SKUs, got ${summary.skus}`);
  });

  it('never repeats a key in any table', async () => {
    for (const t of canonicalTables) {
      const key = t.key.map((k) => `"${k}"`).join(', ');
      const dup = await wh.query(`SELECT ${key} FROM "${t.name}" GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`);
      assert.deepEqual(dup, [], `duplicate key in ${t.name}`);
    }
  });

  it('has nothing happen after the end day (Asia/Shanghai midnight is 16:00 UTC)', async () => {
    const endUtc = `TIMESTAMP '${END} 16:00:00'`;
    const late = await one(`
      SELECT (SELECT count(*) FROM orders WHERE greatest(created_at, paid_at, shipped_at, finished_at) >= ${endUtc})
           + (SELECT count(*) FROM refunds WHERE greatest(applied_at, finished_at) >= ${endUtc})
           + (SELECT count(*) FROM settlements WHERE settled_at >= ${endUtc})
           + (SELECT count(*) FROM purchases WHERE arrived_at >= ${endUtc})`);
    assert.equal(late, 0n);
  });

  it('records the load in data_changes', async () => {
    const rows = await wh.query(`SELECT origin, shop_id, CAST(from_day AS VARCHAR) AS f, CAST(to_day AS VARCHAR) AS t FROM data_changes`);
    assert.deepEqual(rows, [{ origin: 'demo', shop_id: '', f: '2024-07-01', t: END }]);
  });
});

describe('demo store: numbers add up', () => {
  it('order total = goods − discounts + shipping, paid = total when paid and 0 otherwise', async () => {
    assert.equal(await one(`SELECT count(*) FROM orders WHERE order_total <> goods_amount - discount_platform - discount_shop - discount_creator + shipping_fee`), 0n);
    assert.equal(await one(`SELECT count(*) FROM orders WHERE paid_amount <> CASE WHEN paid_at IS NULL THEN 0 ELSE order_total END`), 0n);
    assert.equal(await one(`SELECT count(*) FROM orders WHERE order_total <= 0`), 0n);
  });

  it('lines add up to their order exactly: goods, discounts, paid amount and units', async () => {
    const bad = await one(`
      SELECT count(*) FROM orders o JOIN (
        SELECT shop_id, order_id, sum(goods_amount) g, sum(discount_amount) d, sum(paid_amount) p, sum(qty) q,
               count(*) FILTER (WHERE goods_amount <> qty * unit_price) wrong_goods
        FROM order_lines GROUP BY ALL) l USING (shop_id, order_id)
      WHERE l.g <> o.goods_amount OR l.d <> o.discount_platform + o.discount_shop + o.discount_creator
         OR l.p <> o.paid_amount OR l.q <> o.item_count OR l.wrong_goods > 0`);
    assert.equal(bad, 0n);
    assert.equal(await one(`SELECT count(*) FROM orders o ANTI JOIN order_lines l USING (shop_id, order_id)`), 0n);
  });

  it('pays out completed orders net of successful refunds, and only those', async () => {
    const bad = await one(`
      SELECT count(*) FROM settlements s JOIN orders o USING (shop_id, order_id)
      LEFT JOIN (SELECT shop_id, order_id, sum(amount) r FROM refunds WHERE status = 'success' GROUP BY ALL) r USING (shop_id, order_id)
      WHERE s.amount + s.fee <> o.paid_amount - coalesce(r.r, 0) OR o.status <> 'completed' OR s.settled_at < o.finished_at`);
    assert.equal(bad, 0n);
  });

  it('hides the buyer on Pinduoduo orders only, as its exports do', async () => {
    const rows = await wh.query<{ shop_id: string; hidden: bigint; shown: bigint }>(`
      SELECT shop_id, count(*) FILTER (WHERE customer_id IS NULL) hidden, count(customer_id) shown FROM orders GROUP BY ALL ORDER BY shop_id`);
    for (const r of rows) assert.ok(r.shop_id === 'pdd_store' ? r.shown === 0n : r.hidden === 0n, r.shop_id);
  });

  it('counts traffic buyers as the distinct paying buyers of the day’s orders from the source', async () => {
    const bad = await one(`
      SELECT count(*) FROM traffic_daily t FULL JOIN (
        SELECT shop_id, created_day AS day, source, count(DISTINCT customer_id) b FROM orders
        WHERE paid_at IS NOT NULL AND shop_id <> 'pdd_store' GROUP BY ALL) o USING (shop_id, day, source)
      WHERE (t.shop_id IS NULL OR t.shop_id <> 'pdd_store') AND coalesce(t.buyers, 0) <> coalesce(o.b, 0)`);
    assert.equal(bad, 0n);
  });

  it('converts 2–6 % of visitors in every shop, and has a realistic share of returning buyers', async () => {
    const conv = await wh.query<{ shop_id: string; cr: number }>(`SELECT shop_id, sum(buyers) / sum(visitors) cr FROM traffic_daily GROUP BY ALL`);
    for (const c of conv) assert.ok(c.cr > 0.02 && c.cr < 0.06, `${c.shop_id}: ${c.cr}`);
    const repeat = await one<number>(`
      SELECT avg((n >= 2)::INT) FROM (SELECT shop_id, customer_id, count(*) n FROM orders
      WHERE paid_at IS NOT NULL AND customer_id IS NOT NULL AND paid_day > '2025-06-30' GROUP BY ALL)`);
    assert.ok(repeat > 0.2 && repeat < 0.4, `share of last year's buyers who bought again: ${repeat}`);
  });

  it('sums each live session from its paid orders', async () => {
    const bad = await one(`
      SELECT count(*) FROM live_sessions l LEFT JOIN (
        SELECT shop_id, live_session_id AS session_id, sum(order_total) g, count(*) n FROM orders
        WHERE paid_at IS NOT NULL AND live_session_id IS NOT NULL GROUP BY ALL) o USING (shop_id, session_id)
      WHERE l.gmv <> coalesce(o.g, 0) OR l.orders <> coalesce(o.n, 0)`);
    assert.equal(bad, 0n);
  });

  it('never sells more than the stock: available ≤ on hand, nothing negative, one snapshot per SKU and day', async () => {
    assert.equal(await one(`SELECT count(*) FROM inventory_daily WHERE available < 0 OR available > on_hand OR in_transit < 0`), 0n);
    assert.equal(await one(`SELECT count(*) FROM inventory_daily`), BigInt(summary.skus * 730));
  });

  it('has three phases per campaign and stamps orders paid in a phase with the campaign', async () => {
    assert.equal(await one(`SELECT count(*) FROM campaigns`), 4n);
    assert.equal(await one(`SELECT count(*) FROM campaign_phases`), 12n);
    const stray = await one(`
      SELECT count(*) FROM orders o LEFT JOIN campaign_phases p ON p.campaign_id = o.campaign_id AND o.paid_day BETWEEN p.start_day AND p.end_day
      WHERE o.campaign_id IS NOT NULL AND p.phase IS NULL`);
    assert.equal(stray, 0n);
    assert.ok((await one(`SELECT count(*) FROM orders WHERE campaign_id = 'demo-2025-double11'`)) > 0n);
  });
});

describe('demo store: planted incidents', () => {
  const incident = async (kind: string) =>
    (await wh.query<{ shop_id: string; sku_id: string | null; source: string | null; start_day: string; end_day: string }>(
      `SELECT shop_id, sku_id, source, start_day, end_day FROM incidents WHERE kind = $1`, [kind]))[0]!;

  it('lists the four incidents', async () => {
    const kinds = await wh.query<{ kind: string }>('SELECT kind FROM incidents ORDER BY kind');
    assert.deepEqual(kinds.map((k) => k.kind), ['conversion_drop', 'data_gap', 'refund_spike', 'stockout']);
  });

  it('stock-out: available 0 and no sales in the window, sales in the two weeks before', async () => {
    const i = await incident('stockout');
    const args = [i.shop_id, i.sku_id!, i.start_day, i.end_day];
    assert.equal(await one(`SELECT count(*) FROM inventory_daily WHERE shop_id = $1 AND sku_id = $2 AND day BETWEEN $3 AND $4 AND available = 0`, args), 6n);
    assert.equal(await one(`SELECT count(*) FROM order_lines WHERE shop_id = $1 AND sku_id = $2 AND paid_day BETWEEN $3 AND $4`, args), 0n);
    const before = await one(`SELECT coalesce(sum(qty), 0) FROM order_lines WHERE shop_id = $1 AND sku_id = $2 AND paid_day BETWEEN CAST($3 AS DATE) - 14 AND CAST($3 AS DATE) - 1`, args.slice(0, 3));
    assert.ok(before >= 14n, `sold ${before} units in the two weeks before`);
  });

  it('conversion drop: the source’s conversion falls below 60 % of the four weeks before while visitors hold', async () => {
    const i = await incident('conversion_drop');
    const [r] = await wh.query<{ cr_in: number; cr_before: number; v_in: number; v_before: number }>(`
      SELECT sum(buyers) FILTER (WHERE day >= $3) / sum(visitors) FILTER (WHERE day >= $3) cr_in,
             sum(buyers) FILTER (WHERE day < $3) / sum(visitors) FILTER (WHERE day < $3) cr_before,
             avg(visitors) FILTER (WHERE day >= $3) v_in, avg(visitors) FILTER (WHERE day < $3) v_before
      FROM traffic_daily WHERE shop_id = $1 AND source = $2 AND sku_id = '' AND day BETWEEN CAST($3 AS DATE) - 28 AND $4`,
      [i.shop_id, i.source!, i.start_day, i.end_day]);
    assert.ok(r!.cr_in < 0.6 * r!.cr_before, `conversion ${r!.cr_in} vs ${r!.cr_before}`);
    assert.ok(r!.v_in > 0.8 * r!.v_before && r!.v_in < 1.25 * r!.v_before, `visitors ${r!.v_in} vs ${r!.v_before}`);
  });

  it('refund spike: the SKU’s lines paid in the window are refunded at several times its usual rate, for 质量问题', async () => {
    const i = await incident('refund_spike');
    const [r] = await wh.query<{ rate_in: number; rate_out: number; quality_in: number }>(`
      WITH l AS (
        SELECT l.paid_day BETWEEN $3 AND $4 AS inside, r.refund_id IS NOT NULL AS refunded, r.reason = '质量问题' AS quality
        FROM order_lines l LEFT JOIN refunds r USING (shop_id, order_id, line_id)
        WHERE l.shop_id = $1 AND l.sku_id = $2 AND l.paid_day IS NOT NULL)
      SELECT avg(refunded::INT) FILTER (WHERE inside) rate_in, avg(refunded::INT) FILTER (WHERE NOT inside) rate_out,
             avg(coalesce(quality, false)::INT) FILTER (WHERE inside) quality_in FROM l`,
      [i.shop_id, i.sku_id!, i.start_day, i.end_day]);
    assert.ok(r!.rate_in > 4 * r!.rate_out, `refund rate ${r!.rate_in} vs ${r!.rate_out}`);
    assert.ok(r!.quality_in > 0.25, `质量问题 share ${r!.quality_in}`);
  });

  it('data gap: no orders, traffic or ads for the shop in the window, data on the days either side', async () => {
    const i = await incident('data_gap');
    for (const [table, dayCol] of [['orders', 'created_day'], ['traffic_daily', 'day'], ['ad_spend_daily', 'day']] as const) {
      const args = [i.shop_id, i.start_day, i.end_day];
      assert.equal(await one(`SELECT count(*) FROM ${table} WHERE shop_id = $1 AND ${dayCol} BETWEEN $2 AND $3`, args), 0n, table);
      assert.ok((await one(`SELECT count(*) FROM ${table} WHERE shop_id = $1 AND ${dayCol} = CAST($2 AS DATE) - 1`, [i.shop_id, i.start_day])) > 0n, `${table} before`);
      assert.ok((await one(`SELECT count(*) FROM ${table} WHERE shop_id = $1 AND ${dayCol} = CAST($2 AS DATE) + 1`, [i.shop_id, i.end_day])) > 0n, `${table} after`);
    }
  });
});
