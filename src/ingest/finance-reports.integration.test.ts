/**
 * Settlement bills and expense sheets: the payouts and costs 财务 reads, imported from files.
 * Expected numbers by hand from test/fixtures/ingest/finance (see generate.ts) and the Taobao
 * order report of shop T100 (蓝鲸旗舰店): paid …561 ¥1,299.00, …562 ¥210.00, …564 ¥1,024.50.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempStore } from '../../test/helpers/store.js';
import { pnlAnalysis, reconcileAnalysis } from '../analysis/index.js';
import { importFile } from './index.js';
import { fixture, NOW } from './test-fixtures.js';

const tableOf = (r: Awaited<ReturnType<typeof importFile>>, t: string) => {
  const c = r.tables.find((x) => x.table === t)!;
  return [c.inserted, c.updated, c.unchanged];
};

test('a settlement bill: rows of an order add up, a fee is withheld however it is written, the same bill again changes nothing', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    // before any bill, 对账 does not call every paid order unsettled: it says it cannot tell
    const none = await reconcileAnalysis(s.wh, { asOf: '2026-03-31' });
    assert.deepEqual(none.tables.unsettled!.rows, []);
    assert.match(JSON.stringify(none.notes), /no settlement bills in the store/);
    const r = await importFile(s.wh, fixture('finance/settlement-202603.csv'), { now: NOW });
    assert.equal(r.run.source, 'settlement-report', 'detected from its header');
    assert.equal(r.run.encoding, 'gb18030');
    assert.equal(r.run.rows_read, 5);
    assert.deepEqual(tableOf(r, 'settlements'), [4, 0, 0]);
    const rows = await s.wh.query(`SELECT shop_id, order_id, CAST(settled_day AS VARCHAR) AS day, amount, fee FROM settlements ORDER BY order_id`);
    assert.deepEqual(rows.map((x) => [x.shop_id, x.order_id, x.day, x.amount, x.fee]), [
      ['T100', '3712345678901234561', '2026-03-10', 123405n, 6495n],
      ['T100', '3712345678901234562', '2026-03-11', 20000n, 1000n], // 200.00 + 0.00, fee '-' and −10.00
      ['T100', '3712345678901234564', '2026-03-12', 100000n, 1450n], // 2026/3/12 9:00 Shanghai
      ['T100', '3712345678901234599', '2026-03-12', 8800n, 0n],
    ]);
    const again = await importFile(s.wh, fixture('finance/settlement-202603.csv'), { now: NOW });
    assert.deepEqual(tableOf(again, 'settlements'), [0, 0, 4]);

    // a later bill settles the 10.00 …564 was short: it replaces that order, the others stay
    const later = join(s.dir, 'settlement-later.csv');
    writeFileSync(later, '订单编号,结算时间,结算金额,服务费,店铺名称\n="3712345678901234564",2026-03-20 08:00:00,1010.00,14.50,蓝鲸旗舰店\n');
    assert.deepEqual(tableOf(await importFile(s.wh, later, { now: NOW }), 'settlements'), [0, 1, 0]);

    // 对账: …561 and …562 settle exactly; …599 is a payout of no order in the store
    const rec = await reconcileAnalysis(s.wh);
    assert.equal(rec.summary.amount_mismatches, 0);
    assert.equal(rec.summary.settled_without_order, 1);
    assert.deepEqual(rec.tables.settled_without_order!.rows, [{ shop_id: 'T100', order_id: '3712345678901234599', settled_day: '2026-03-12', settled: '88.00', fee: '0.00' }]);
  } finally {
    await s.cleanup();
  }
});

test('the first bill\'s short payout is a reconciliation finding', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    await importFile(s.wh, fixture('finance/settlement-202603.csv'), { now: NOW });
    const rec = await reconcileAnalysis(s.wh);
    // 1,000.00 + 14.50 − 1,024.50
    assert.deepEqual(rec.tables.mismatches!.rows, [{ shop_id: 'T100', order_id: '3712345678901234564', due: '1024.50', settled: '1000.00', fee: '14.50', difference: '-10.00' }]);
  } finally {
    await s.cleanup();
  }
});

test('an expense sheet: kinds read from the seller\'s words, a day\'s rows of a kind add up, the P&L subtracts them', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    const r = await importFile(s.wh, fixture('finance/expenses-202603.csv'), { now: NOW });
    assert.equal(r.run.source, 'expense-report');
    assert.deepEqual(tableOf(r, 'expenses'), [5, 0, 0]);
    const rows = await s.wh.query(`SELECT CAST(day AS VARCHAR) AS day, kind, amount FROM expenses ORDER BY day, kind`);
    assert.deepEqual(rows.map((x) => [x.day, x.kind, x.amount]), [
      ['2026-03-01', 'packaging', 350n], ['2026-03-01', 'shipping', 2000n], // 12.00 + 8.00
      ['2026-03-02', 'labour', 30000n], ['2026-03-02', 'marketing', 100000n], ['2026-03-02', 'other', 4500n],
    ]);
    // 水电费 names no kind: counted as other, and listed to be checked
    const unknown = r.quality.find((q) => q.check === 'unknown_status');
    assert.ok(unknown && JSON.stringify(unknown).includes('水电费'), JSON.stringify(r.quality));
    assert.deepEqual(tableOf(await importFile(s.wh, fixture('finance/expenses-202603.csv'), { now: NOW }), 'expenses'), [0, 0, 5]);

    // P&L of March: paid 2,533.50, no cost price known (COGS 0), expenses 20 + 3.50 + 300 + 1,000 + 45 = 1,368.50
    const pnl = await pnlAnalysis(s.wh, { from: '2026-03-01', to: '2026-03-31' });
    const t100 = pnl.tables.pnl!.rows.find((x) => x.shop === 'T100')!;
    assert.deepEqual([t100.paid_amount, t100.shipping, t100.packaging, t100.labour, t100.marketing, t100.other, t100.expense_amount, t100.net_profit],
      ['2533.50', '20.00', '3.50', '300.00', '1000.00', '45.00', '1368.50', '1165.00']);
  } finally {
    await s.cleanup();
  }
});

test('抖店\'s fund bill: 入账 is paid out, 出账 is a fee withheld, and the order reconciles', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('douyin/douyin-orders-202603.csv'), { now: NOW });
    // the bill names no shop: it is the 抖店 shop's, as the seller says
    const r = await importFile(s.wh, fixture('finance/douyin-fund-bill-202603.csv'), { now: NOW, shop: '抖音美妆店' });
    assert.equal(r.run.source, 'settlement-report');
    assert.equal(r.run.rows_read, 3);
    const rows = await s.wh.query(`SELECT order_id, amount, fee FROM settlements`);
    // 89.00 − 4.45 − 0.89 (written −0.89) paid out; 4.45 + 0.89 withheld
    assert.deepEqual(rows.map((x) => [x.order_id, x.amount, x.fee]), [['6920000000000000001', 8366n, 534n]]);
    const rec = await reconcileAnalysis(s.wh);
    assert.deepEqual([rec.summary.amount_mismatches, rec.summary.settled_without_order], [0, 0], 'payout + fees = ¥369.00 paid − ¥280.00 refunded');
  } finally {
    await s.cleanup();
  }
});
