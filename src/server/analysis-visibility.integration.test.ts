import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { inventoryDaily } from '../model/index.js';
import { recordDataChange } from '../warehouse/index.js';
import { testServer, type TestServer } from './testing/harness.js';

type Result = { summary: Record<string, unknown>; tables: Record<string, { rows: Record<string, unknown>[] }>; notes: { zh: string; en: string }[] };

/**
 * Analyses keep the metric rule: cost, profit and settlements for finance and the owner, buyer
 * lists for those who may read buyers. The harness' roles: ops (no metrics:finance), finance
 * (no customers:read), the agency (neither, tm-1 only).
 */
describe('analyses: finance figures and buyer lists by role', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
    // tm-1's SKU: 10 on hand at ¥40.00 on the day of the harness' orders
    await t.wh.bulkLoad(inventoryDaily, [{ shop_id: 'tm-1', sku_id: 'tm-1-sku', warehouse: 'main', day: '2024-01-10', on_hand: 10, available: 10, in_transit: 0, unit_cost: 4_000n }]);
    await recordDataChange(t.wh, { origin: 'test' });
  });
  after(() => t.close());

  const run = async (who: string, name: string, options: Record<string, unknown> = {}) =>
    (await t.session(who)).inject({ method: 'POST', url: `/api/analysis/${name}`, payload: { from: '2024-01-01', to: '2024-01-31', options } });

  test('P&L, reconciliation and ABC by gross profit: 403 without metrics:finance, answered with it', async () => {
    for (const [name, options] of [['pnl', {}], ['reconcile', {}], ['abc', { measure: 'gross_profit' }]] as const) {
      for (const who of ['ops', 'cs', 'agency']) {
        const res = await run(who, name, options);
        assert.equal(res.statusCode, 403, `${who} ${name}: ${res.body}`);
        assert.equal(res.json().error.code, 'AUTH_FORBIDDEN');
        assert.match(res.json().error.message.en, /metrics:finance/);
      }
      for (const who of ['finance', 'owner']) assert.equal((await run(who, name, options)).statusCode, 200, `${who} ${name}`);
    }
    // by paid amount, ABC is a sales analysis
    assert.equal((await run('ops', 'abc')).statusCode, 200);
    // the P&L finance reads: tm-1 paid ¥100.00 + ¥250.00
    const pnl = (await run('finance', 'pnl')).json() as Result;
    assert.equal(pnl.tables.pnl!.rows.find((r) => r.shop === 'tm-1')?.paid_amount, '350.00');
  });

  test('inventory: operations see stock and cover, not the value at cost or turnover', async () => {
    const ops = (await run('ops', 'inventory', { asOf: '2024-01-10' })).json() as Result;
    const row = ops.tables.skus!.rows.find((r) => r.sku_id === 'tm-1-sku')!;
    assert.equal(row.on_hand, 10);
    assert.ok(!('stock_value' in row) && !('turnover_days' in row), JSON.stringify(row));
    for (const table of Object.values(ops.tables)) for (const r of table.rows) assert.ok(!('stock_value' in r));
    assert.ok(ops.notes.some((n) => n.en.includes('stock_value') && n.en.includes('metrics:finance')), JSON.stringify(ops.notes));
    const fin = (await run('finance', 'inventory', { asOf: '2024-01-10' })).json() as Result;
    // 10 units × ¥40.00
    assert.equal(fin.tables.skus!.rows.find((r) => r.sku_id === 'tm-1-sku')!.stock_value, '400.00');
    assert.ok(!fin.notes.some((n) => n.en.includes('metrics:finance')));
  });

  test('buyer lists: RFM without its list for finance and the agency, ABC by buyer refused', async () => {
    const ops = (await run('ops', 'rfm', { list: 'all' })).json() as Result;
    assert.deepEqual(ops.tables.buyers!.rows.map((r) => r.customer_id).sort(), ['c-001', 'c-002', 'c-101', 'c-201']);
    for (const who of ['finance', 'agency']) {
      const res = await run(who, 'rfm', { list: 'all' });
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json() as Result;
      assert.equal(r.tables.buyers, undefined, who);
      assert.ok(r.tables.segments, who);
      assert.ok(r.notes.some((n) => n.en.includes('customers:read')), who);
      assert.ok(!res.body.includes('c-001'), who);
    }
    const abc = await run('finance', 'abc', { by: 'customer' });
    assert.equal(abc.statusCode, 403);
    assert.match(abc.json().error.message.en, /customers:read/);
    assert.equal((await run('ops', 'abc', { by: 'customer' })).statusCode, 200);
  });

  test('the XLSX export holds what the reader sees, a sheet per table, and is audited', async () => {
    const exportAs = async (who: string) => (await t.session(who)).inject({
      method: 'POST', url: '/api/analysis/inventory/export', query: { lang: 'zh' }, payload: { from: '2024-01-01', to: '2024-01-31', options: { asOf: '2024-01-10' } },
    });
    const sheet = async (body: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      return wb;
    };
    const ops = await exportAs('ops');
    assert.equal(ops.statusCode, 200, ops.body);
    assert.match(String(ops.headers['content-disposition']), /filename\*=UTF-8''%E5%BA%93%E5%AD%98%E5%81%A5%E5%BA%B7\.xlsx/); // 库存健康.xlsx
    const wbOps = await sheet(ops.rawPayload);
    assert.deepEqual(wbOps.worksheets.map((w) => w.name), ['概要', 'SKU 库存健康', '预计断货(按日期)', '滞销品(有库存,30 天无销售)', '补货建议']);
    const headers = (wb: ExcelJS.Workbook) => (wb.getWorksheet('SKU 库存健康')!.getRow(1).values as unknown[]).slice(1) as string[];
    assert.ok(headers(wbOps).includes('在库 / On hand'), headers(wbOps).join('|'));
    assert.ok(!headers(wbOps).some((h) => h.startsWith('库存金额')), headers(wbOps).join('|'));
    // the note says what was left out
    assert.ok(wbOps.getWorksheet('概要')!.getSheetValues().flat().some((v) => typeof v === 'string' && v.includes('metrics:finance')));

    const fin = await sheet((await exportAs('finance')).rawPayload);
    const col = headers(fin).indexOf('库存金额(成本) / Stock value at cost') + 1;
    assert.ok(col > 0, headers(fin).join('|'));
    assert.equal(fin.getWorksheet('SKU 库存健康')!.getRow(2).getCell(col).value, 400); // 10 × ¥40.00, a number

    // tm-1-sku sold 2 units on the 10th: 10 / (2 / 14 a day) = 70 days → out on 03-20, within the
    // 90-day horizon; not a slow mover; (15 + 7) × 2 / 14 ≈ 3.1 units needed < 10 available: no reorder
    // the agency may run analyses but not export
    assert.equal((await exportAs('agency')).statusCode, 403);
    const [entry] = await t.meta.audit.list({ action: 'export', limit: 1 });
    assert.equal(entry?.actorName, 'finance');
    assert.equal(entry?.target, 'analysis:inventory');
    assert.deepEqual(entry?.detail, { kind: 'analysis', analysis: 'inventory', rows: { skus: 1, stockouts: 1, slow_movers: 0, reorder: 0 } });
  });
});
