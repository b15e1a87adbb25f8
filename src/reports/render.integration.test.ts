/** XLSX read back with exceljs, HTML checked as text, PDF printed by Debian's Chromium. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { renderHtml } from './html.js';
import { renderPdf } from './pdf.js';
import type { RenderedReport } from './table.js';
import { renderXlsx } from './xlsx.js';

const report: RenderedReport = {
  id: 'daily',
  title: { zh: '经营日报', en: 'Daily operations report' },
  period: { from: '2026-03-01', to: '2026-03-01' },
  generatedAt: new Date('2026-03-02T01:00:00Z'),
  blocks: [
    {
      title: { zh: '核心指标', en: 'Key metrics' },
      columns: [
        { key: 'shop', label: { zh: '店铺', en: 'Shop' }, kind: 'text' },
        { key: 'paid', label: { zh: '支付金额', en: 'Paid amount' }, kind: 'money' },
        { key: 'orders', label: { zh: '支付订单数', en: 'Paid orders' }, kind: 'integer' },
        { key: 'cr', label: { zh: '转化率', en: 'Conversion' }, kind: 'percent' },
      ],
      rows: [
        { shop: '天猫旗舰店', paid: 1234567n, orders: 321n, cr: 0.0345 },
        { shop: '京东自营<b>', paid: '9876543.21', orders: 4000, cr: '0.125' },
        { shop: 'PDD', paid: null, orders: 0n, cr: null },
      ],
      note: { zh: '口径:按支付时间', en: 'By payment time' },
    },
    {
      // same name after sanitising, and longer than Excel's 31-character limit
      title: { zh: '退款 / 售后 [明细]', en: 'Refunds / after-sales [details] for every shop and SKU' },
      columns: [{ key: 'sku', label: { zh: 'SKU', en: 'SKU' }, kind: 'text' }, { key: 'amt', label: { zh: '退款金额', en: 'Refunded' }, kind: 'money' }],
      rows: Array.from({ length: 120 }, (_, i) => ({ sku: `SKU-${String(i).padStart(3, '0')}`, amt: BigInt(i * 101) })),
    },
  ],
};

describe('report rendering', () => {
  it('XLSX: a sheet per block, numbers as numbers with formats', async () => {
    const buf = await renderXlsx(report, 'zh');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['概览', '核心指标', '退款 售后 明细']);
    const ws = wb.getWorksheet('核心指标')!;
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), ['店铺', '支付金额', '支付订单数', '转化率']);
    // 1234567 fen = 12345.67 yuan; decimal text passes through as the same number
    assert.deepEqual((ws.getRow(2).values as unknown[]).slice(1), ['天猫旗舰店', 12345.67, 321, 0.0345]);
    assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1), ['京东自营<b>', 9876543.21, 4000, 0.125]);
    assert.equal(typeof ws.getCell('B2').value, 'number');
    assert.equal(ws.getCell('B2').numFmt, '#,##0.00');
    assert.equal(ws.getCell('D2').numFmt, '0.0%');
    assert.equal(ws.getCell('B4').value, null);
    assert.equal(ws.getCell('C4').value, 0);
    const refunds = wb.worksheets[2]!;
    assert.equal(refunds.rowCount, 121);
    // row 101 holds SKU-099: 99 × 101 fen = 99.99 yuan
    assert.deepEqual((refunds.getRow(101).values as unknown[]).slice(1), ['SKU-099', 99.99]);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await renderXlsx(report, 'en')) as unknown as ArrayBuffer);
    assert.equal(en.worksheets[2]!.name, 'Refunds after-sales details for');
    assert.ok(en.worksheets[2]!.name.length <= 31);
  });

  it('HTML: escaped, formatted, right-aligned numbers, in the chosen language', () => {
    const zh = renderHtml(report, 'zh', { link: 'http://127.0.0.1/reports/daily' });
    assert.match(zh, /<html lang="zh-CN">/);
    assert.match(zh, /统计周期:2026-03-01 至 2026-03-01/);
    assert.match(zh, />12,345\.67</);
    assert.match(zh, />9,876,543\.21</);
    assert.match(zh, />3\.5%</);
    assert.match(zh, />12\.5%</);
    assert.match(zh, /京东自营&lt;b&gt;/);
    assert.doesNotMatch(zh, /京东自营<b>/);
    assert.match(zh, /text-align:right">4,000</);
    assert.match(zh, /href="http:\/\/127\.0\.0\.1\/reports\/daily"/);
    assert.doesNotMatch(zh, /<style|<link /, 'mail clients drop style blocks: inline only');
    const en = renderHtml(report, 'en');
    assert.match(en, /Period: 2026-03-01 to 2026-03-01/);
    assert.match(en, /<h2[^>]*>Key metrics<\/h2>/);
  });

  it('PDF: printed by Chromium, titled, several pages for a long block', async () => {
    const pdf = await renderPdf(renderHtml(report, 'en'));
    const text = pdf.toString('latin1');
    assert.equal(text.slice(0, 5), '%PDF-');
    assert.match(text.slice(-32), /%%EOF\s*$/);
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.ok(pages.length >= 2, `120 refund rows need more than one A4 page, got ${pages.length}`);
    // Chromium writes the <title> into the document info as a UTF-16BE hex string
    const title = /\/Title\s*(<[0-9A-Fa-f]+>|\([^)]*\))/.exec(text)?.[1] ?? '';
    const decoded = title.startsWith('<') ? Buffer.from(title.slice(5, -1), 'hex').swap16().toString('utf16le') : title.slice(1, -1);
    assert.equal(decoded, 'Daily operations report');
  });
});
