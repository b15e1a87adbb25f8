import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { runCli } from '../../test/helpers/cli.js';
import { tempStore } from '../../test/helpers/store.js';
import { orders, shops } from '../model/index.js';
import { order, shop } from './testing/rows.js';
import { PUBLIC_DATA } from './testing/public-data.js';

describe('shoplens analyze', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    await store.wh.bulkLoad(shops, [shop('s1'), shop('s2')]);
    // s1: A pays 100 + 200, B pays 50; s2: C pays 999.
    await store.wh.bulkLoad(orders, [
      order({ id: '1', customer: 'A', day: '2026-03-01', fen: 10000n }), order({ id: '2', customer: 'A', day: '2026-03-05', fen: 20000n }),
      order({ id: '3', customer: 'B', day: '2026-03-02', fen: 5000n }), order({ shop: 's2', id: '4', customer: 'C', day: '2026-03-03', fen: 99900n }),
    ]);
    await store.wh.close();
  });
  after(() => store.cleanup());

  it('ltv --summary prints the CDNOW parameters as JSON', () => {
    const r = runCli(['analyze', 'ltv', '--summary', join(PUBLIC_DATA, 'cdnow/cdnow_customers_summary_with_transactions.csv'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const fit = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(fit.bgnbd), ['r', 'alpha', 'a', 'b', 'll']);
    const sig3 = (v: number) => Number(v.toPrecision(3));
    assert.deepEqual([fit.bgnbd.r, fit.bgnbd.alpha, fit.bgnbd.a, fit.bgnbd.b].map(sig3), [0.243, 4.41, 0.793, 2.43]);
    assert.deepEqual([fit.gamma_gamma.p, fit.gamma_gamma.q].map(sig3), [6.25, 3.74]);
    assert.ok(Math.abs(fit.gamma_gamma.v - 15.45) < 0.01);
  });

  it('ltv --summary names the file, row and column of a bad value', () => {
    const r = runCli(['analyze', 'ltv', '--summary', join(PUBLIC_DATA, 'cdnow/CDNOW_sample.txt')]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /LTV_SUMMARY_COLUMNS/);
    assert.match(r.stderr, /CDNOW_sample\.txt, row 1/);
  });

  it('writes an XLSX workbook that reads back with the same figures, within --shops', async () => {
    const out = join(store.dir, 'rfm.xlsx');
    const r = runCli(['--db', store.path, 'analyze', 'rfm', '--shops', 's1', '--format', 'xlsx', '--out', out, '--set', 'list=all']);
    assert.equal(r.code, 0, r.stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // sheets named by the tables' titles
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['概要', 'RFM 客户分群', '评分分界点', '买家名单']);
    const buyers = wb.getWorksheet('买家名单')!;
    const header = (buyers.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    // two buyers in s1, the biggest first: A (300.00 over 2 orders), then B (50.00)
    assert.equal(buyers.rowCount, 3);
    // columns by their names; money a number Excel can add up, shown with fen
    assert.equal(buyers.getRow(2).getCell(col('买家 / Buyer')).value, 'A');
    assert.equal(buyers.getRow(2).getCell(col('金额 / Monetary')).value, 300);
    assert.equal(buyers.getRow(2).getCell(col('金额 / Monetary')).numFmt, '#,##0.00');
    assert.equal(buyers.getRow(2).getCell(col('购买次数 / Frequency')).value, 2);
    assert.equal(buyers.getRow(3).getCell(col('买家 / Buyer')).value, 'B');
    // a segment by its name, not its code
    assert.match(String(buyers.getRow(2).getCell(col('分群 / Segment')).value), /^[\u4e00-\u9fff]+客户$/);
  });

  it('prints a table with bilingual titles, and CSV of one table', () => {
    const t = runCli(['--db', store.path, 'analyze', 'rfm']);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /RFM 客户分群 \/ RFM segments/);
    const c = runCli(['--db', store.path, 'analyze', 'rfm', '--format', 'csv', '--table', 'segments']);
    assert.equal(c.stdout.split('\n')[0], 'segment,segment_zh,segment_en,buyers,buyer_share,paid_amount,revenue_share,avg_recency_days,avg_frequency');
    assert.equal(c.stdout.trim().split('\n').length, 9); // header + 8 segments
  });

  it('refuses an unknown analysis and bad options with coded errors', () => {
    const u = runCli(['--db', store.path, 'analyze', 'nope']);
    assert.equal(u.code, 3);
    assert.match(u.stderr, /ANALYSIS_UNKNOWN/);
    const b = runCli(['--db', store.path, 'analyze', 'rfm', '--set', 'high=9']);
    assert.equal(b.code, 3);
    assert.match(b.stderr, /ANALYSIS_BAD_OPTIONS[^\n]*high/);
  });
});
