/**
 * `npm run bench:analysis`: RFM, a 24 × 24 cohort matrix, the top-100 basket pairs and the LTV
 * fit on the demo store (10 M order lines by default), each in its own process so its peak
 * RSS (Node heap plus DuckDB's buffers, `resourceUsage().maxRSS`) is its own; then the same
 * RFM and cohort computation as plain SQL on DuckDB and on PostgreSQL (127.0.0.1:55432, as
 * `.ci/start-postgres.sh` starts it) with the same paid orders (loaded before, outside the
 * timings), timed in this one process. Printed per analysis: seconds, peak RSS, the goal, the
 * plain-SQL times, PostgreSQL / DuckDB plain SQL and PostgreSQL / ShopLens analysis (goal ≥ 10×).
 *
 * Before the runs the store is migrated and its rollups brought up to date, timed and printed
 * ("rollup refresh"): the analyses read the buyer rollups, so that is a one-off cost of a load,
 * not of a query. A store whose rollups come from older definitions gets a full build here.
 *
 *   ANALYSIS_BENCH_LINES=1000000   demo size when no store is given
 *   ANALYSIS_BENCH_DB=path.duckdb  use an existing demo store instead of generating one (it is
 *                                  migrated and its rollups refreshed in place)
 *   ANALYSIS_BENCH_REBUILD=1       drop the rollups' watermark first: times a full rollup build
 *   ANALYSIS_BENCH_PG=postgres://shoplens:shoplens@127.0.0.1:55432/shoplens_test
 *   node dist/bench/analysis.bench.js --one rfm --db PATH   one analysis on a current store
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { basketAnalysis, cohortAnalysis, ltvAnalysis, rfmAnalysis } from '../src/analysis/index.js';
import { segmentCaseSql } from '../src/analysis/rfm/segments.js';
import { refreshRollups } from '../src/metrics/index.js';
import { openWarehouse, type Warehouse } from '../src/warehouse/index.js';

const SELF = fileURLToPath(import.meta.url);
const runs = {
  rfm: { goal: 2, run: (wh: Warehouse) => rfmAnalysis(wh) },
  // the matrix and per-period rates; the interval distribution (one more pass) is not part of the goal
  cohort: { goal: 2, run: (wh: Warehouse) => cohortAnalysis(wh, { periods: 24, intervals: false }) },
  basket: { goal: null, run: (wh: Warehouse) => basketAnalysis(wh, { top: 100 }) },
  ltv: { goal: 20, run: (wh: Warehouse) => ltvAnalysis(wh) },
} as const;
type RunName = keyof typeof runs;

const secondsSince = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

/** Child mode: one analysis, then its time and the process's peak RSS as JSON. */
async function child(name: RunName, db: string): Promise<void> {
  const wh = await openWarehouse(db, { migrate: false });
  const t = process.hrtime.bigint();
  const result = await runs[name].run(wh);
  const seconds = secondsSince(t);
  await wh.close();
  process.stdout.write(JSON.stringify({ seconds, rssMiB: process.resourceUsage().maxRSS / 1024, summary: result.summary }) + '\n');
}

function demoStore(): { db: string; cleanup: () => void } {
  if (process.env.ANALYSIS_BENCH_DB) return { db: resolve(process.env.ANALYSIS_BENCH_DB), cleanup: () => undefined };
  const lines = process.env.ANALYSIS_BENCH_LINES ?? '10000000';
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-bench-analysis-'));
  const db = join(dir, 'demo.duckdb');
  process.stderr.write(`generating the demo store (${lines} order lines) …\n`);
  const r = spawnSync(process.execPath, [resolve('bin/shoplens.js'), 'demo', '--orders', lines, '--seed', '42', '--end', '2026-06-30', '--db', db], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
  return { db, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The plain-SQL RFM and cohort of the comparison, per engine (same result, each engine's idiom). */
function plainSql(engine: 'duckdb' | 'postgres', table: string) {
  const q = engine === 'duckdb' ? 'quantile_disc(x, [0.2, 0.4, 0.6, 0.8])' : 'percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY x)';
  const quant = (col: string) => q.replace(/\bx\b/g, col);
  const idx = (arr: string, i: number) => `${arr}[${i}]`; // both engines index arrays from 1
  const score = (col: string, arr: string, reverse: boolean) => {
    const above = [1, 2, 3, 4].map((i) => `(CASE WHEN ${col} > ${idx(arr, i)} THEN 1 ELSE 0 END)`).join(' + ');
    return reverse ? `5 - (${above})` : `1 + ${above}`;
  };
  const rfm = `WITH b AS (SELECT shop_id, customer_id, (SELECT max(paid_day) + 1 FROM ${table}) - max(paid_day) AS r, count(*) AS f, sum(paid_amount) AS m
      FROM ${table} GROUP BY shop_id, customer_id),
    c AS (SELECT ${quant('r')} AS rq, ${quant('f')} AS fq, ${quant('m')} AS mq FROM b),
    s AS (SELECT b.*, ${score('r', 'c.rq', true)} AS r_score, ${score('f', 'c.fq', false)} AS f_score, ${score('m', 'c.mq', false)} AS m_score FROM b CROSS JOIN c)
    SELECT ${segmentCaseSql(3)} AS segment, count(*) AS buyers, sum(m) AS paid FROM s GROUP BY 1 ORDER BY 1`;
  const month = engine === 'duckdb' ? `CAST(date_trunc('month', paid_day) AS DATE)` : `CAST(date_trunc('month', paid_day) AS DATE)`;
  const months = engine === 'duckdb' ? `date_diff('month', f.c, bp.p)` : `((extract(year FROM bp.p) - extract(year FROM f.c)) * 12 + extract(month FROM bp.p) - extract(month FROM f.c))`;
  const cohort = `WITH bp AS (SELECT shop_id, customer_id, ${month} AS p, count(*) AS n, sum(paid_amount) AS a FROM ${table} GROUP BY 1, 2, 3),
    f AS (SELECT shop_id, customer_id, min(p) AS c FROM bp GROUP BY 1, 2)
    SELECT f.c AS cohort, ${months} AS k, count(*) AS buyers, sum(bp.a) AS paid FROM bp JOIN f ON f.shop_id = bp.shop_id AND f.customer_id = bp.customer_id
    WHERE ${months} < 24 GROUP BY 1, 2 ORDER BY 1, 2`;
  return { rfm, cohort };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { seconds: secondsSince(t), value };
}

async function comparePostgres(db: string): Promise<Record<string, { duck: number; pg: number | null; rows: number }>> {
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-bench-pg-'));
  const csv = join(dir, 'orders.csv');
  const wh = await openWarehouse(db, { migrate: false });
  const out: Record<string, { duck: number; pg: number | null; rows: number }> = {};
  try {
    // The same rows both engines read: paid orders with a buyer, the columns RFM and cohorts use.
    await wh.exec(`CREATE TEMP TABLE bench_orders AS SELECT shop_id, customer_id, order_id, paid_day, paid_amount FROM orders
      WHERE paid_day IS NOT NULL AND customer_id IS NOT NULL`);
    await wh.exec(`COPY bench_orders TO '${csv}' (HEADER false)`);
    const duckSql = plainSql('duckdb', 'bench_orders');
    const duck = { rfm: await timed(() => wh.query(duckSql.rfm)), cohort: await timed(() => wh.query(duckSql.cohort)) };
    const url = process.env.ANALYSIS_BENCH_PG ?? 'postgres://shoplens:shoplens@127.0.0.1:55432/shoplens_test';
    const client = new pg.Client({ connectionString: url });
    let pgTimes: { rfm: number; cohort: number } | null = null;
    try {
      await client.connect();
      await client.query('DROP TABLE IF EXISTS bench_orders');
      await client.query('CREATE UNLOGGED TABLE bench_orders (shop_id text, customer_id text, order_id text, paid_day date, paid_amount bigint)');
      const u = new URL(url);
      const load = spawnSync('psql', ['-h', u.hostname, '-p', u.port, '-U', u.username, '-d', u.pathname.slice(1), '-c', `\\copy bench_orders FROM '${csv}' CSV`], {
        encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) },
      });
      if (load.status !== 0) throw new Error(`psql \\copy failed: ${load.stderr}`);
      await client.query('ANALYZE bench_orders');
      const pgSql = plainSql('postgres', 'bench_orders');
      const r = await timed(() => client.query(pgSql.rfm));
      const c = await timed(() => client.query(pgSql.cohort));
      // Same answer on both engines, or the comparison means nothing.
      if (JSON.stringify(r.value.rows.map((x) => [x.segment, Number(x.buyers)])) !== JSON.stringify(duck.rfm.value.map((x) => [x.segment, Number(x.buyers)]))) {
        throw new Error('PostgreSQL and DuckDB RFM differ');
      }
      pgTimes = { rfm: r.seconds, cohort: c.seconds };
      await client.query('DROP TABLE bench_orders');
    } catch (e) {
      process.stderr.write(`PostgreSQL comparison skipped: ${(e as Error).message}\n(start it with: bash .ci/start-postgres.sh)\n`);
    } finally {
      await client.end().catch(() => undefined);
    }
    out.rfm = { duck: duck.rfm.seconds, pg: pgTimes?.rfm ?? null, rows: duck.rfm.value.length };
    out.cohort = { duck: duck.cohort.seconds, pg: pgTimes?.cohort ?? null, rows: duck.cohort.value.length };
  } finally {
    await wh.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Migrates the store and refreshes its rollups (a full build with ANALYSIS_BENCH_REBUILD=1): seconds and peak RSS of this process so far. */
async function prepare(db: string): Promise<{ seconds: number; rssMiB: number; rebuilt: boolean }> {
  const wh = await openWarehouse(db);
  try {
    if (process.env.ANALYSIS_BENCH_REBUILD === '1') await wh.exec('DELETE FROM rollup_state');
    const t = process.hrtime.bigint();
    const rebuilt = await refreshRollups(wh);
    return { seconds: secondsSince(t), rssMiB: process.resourceUsage().maxRSS / 1024, rebuilt };
  } finally {
    await wh.close();
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--one');
  if (i > 0) return child(process.argv[i + 1] as RunName, process.argv[process.argv.indexOf('--db') + 1]!);
  const store = demoStore();
  try {
    const info = spawnSync(process.execPath, [resolve('bin/shoplens.js'), 'sql', '--db', store.db, '--format', 'json',
      `SELECT (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM orders WHERE paid_day IS NOT NULL) AS paid_orders,
        (SELECT count(*) FROM (SELECT DISTINCT shop_id, customer_id FROM orders WHERE customer_id IS NOT NULL AND paid_day IS NOT NULL) b) AS buyers`], { encoding: 'utf8' });
    process.stderr.write(`store: ${info.stdout.replace(/\s+/g, ' ')}\n`);
    process.stderr.write('rollup refresh …\n');
    const prep = await prepare(store.db);
    console.log(`rollup refresh: ${prep.seconds.toFixed(1)} s (${prep.rebuilt ? 'refreshed' : 'already current'}), peak RSS ${Math.round(prep.rssMiB)} MiB`);
    const results: Record<string, { seconds: number; rssMiB: number; summary: Record<string, unknown> }> = {};
    for (const name of Object.keys(runs) as RunName[]) {
      process.stderr.write(`${name} …\n`);
      const r = spawnSync(process.execPath, [SELF, '--one', name, '--db', store.db], { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (r.status !== 0) throw new Error(`${name} failed:\n${r.stderr}`);
      results[name] = JSON.parse(r.stdout.trim().split('\n').pop()!);
    }
    process.stderr.write('plain SQL on DuckDB and PostgreSQL …\n');
    const cmp = await comparePostgres(store.db);
    console.table((Object.keys(runs) as RunName[]).map((name) => {
      const r = results[name]!;
      const c = cmp[name];
      const goal = runs[name].goal;
      return {
        analysis: name,
        seconds: r.seconds.toFixed(2),
        'peak RSS MiB': Math.round(r.rssMiB),
        goal: goal === null ? '' : `< ${goal} s ${r.seconds < goal ? 'met' : 'MISSED'}`,
        'plain SQL DuckDB s': c ? c.duck.toFixed(2) : '',
        'plain SQL PostgreSQL s': c?.pg != null ? c.pg.toFixed(2) : '',
        'PostgreSQL / DuckDB plain': c?.pg != null ? (c.pg / c.duck).toFixed(1) + '×' : '',
        'PostgreSQL / ShopLens analysis': c?.pg != null ? `${(c.pg / r.seconds).toFixed(1)}× ${c.pg / r.seconds >= 10 ? 'met' : 'MISSED'}` : '',
      };
    }));
    console.log('ltv fit:', JSON.stringify(results.ltv?.summary));
  } finally {
    store.cleanup();
  }
}

await main();
