/**
 * Live-stream sessions and customer-service conversations, imported from files: what 直播 and
 * 客服 read. Expected numbers by hand from test/fixtures/ingest/operations (see generate.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempStore } from '../../test/helpers/store.js';
import { loadCatalog, runMetricQuery } from '../metrics/index.js';
import { parseSeconds } from './sources/cs-report/seconds.js';
import { importFile } from './index.js';
import { fixture, NOW } from './test-fixtures.js';

test('live sessions: one row per stream, a stream without an id keyed by host and start, the same file again changes nothing', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('douyin/douyin-orders-202603.csv'), { now: NOW });
    const r = await importFile(s.wh, fixture('operations/live-sessions-202603.csv'), { now: NOW });
    assert.equal(r.run.source, 'live-report');
    assert.equal(r.run.rows_quarantined, 0);
    const rows = await s.wh.query(`SELECT shop_id, session_id, host, CAST(day AS VARCHAR) AS day, views, peak_online, gmv, orders FROM live_sessions ORDER BY started_at`);
    assert.deepEqual(rows.map((x) => [x.shop_id, x.session_id, x.host, x.day, x.views, x.peak_online, x.gmv, x.orders]), [
      ['抖音美妆店', '7301000000000000001', '小美', '2026-03-01', 12345, 856, 888800n, 96],
      ['抖音美妆店', '7301000000000000002', '阿琳', '2026-03-02', 6000, 420, 360050n, 40],
      ['抖音美妆店', '小美@2026-03-03T04:00:00.000Z', '小美', '2026-03-03', 1000, 80, 0n, 0], // 12:00 Shanghai
    ]);
    const again = await importFile(s.wh, fixture('operations/live-sessions-202603.csv'), { now: NOW });
    assert.deepEqual([again.run.rows_inserted, again.run.rows_updated, again.run.rows_unchanged], [0, 0, 3]);

    // 直播's figures by host: 小美 ¥8,888.00 of 13,345 views → GPM 666.02; 阿琳 ¥3,600.50 of 6,000 → 600.08
    const q = await runMetricQuery(s.wh, loadCatalog(), { metrics: ['live_gmv', 'live_gpm'], dimensions: ['host'], from: '2026-03-01', to: '2026-03-31' });
    const byHost = Object.fromEntries(q.rows.map((x) => [x.host, [x.live_gmv, Number(x.live_gpm).toFixed(2)]]));
    assert.deepEqual(byHost, { 小美: ['8888.00', '666.02'], 阿琳: ['3600.50', '600.08'] });
  } finally {
    await s.cleanup();
  }
});

test('customer-service conversations: durations as exports write them; one that is no duration is quarantined with its row and column', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    const r = await importFile(s.wh, fixture('operations/cs-sessions-202603.csv'), { now: NOW });
    assert.equal(r.run.source, 'cs-report');
    assert.equal(r.run.encoding, 'gb18030');
    assert.deepEqual(r.problems.map((p) => [p.row, p.column, p.code]), [[5, '首次响应时长', 'INGEST_DURATION_INVALID']]);
    const rows = await s.wh.query(`SELECT shop_id, session_id, agent, customer_id, first_response_s, converted_order_id FROM cs_sessions ORDER BY session_id`);
    assert.deepEqual(rows.map((x) => [x.shop_id, x.session_id, x.agent, x.customer_id, x.first_response_s, x.converted_order_id]), [
      ['T100', 'S001', '客服-小雅', 'buyer_a', 12, null],
      ['T100', 'S002', '客服-小雅', 'buyer_b', 65, '3712345678901234561'],
      ['T100', 'S003', '客服-阿明', 'buyer_c', 30, null],
    ]);
    // 客服's figures: mean first answer (12 + 65 + 30) / 3 = 35.67 s; 1 of 3 buyers paid
    const q = await runMetricQuery(s.wh, loadCatalog(), { metrics: ['cs_first_response_s', 'inquiry_conversion_rate', 'cs_sessions'], from: '2026-03-01', to: '2026-03-31' });
    assert.deepEqual([Number(q.rows[0]!.cs_first_response_s).toFixed(2), Number(q.rows[0]!.inquiry_conversion_rate).toFixed(4), Number(q.rows[0]!.cs_sessions)], ['35.67', '0.3333', 3]);
  } finally {
    await s.cleanup();
  }
});

test('durations: seconds, 秒, 分 and clock times; anything else is none', () => {
  const cases: [string, number | undefined][] = [
    ['12', 12], ['12.6', 13], ['32秒', 32], ['1分5秒', 65], ['2分钟', 120], ['1小时2分', 3720], ['00:01:05', 65], ['1:05', 65], ['01:00:00', 3600],
    ['很快', undefined], ['', undefined], ['1:5', undefined], ['-3', undefined],
  ];
  for (const [text, seconds] of cases) assert.equal(parseSeconds(text), seconds, text);
});

test('purchase receipts: an order\'s rows of a SKU and warehouse add up, cost from the amount or price × units; inbound for 售罄率', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/ExportOrderList202603.csv'), { now: NOW });
    const r = await importFile(s.wh, fixture('operations/purchase-receipts-202603.csv'), { now: NOW });
    assert.equal(r.run.source, 'purchase-report');
    assert.equal(r.run.encoding, 'gb18030');
    const rows = await s.wh.query(`SELECT purchase_id, shop_id, sku_id, warehouse, qty, cost, CAST(arrived_day AS VARCHAR) AS day FROM purchases ORDER BY purchase_id`);
    assert.deepEqual(rows.map((x) => [x.purchase_id, x.shop_id, x.sku_id, x.warehouse, x.qty, x.cost, x.day]), [
      ['PO-0301|SKU-TEE-L|杭州仓', 'T100', 'SKU-TEE-L', '杭州仓', 120, 216000n, '2026-03-03'], // (100 + 20) × 18.00
      ['PO-0302|SKU-COAT-M|杭州仓', 'T100', 'SKU-COAT-M', '杭州仓', 10, 520000n, '2026-03-04'],
    ]);
    const again = await importFile(s.wh, fixture('operations/purchase-receipts-202603.csv'), { now: NOW });
    assert.deepEqual([again.run.rows_inserted, again.run.rows_updated, again.run.rows_unchanged], [0, 0, 2]);
    // what 售罄率 adds to the opening stock: 130 units received in March
    const q = await runMetricQuery(s.wh, loadCatalog(), { metrics: ['inbound_units'], from: '2026-03-01', to: '2026-03-31' });
    assert.equal(Number(q.rows[0]!.inbound_units), 130);
  } finally {
    await s.cleanup();
  }
});
