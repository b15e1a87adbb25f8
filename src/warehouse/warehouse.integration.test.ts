import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bigint, defineTable, orders, shops, str, warehouseTables, type OrderRow } from '../model/index.js';
import { tempStore } from '../../test/helpers/store.js';
import { currentSchemaVersion, latestSchemaVersion, migrate } from './migrations.js';
import { openWarehouse } from './open.js';
import type { Warehouse } from './warehouse.js';
import { isShopLensError } from '../core/errors.js';

const duckTypeOf = { string: 'VARCHAR', int: 'INTEGER', bigint: 'BIGINT', money: 'BIGINT', float: 'DOUBLE', bool: 'BOOLEAN', timestamp: 'TIMESTAMP', day: 'DATE', json: 'VARCHAR' } as const;

function order(id: string, paidFen: bigint): OrderRow {
  const t = new Date(Date.UTC(2026, 2, 1, 2));
  return {
    shop_id: 's1', order_id: id, customer_id: 'c1', created_at: t, created_day: '2026-03-01', paid_at: t, paid_day: '2026-03-01',
    shipped_at: null, finished_at: null, status: 'paid', status_raw: '买家已付款,等待卖家发货', goods_amount: paidFen,
    discount_platform: 0n, discount_shop: 0n, discount_creator: 0n, shipping_fee: 0n, order_total: paidFen, paid_amount: paidFen,
    source: null, campaign_id: null, province: null, city: null, live_session_id: null, creator_id: null, item_count: 1,
  };
}

/**
 * The server answers several requests at once on one warehouse, and an analysis may load a temp
 * table while another request queries: the warehouse queues statements on its one connection.
 */
const scratch = defineTable({
  name: 'concurrency_scratch',
  grain: 'one row per number',
  key: ['n'],
  columns: { n: bigint('a number'), label: str('its text') },
});

describe('DuckDB warehouse', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let wh: Warehouse;
  before(async () => {
    store = await tempStore();
    wh = store.wh;
  });
  after(async () => store.cleanup());

  it('creates every model table with exactly the model’s columns, types and nullability', async () => {
    const rows = await wh.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns ORDER BY table_name, ordinal_position`,
    );
    for (const t of warehouseTables) {
      const actual = rows.filter((r) => r.table_name === t.name).map((r) => `${r.column_name} ${r.data_type} ${r.is_nullable}`);
      const expected = Object.entries(t.columns).map(([n, c]) => `${n} ${duckTypeOf[c.kind]} ${c.isNullable ? 'YES' : 'NO'}`);
      assert.deepEqual(actual, expected, `table ${t.name}`);
    }
  });

  it('sums 1,000,000 × 0.01 to exactly 10000.00', async () => {
    await wh.exec('CREATE TEMP TABLE cents AS SELECT 1::BIGINT AS fen FROM range(1000000)');
    const [r] = await wh.query<{ s: bigint }>('SELECT sum(fen) AS s FROM cents');
    assert.equal(r?.s, 1_000_000n);
    assert.equal(typeof r?.s, 'bigint');
  });

  it('round-trips 19-digit order ids and amounts beyond 2^53 fen exactly', async () => {
    const big = 9_007_199_254_740_993n; // 2^53 + 1: not representable as a JS number
    await wh.bulkLoad(orders, [order('1234567890123456789', big), order('0000000000000000001', 1n)]);
    const got = await wh.query<{ order_id: string; paid_amount: bigint }>(
      `SELECT order_id, paid_amount FROM orders ORDER BY order_id`,
    );
    assert.deepEqual(got, [
      { order_id: '0000000000000000001', paid_amount: 1n },
      { order_id: '1234567890123456789', paid_amount: big },
    ]);
    const [sum] = await wh.query<{ s: bigint }>('SELECT sum(paid_amount) AS s FROM orders');
    assert.equal(sum?.s, big + 1n);
  });

  it('reads DECIMAL as exact text, DATE as day text and TIMESTAMP as a Date', async () => {
    const [r] = await wh.query(`SELECT 12345678901234567.89::DECIMAL(38,2) AS d, DATE '2024-02-29' AS day, TIMESTAMP '2026-03-01 10:00:00' AS t`);
    assert.equal(r?.d, '12345678901234567.89');
    assert.equal(r?.day, '2024-02-29');
    assert.deepEqual(r?.t, new Date(Date.UTC(2026, 2, 1, 10)));
  });

  it('binds values instead of splicing them: an injection attempt is just a string', async () => {
    await wh.bulkLoad(shops, [{ shop_id: 's1', platform: 'tmall', name: 'T', timezone: 'Asia/Shanghai', currency: 'CNY', has_live: false }]);
    const evil = "s1' OR '1'='1";
    const rows = await wh.query(`SELECT * FROM shops WHERE shop_id = ${wh.dialect.param(1)}`, [evil]);
    assert.equal(rows.length, 0);
    const drop = "x'); DROP TABLE shops; --";
    await wh.query(`SELECT * FROM shops WHERE name = ${wh.dialect.param(1)}`, [drop]);
    const [n] = await wh.query<{ n: bigint }>('SELECT count(*) AS n FROM shops');
    assert.equal(n?.n, 1n);
  });

  it('compares a bound day text with a DATE column', async () => {
    const rows = await wh.query(`SELECT order_id FROM orders WHERE paid_day >= ${wh.dialect.param(1)} AND paid_day <= ${wh.dialect.param(2)}`, ['2026-03-01', '2026-03-01']);
    assert.equal(rows.length, 2);
  });

  it('rolls a failed transaction back whole', async () => {
    await assert.rejects(
      wh.transaction(async (tx) => {
        await tx.bulkLoad(orders, [order('999', 5n)]);
        await tx.exec('SELECT * FROM no_such_table');
      }),
    );
    const rows = await wh.query(`SELECT * FROM orders WHERE order_id = '999'`);
    assert.equal(rows.length, 0);
  });

  it('runs a session on its own connection: its TEMP tables are seen by its transaction, a rollback keeps the store', async () => {
    const landed = await wh.session(async (s) => {
      await s.exec(`CREATE TEMP TABLE prepared AS SELECT '998' AS order_id UNION ALL SELECT '997'`);
      // the store's shared connection does not see the session's TEMP table
      await assert.rejects(wh.query('SELECT * FROM prepared'));
      await assert.rejects(s.transaction(async (tx) => {
        await tx.bulkLoad(orders, [order('996', 1n)]);
        throw new Error('stop');
      }));
      return s.transaction(async (tx) => {
        const seen = await tx.query<{ n: bigint }>('SELECT count(*) AS n FROM prepared');
        await tx.bulkLoad(orders, [order('998', 7n)]);
        return Number(seen[0]!.n);
      });
    });
    assert.equal(landed, 2);
    const rows = await wh.query<{ order_id: string }>(`SELECT order_id FROM orders WHERE order_id IN ('996', '998') ORDER BY order_id`);
    assert.deepEqual(rows.map((r) => r.order_id), ['998']);
  });

  it('tells how far a long statement is once a session tracks progress, and nothing otherwise', async () => {
    // md5 over 8 M rows runs for a good part of a second on any machine that runs these tests
    const heavy = 'SELECT sum(length(md5(CAST(i AS VARCHAR)))) AS n FROM progress_rows';
    const watch = async (s: Warehouse) => {
      const seen: Array<number | undefined> = [];
      const timer = setInterval(() => seen.push(s.queryProgress()), 5);
      try {
        await s.query(heavy);
      } finally {
        clearInterval(timer);
      }
      return seen;
    };
    await wh.session(async (s) => {
      await s.exec('CREATE TEMP TABLE progress_rows AS SELECT i FROM range(8000000) r(i)');
      const untracked = await watch(s);
      assert.ok(untracked.length > 0 && untracked.every((p) => p === undefined), 'untracked: no figure');
      await s.trackProgress();
      assert.equal(s.queryProgress(), undefined, 'nothing runs');
      const seen = (await watch(s)).filter((p): p is number => p !== undefined);
      const between = seen.filter((p) => p > 0 && p < 1);
      assert.ok(between.length >= 2, `figures between 0 and 1 while it runs (saw ${seen.length} figures)`);
      assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'never goes back');
    });
  });

  it('migrates idempotently and refuses a store from a newer schema', async () => {
    const latest = latestSchemaVersion();
    assert.deepEqual(await migrate(wh), { from: latest, to: latest });
    assert.equal(await currentSchemaVersion(wh), latest);
    await wh.exec(`INSERT INTO schema_migrations VALUES (${latest + 1}, now())`);
    await wh.close();
    await assert.rejects(openWarehouse(store.path), (e) => isShopLensError(e) && e.code === 'WAREHOUSE_SCHEMA_TOO_NEW');
    wh = await openWarehouse(store.path, { migrate: false });
    store.wh = wh;
  });

  it('answers many overlapping queries and bulk loads on one warehouse, each correctly', async () => {
    // Σ 1..n = n(n+1)/2, worked out independently of DuckDB for every n below.
    const sizes = Array.from({ length: 24 }, (_, i) => 3_000_000 + i * 1_000);
    const loads = [0, 1, 2].map(async (k) => {
      const name = `concurrency_scratch_${k}`;
      await wh.exec(`CREATE TEMP TABLE ${name} (n BIGINT NOT NULL, label VARCHAR NOT NULL)`);
      async function* rows() {
        for (let i = 1; i <= 200_000; i++) {
          if (i % 2_048 === 0) await new Promise((r) => setImmediate(r)); // let the queries interleave
          yield { n: BigInt(i), label: String(i) };
        }
      }
      const written = await wh.bulkLoad(scratch, rows(), { into: name });
      const [row] = await wh.query<{ s: bigint }>(`SELECT sum(n) AS s FROM ${name}`);
      return { written, sum: row!.s };
    });
    const sums = sizes.map((n) => wh.query<{ s: bigint }>(`SELECT sum(i) AS s FROM range(1, CAST($1 AS BIGINT) + 1) t(i)`, [n]).then((r) => r[0]!.s));
    const [loaded, answers] = await Promise.all([Promise.all(loads), Promise.all(sums)]);
    assert.deepEqual(answers, sizes.map((n) => BigInt(n) * BigInt(n + 1) / 2n));
    for (const l of loaded) assert.deepEqual(l, { written: 200_000, sum: 200_000n * 200_001n / 2n });
  });
});
