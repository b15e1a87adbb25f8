/**
 * `npm run bench:metrics`: the metric layer on the demo store (10 M order lines by default).
 * Measures, warm (median of several runs after a warm-up), in one process:
 *   - a 12-metric overview of the last full month with 同比, through runMetricQuery;
 *   - the same overview written by hand as one SQL statement and run raw on DuckDB;
 *   - a 3-level drill-down (platform → shop → category) through runMetricQuery, and by hand;
 *   - the overview on base tables only (rollups off), for reference;
 * and reports the ratios. Flags: --db <path> (an existing store; default a cached demo store),
 * --orders <n> (order lines to generate when the store does not exist), --runs <n>.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateDemo } from '../src/demo/index.js';
import { addDays } from '../src/core/time.js';
import { compileMetricQuery, loadCatalog, runMetricQuery, type MetricQuery } from '../src/metrics/index.js';
import { refreshRollups } from '../src/metrics/rollups/refresh.js';
import { addMonthsToDay } from '../src/metrics/time/periods.js';
import { openWarehouse, type Warehouse } from '../src/warehouse/index.js';

/**
 * The benchmark's baseline: the overview and drill-down as an analyst would write them by hand
 * on the same tables (rollups for orders, lines and buyers; base tables for traffic, refunds
 * and ads). $1/$2 the month, $3/$4 the same month last year.
 */
const period = (a: string, b: string) => `
  (SELECT sum(paid_amount) FROM rollup_orders_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS paid,
  (SELECT sum(paid_orders) FROM rollup_orders_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS orders,
  (SELECT sum(gmv) FROM rollup_orders_created_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS gmv,
  (SELECT count(DISTINCT buyer_no) FROM rollup_buyers_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS buyers,
  (SELECT sum(visitors) FROM traffic_daily WHERE sku_id = '' AND day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS visitors,
  (SELECT sum(amount) FROM refunds WHERE status = 'success' AND finished_day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS refunded,
  (SELECT sum(cogs) FROM rollup_lines_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS sold_cogs,
  (SELECT coalesce(sum(r.qty * coalesce(p.unit_cost, 0)), 0) FROM refunds r LEFT JOIN products p ON p.shop_id = r.shop_id AND p.sku_id = r.sku_id
     WHERE r.status = 'success' AND r.type = 'return_refund' AND r.finished_day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS returned_cogs,
  (SELECT sum(cost) FROM ad_spend_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS ad_cost,
  (SELECT sum(attributed_gmv) FROM ad_spend_daily WHERE day BETWEEN CAST(${a} AS DATE) AND CAST(${b} AS DATE)) AS ad_gmv`;

const metrics = (x: string) => `
  ${x}.gmv AS gmv${x === 'p' ? '_prev' : ''}, ${x}.paid AS paid_amount${x === 'p' ? '_prev' : ''}, ${x}.orders AS paid_orders${x === 'p' ? '_prev' : ''},
  ${x}.buyers AS paying_buyers${x === 'p' ? '_prev' : ''}, ${x}.paid / nullif(${x}.buyers, 0) AS aov${x === 'p' ? '_prev' : ''},
  ${x}.visitors AS visitors${x === 'p' ? '_prev' : ''}, ${x}.buyers / nullif(${x}.visitors, 0) AS conversion_rate${x === 'p' ? '_prev' : ''},
  ${x}.refunded AS refund_amount${x === 'p' ? '_prev' : ''}, ${x}.paid - ${x}.refunded AS net_sales${x === 'p' ? '_prev' : ''},
  ${x}.paid - ${x}.refunded - (${x}.sold_cogs - ${x}.returned_cogs) AS gross_profit${x === 'p' ? '_prev' : ''},
  ${x}.ad_cost AS ad_cost${x === 'p' ? '_prev' : ''}, ${x}.ad_gmv / nullif(${x}.ad_cost, 0) AS roi${x === 'p' ? '_prev' : ''}`;

export const handOverview = `SELECT ${metrics('c')}, ${metrics('p')} FROM (SELECT ${period('$1', '$2')}) c, (SELECT ${period('$3', '$4')}) p`;

/** Paid amount, orders and AOV by platform [→ shop [→ top category]] for $1 … $2. */
export function handDrill(depth: number): string {
  const keys = ['s.platform', 'o.shop_id', 'p.category_l1'].slice(0, depth);
  const names = ['platform', 'shop', 'category_l1'].slice(0, depth);
  const sel = keys.map((k, i) => `${k} AS ${names[i]}`).join(', ');
  const by = names.map((_, i) => i + 1).join(', ');
  if (depth < 3) {
    return `WITH o AS (SELECT ${sel.replace(/o\.shop_id/g, 'ro.shop_id')}, sum(ro.paid_amount) AS paid, sum(ro.paid_orders) AS orders FROM rollup_orders_daily ro JOIN shops s ON s.shop_id = ro.shop_id WHERE ro.day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) GROUP BY ${by}),
      b AS (SELECT ${sel.replace(/o\.shop_id/g, 'rb.shop_id')}, count(DISTINCT rb.buyer_no) AS buyers FROM rollup_buyers_daily rb JOIN shops s ON s.shop_id = rb.shop_id WHERE rb.day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) GROUP BY ${by})
      SELECT o.*, o.paid / nullif(b.buyers, 0) AS aov FROM o JOIN b USING (${names.join(', ')}) ORDER BY ${by}`;
  }
  // by category the order measures come from lines: orders and buyers counted distinct per category
  return `SELECT s.platform, l.shop_id AS shop, p.category_l1, sum(l.paid_amount) AS paid, count(DISTINCT l.order_id) AS orders,
      sum(l.paid_amount) / nullif(count(DISTINCT coalesce(o.customer_id, 'order:' || o.order_id)), 0) AS aov
    FROM order_lines l JOIN orders o ON o.shop_id = l.shop_id AND o.order_id = l.order_id JOIN shops s ON s.shop_id = l.shop_id
    LEFT JOIN products p ON p.shop_id = l.shop_id AND p.sku_id = l.sku_id
    WHERE l.paid_day BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const orders = Number(arg('--orders') ?? 10_000_000);
const runs = Number(arg('--runs') ?? 7);
const db = arg('--db') ?? `/tmp/shoplens-bench/demo-${orders}.duckdb`;

const OVERVIEW = ['gmv', 'paid_amount', 'paid_orders', 'paying_buyers', 'aov', 'visitors', 'conversion_rate', 'refund_amount', 'net_sales', 'gross_profit', 'ad_cost', 'roi'];

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)]!;
}

async function open(): Promise<Warehouse> {
  if (existsSync(db)) return openWarehouse(db);
  mkdirSync(dirname(db), { recursive: true });
  process.stderr.write(`generating the demo store (${orders.toLocaleString('en-US')} order lines) at ${db} …\n`);
  const wh = await openWarehouse(db, { memoryLimit: '2GB' });
  await generateDemo(wh, { orderLines: orders, seed: 42, endDay: '2026-06-30' });
  return wh;
}

const wh = await open();
const catalog = loadCatalog();
const [{ lines, last }] = (await wh.query<{ lines: bigint; last: string }>('SELECT (SELECT count(*) FROM order_lines) AS lines, (SELECT max(paid_day) FROM orders) AS last')) as [{ lines: bigint; last: string }];
// the last full month of data
const monthEnd = addDays(`${last.slice(0, 7)}-01`, -1);
const from = `${monthEnd.slice(0, 7)}-01`;
const prevFrom = addMonthsToDay(from, -12);
const prevTo = addMonthsToDay(monthEnd, -12, true);

const t0 = process.hrtime.bigint();
await refreshRollups(wh);
const rollupMs = Number(process.hrtime.bigint() - t0) / 1e6;

const overview: MetricQuery = { metrics: OVERVIEW, from, to: monthEnd, compare: 'yoy' };
const drill = (dims: string[]): MetricQuery => ({ metrics: ['paid_amount', 'paid_orders', 'aov'], dimensions: dims, from, to: monthEnd });
const levels = [['platform'], ['platform', 'shop'], ['platform', 'shop', 'category_l1']];

// The hand-written statements must give the same numbers, or the comparison means nothing.
const mine = (await runMetricQuery(wh, catalog, overview)).rows[0]!;
const [hand] = await wh.query(handOverview, [from, monthEnd, prevFrom, prevTo]);
for (const m of ['paid_amount', 'gmv', 'paying_buyers', 'visitors', 'refund_amount', 'gross_profit', 'ad_cost']) {
  const a = String(mine[m]);
  const b = hand![m];
  const bText = typeof b === 'bigint' ? (m === 'paying_buyers' || m === 'visitors' ? String(b) : `${b / 100n}.${(b % 100n).toString().padStart(2, '0')}`) : String(b);
  if (a !== bText) throw new Error(`hand-written overview disagrees on ${m}: ${a} vs ${bText}`);
}

// The layer's own statements, run raw: what the layer adds on top of DuckDB (compile, freshness check, formatting).
const compiledOverview = compileMetricQuery(catalog, overview, wh.dialect);
const compiledDrill = levels.map((l) => compileMetricQuery(catalog, drill(l), wh.dialect));

const results = {
  overviewCompiledRaw: await timeIt(() => wh.query(compiledOverview.sql, compiledOverview.params)),
  drillCompiledRaw: await timeIt(async () => {
    for (const c of compiledDrill) await wh.query(c.sql, c.params);
  }),
  overviewLayer: await timeIt(() => runMetricQuery(wh, catalog, overview)),
  overviewHand: await timeIt(() => wh.query(handOverview, [from, monthEnd, prevFrom, prevTo])),
  drillLayer: await timeIt(async () => {
    for (const l of levels) await runMetricQuery(wh, catalog, drill(l));
  }),
  drillHand: await timeIt(async () => {
    for (const l of levels) await wh.query(handDrill(l.length), [from, monthEnd]);
  }),
  overviewBase: await timeIt(() => runMetricQuery(wh, catalog, overview, { rollups: false })),
};

const fmt = (x: number) => x.toFixed(1);
process.stdout.write(
  [
    `metric layer benchmark — ${Number(lines).toLocaleString('en-US')} order lines, ${from} … ${monthEnd} vs ${prevFrom} … ${prevTo}, median of ${runs} warm runs`,
    `rollup build (first query after load): ${fmt(rollupMs)} ms`,
    `12-metric overview with 同比:  metric layer ${fmt(results.overviewLayer)} ms | hand SQL raw ${fmt(results.overviewHand)} ms | ratio ${(results.overviewLayer / results.overviewHand).toFixed(2)}× (goal ≤ 1.2×, < 300 ms)`,
    `3-level drill-down:           metric layer ${fmt(results.drillLayer)} ms | hand SQL raw ${fmt(results.drillHand)} ms | ratio ${(results.drillLayer / results.drillHand).toFixed(2)}×`,
    `layer overhead over its own SQL run raw: overview ${fmt(results.overviewCompiledRaw)} ms raw → ${(results.overviewLayer / results.overviewCompiledRaw).toFixed(2)}×; drill-down ${fmt(results.drillCompiledRaw)} ms raw → ${(results.drillLayer / results.drillCompiledRaw).toFixed(2)}×`,
    `overview on base tables only (rollups off): ${fmt(results.overviewBase)} ms (${(results.overviewBase / results.overviewLayer).toFixed(1)}× the rollup path)`,
  ].join('\n') + '\n',
);
await wh.close();
