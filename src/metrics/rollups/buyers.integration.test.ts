/**
 * Buyer rollups refreshed by day range end up exactly as a full rebuild makes them — including
 * a buyer whose first day moves earlier, a buyer who disappears and a hidden (Pinduoduo) buyer —
 * and their per-buyer summary matches the orders, computed here independently.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { orders } from '../../model/index.js';
import { recordDataChange, type Warehouse } from '../../warehouse/index.js';
import { useFixtureStore } from '../../../test/helpers/store.js';
import { fixtureRows } from '../../../test/fixtures/store/load.js';
import { refreshRollups } from './refresh.js';

/** The buyer rollups by buyer key (numbers may differ between an incremental and a full build). */
async function snapshot(wh: Warehouse) {
  const keys = await wh.query(`SELECT buyer, shop_id, customer_id, first_day, last_day, second_day, orders, paid_days, paid_amount, first_day_amount, known
    FROM rollup_buyer_keys ORDER BY buyer`);
  const daily = await wh.query(`SELECT k.buyer, d.day, d.source, d.orders, d.paid_amount FROM rollup_buyers_daily d
    JOIN rollup_buyer_keys k ON k.buyer_no = d.buyer_no ORDER BY 1, 2, 3`);
  const monthly = await wh.query(`SELECT k.buyer, m.month, m.first_month, m.orders, m.paid_amount, m.next_month FROM rollup_buyers_monthly m
    JOIN rollup_buyer_keys k ON k.buyer_no = m.buyer_no ORDER BY 1, 2`);
  const [n] = await wh.query<{ n: bigint; d: bigint }>('SELECT count(*) AS n, count(DISTINCT buyer_no) AS d FROM rollup_buyer_keys');
  assert.equal(n!.n, n!.d, 'buyer numbers are unique');
  return { keys, daily, monthly };
}

async function fullRebuild(wh: Warehouse) {
  await wh.exec('DELETE FROM rollup_state');
  assert.equal(await refreshRollups(wh), true);
  return snapshot(wh);
}

describe('buyer rollups by day range', () => {
  const store = useFixtureStore();

  it('summarise each buyer as the orders say', async () => {
    await refreshRollups(store.wh);
    // Independent: per buyer from the orders with window-free SQL of its own.
    const expected = await store.wh.query(`SELECT shop_id || '|' || coalesce(customer_id, 'order:' || order_id) AS buyer, min(paid_day) AS first_day,
        max(paid_day) AS last_day, count(*) AS orders, count(DISTINCT paid_day) AS paid_days, sum(paid_amount) AS paid_amount
      FROM orders WHERE paid_day IS NOT NULL GROUP BY 1 ORDER BY 1`);
    const got = (await snapshot(store.wh)).keys.map((k) => ({
      buyer: k.buyer, first_day: k.first_day, last_day: k.last_day, orders: k.orders, paid_days: k.paid_days, paid_amount: k.paid_amount,
    }));
    assert.deepEqual(got, expected);
  });

  it('match a full rebuild after earlier days, removed orders and hidden buyers arrive', async () => {
    const wh = store.wh;
    await refreshRollups(wh);
    const [buyer] = await wh.query<{ shop_id: string; customer_id: string; first_day: string }>(
      `SELECT shop_id, customer_id, min(paid_day) AS first_day FROM orders WHERE customer_id IS NOT NULL AND paid_day IS NOT NULL
        GROUP BY 1, 2 HAVING count(DISTINCT paid_day) >= 2 ORDER BY 1, 2 LIMIT 1`);
    const template = fixtureRows().orders.find((o) => o.shop_id === buyer!.shop_id && o.paid_day !== null)!;
    // 1. the buyer buys a month before their first day: first day, months and cohort all move
    const early = '2023-12-15';
    await wh.transaction(async (tx) => {
      await tx.bulkLoad(orders, [{ ...template, order_id: 'EARLY1', customer_id: buyer!.customer_id, paid_day: early, created_day: early, paid_amount: 777n }]);
      await recordDataChange(tx, { origin: 'test', shopId: buyer!.shop_id, fromDay: early, toDay: early });
    });
    assert.equal(await refreshRollups(wh), true);
    const inc1 = await snapshot(wh);
    assert.equal(inc1.keys.find((k) => k.buyer === `${buyer!.shop_id}|${buyer!.customer_id}`)!.first_day, early);
    assert.deepEqual(inc1, await fullRebuild(wh));
    // 2. that order goes again (a re-import of the day without it), and a hidden buyer's order arrives
    const pdd = fixtureRows().orders.find((o) => o.customer_id === null && o.paid_day !== null)!;
    await wh.transaction(async (tx) => {
      await tx.exec(`DELETE FROM orders WHERE order_id = 'EARLY1'`);
      await recordDataChange(tx, { origin: 'test', shopId: buyer!.shop_id, fromDay: early, toDay: early });
      await tx.bulkLoad(orders, [{ ...pdd, order_id: 'HIDDEN1', paid_amount: 500n }]);
      await recordDataChange(tx, { origin: 'test', shopId: pdd.shop_id, fromDay: pdd.paid_day!, toDay: pdd.paid_day! });
    });
    assert.equal(await refreshRollups(wh), true);
    const inc2 = await snapshot(wh);
    assert.equal(inc2.keys.find((k) => k.buyer === `${buyer!.shop_id}|${buyer!.customer_id}`)!.first_day, buyer!.first_day);
    const hidden = inc2.keys.find((k) => k.buyer === `${pdd.shop_id}|order:HIDDEN1`)!;
    assert.equal(hidden.customer_id, null);
    assert.equal(hidden.known, false);
    assert.equal(inc2.monthly.some((m) => m.buyer === hidden.buyer), false, 'hidden buyers are not in the monthly rollup');
    assert.deepEqual(inc2, await fullRebuild(wh));
  });
});
