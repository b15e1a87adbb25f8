/**
 * The 数据 page in Chromium on an empty store: the overview says what to do, a Taobao order
 * export uploaded through the page is detected, imported with its bad rows quarantined (file,
 * row, column, code), listed in the import log, and its numbers reach 经营总览.
 *
 * Expected numbers by hand from test/fixtures/ingest/taobao/ExportOrderList202603.csv: six
 * rows; row 6 has a mangled order id (3.71235E+18) and row 7 a paid amount "abc", so both are
 * quarantined. Of the four good orders three are paid: 1299.00 + 210.00 + 1024.50 = 2533.50
 * on 2026-03-01 … 02; the unpaid 59.90 counts only in GMV: 2593.40.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { pageErrors, settled, startWebServer, type WebServer } from './web-harness.js';

const FILE = resolve('test/fixtures/ingest/taobao/ExportOrderList202603.csv');

describe('data page', { timeout: 600_000 }, () => {
  let s: WebServer;
  let page: Page;
  let errors: string[];

  before(async () => {
    s = await startWebServer({ demo: false });
    page = await s.context.newPage();
    errors = pageErrors(page);
  });
  after(async () => { await s?.close(); });

  it('says what to do on an empty store: on 经营总览 even when the charts answer before the tiles, and in each block of an analysis page', async () => {
    // The tiles' answer tells an empty store from an empty filter. Held back here, the charts'
    // empty answers arrive first; they must not say "nothing matches these filters".
    const slowTiles = async (route: Route) => {
      if (route.request().postData()?.includes('"compare"')) await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    };
    await page.route('**/api/query', slowTiles);
    try {
      await page.goto('/');
      await page.getByTestId('empty').first().waitFor();
    } finally {
      await page.unroute('**/api/query', slowTiles);
    }
    assert.match((await page.getByTestId('empty').first().textContent()) ?? '', /请导入平台导出文件,或加载演示店铺/);
    await page.getByTestId('lang-switch').click();
    assert.match((await page.getByTestId('empty').first().textContent()) ?? '', /No data yet — import files or load the demo store/);
    await page.getByTestId('lang-switch').click();
    // every block of an analysis page says so too: no filter would help an empty store
    await page.goto('/sales');
    await settled(page);
    const blocks = await page.getByTestId('empty').allTextContents();
    assert.ok(blocks.length >= 3, `empty blocks on 销售分析: ${blocks.length}`);
    for (const b of blocks) assert.match(b, /请导入平台导出文件,或加载演示店铺/);
  });

  it('uploads a Taobao export, shows its format, log and quarantined rows', async () => {
    await page.goto('/data');
    await settled(page);
    await page.locator('input[type=file]').setInputFiles([FILE]);
    const files = page.getByTestId('import-files');
    // some rows quarantined: the status says so in the reader's language
    const status = files.locator('[data-status=partial]');
    await status.waitFor({ timeout: 120_000 });
    assert.equal(await status.textContent(), '部分隔离');
    const row = files.locator('tbody tr.ant-table-row').first();
    assert.match((await row.textContent()) ?? '', /ExportOrderList202603\.csv.*taobao-orders/);
    const cells = await row.locator('td').allTextContents();
    // file, format, status, read, loaded, quarantined, error
    assert.equal(cells[3], '6', 'rows read');
    assert.equal(cells[5], '2', 'rows quarantined');

    // the run's quality report names what it found in words
    await page.getByTestId('quality-report').getByText('订单无明细(orders):4 行', { exact: false }).waitFor();
    const q = page.getByTestId('quarantine');
    await q.locator('tbody tr.ant-table-row').first().waitFor();
    const rows = await q.locator('tbody tr.ant-table-row').evaluateAll((trs) => trs.map((tr: any) => [...tr.querySelectorAll('td')].map((td: any) => td.textContent as string)));
    assert.deepEqual(rows.map((r) => r[1]).sort(), ['6', '7'], 'quarantined spreadsheet rows');
    assert.ok(rows.every((r) => /^[A-Z_]+$/.test(r[3] ?? '')), 'each row carries an error code');

    await page.reload();
    await page.getByTestId('import-log').getByText('ExportOrderList202603.csv').waitFor();
    // the log: when it started, on the reader's clock, and its status in words
    const logRow = page.getByTestId('import-log').locator('tbody tr.ant-table-row', { hasText: 'ExportOrderList202603.csv' }).first();
    const logCells = await logRow.locator('td').allTextContents();
    assert.ok(logCells.some((c) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(c)), `a local start time in ${JSON.stringify(logCells)}`);
    assert.equal(await logRow.locator('[data-status=committed]').textContent(), '已入库');

    // what the store now holds: the shop's four good orders, created 03-01 … 03-02; no refund export yet
    const coverage = page.getByTestId('data-coverage');
    const orders = coverage.locator('[data-coverage$=":orders:ok"]');
    await orders.first().waitFor();
    assert.equal(await orders.count(), 1);
    assert.equal((await orders.innerText()).replace(/\s+/g, ' ').trim(), '至 2026-03-02 4 行');
    assert.equal(await coverage.locator('[data-coverage$=":refunds:none"]').textContent(), '未导入');
  });

  it('shows the imported orders on 经营总览', async () => {
    await page.goto('/?from=2026-03-01&to=2026-03-02');
    await settled(page);
    assert.equal(await page.getByTestId('value-paid_amount').textContent(), '2533.50');
    assert.equal(await page.getByTestId('value-gmv').textContent(), '2593.40');
    assert.equal(await page.getByTestId('value-paid_orders').textContent(), '3');
    assert.deepEqual(errors, []);
  });

  it('reviews a campaign of the imported orders once it is on the campaign calendar', async () => {
    // The export says nothing of campaigns; a 爆发 on 03-01 … 03-02 takes the three paid orders:
    // ¥2,533.50 of a ¥5,000.00 target = 50.67 %.
    await page.goto('/campaigns?from=2026-03-01&to=2026-03-02');
    await settled(page);
    const calendar = page.getByTestId('campaign-calendar');
    await calendar.getByText('还没有活动', { exact: false }).waitFor();
    await page.getByTestId('campaign-add').click();
    await page.getByTestId('campaign-name').fill('三月焕新');
    const dates = page.getByTestId('campaign-range-burst');
    await dates.nth(0).click();
    await dates.nth(0).fill('2026-03-01');
    await page.keyboard.press('Enter');
    await dates.nth(1).fill('2026-03-02');
    await page.keyboard.press('Enter');
    await page.getByTestId('campaign-target-burst').fill('5000');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-notice').filter({ hasText: '3 笔订单' }).waitFor();
    const row = calendar.getByTestId('campaign-三月焕新');
    await row.waitFor();
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /三月焕新 其他活动 全部店铺 爆发 03-01~03-02 ¥5,000\.00/);
    // the review and the tiles are asked again: the orders moved
    const review = page.getByTestId('analysis-campaign');
    const burst = review.locator('tbody tr.ant-table-row', { hasText: '三月焕新' });
    await burst.waitFor();
    const cells = (await burst.locator('td').allTextContents()).join(' | ');
    assert.match(cells, /爆发 \| 2026-03-01 \| 2026-03-02 \| ¥2,533\.50 \| ¥5,000\.00 \| 50\.67% \| 3 \|/);
    assert.equal(await page.getByTestId('value-campaign_target_attainment').textContent(), '0.5067');
    assert.deepEqual(errors, []);
  });

  it('a settlement bill dropped on 数据 reaches 财务\'s 对账: the short payout reads -¥10.00', async () => {
    await page.goto('/data');
    await settled(page);
    await page.locator('input[type=file]').setInputFiles([resolve('test/fixtures/ingest/finance/settlement-202603.csv')]);
    const done = page.getByTestId('import-files').locator('[data-status=done]');
    await done.waitFor({ timeout: 120_000 });
    assert.match((await page.getByTestId('import-files').locator('tbody tr.ant-table-row').first().textContent()) ?? '', /settlement-202603\.csv.*settlement-report/);
    await page.goto('/finance?from=2026-03-01&to=2026-03-31');
    await settled(page);
    // …564 was paid ¥1,024.50 and settled ¥1,000.00 + ¥14.50 fee; …599 is a payout of no order here
    const short = page.getByTestId('analysis-reconcile').locator('tbody tr.ant-table-row', { hasText: '3712345678901234564' });
    await short.waitFor();
    assert.deepEqual((await short.locator('td').allTextContents()).slice(1), ['3712345678901234564', '¥1,024.50', '¥1,000.00', '¥14.50', '-¥10.00']);
    await page.getByTestId('analysis-reconcile').locator('tbody tr.ant-table-row', { hasText: '3712345678901234599' }).waitFor();
    assert.deepEqual(errors, []);
  });

  it('says why an upload is refused, in words and with its code', async () => {
    await page.goto('/data');
    await settled(page);
    await page.locator('input[type=file]').setInputFiles([{ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello') }]);
    const toast = page.locator('.ant-message-notice').filter({ hasText: 'SERVER_UPLOAD_TYPE' });
    await toast.waitFor();
    assert.match((await toast.textContent()) ?? '', /文件 notes\.pdf 的类型不被接受,只接受 .*csv.*\(错误代码: SERVER_UPLOAD_TYPE\)/);
  });

  it('refuses a file that is no export with a coded error', async () => {
    const res = await fetch(`${s.url}/api/import`, { method: 'POST', body: new FormData() });
    assert.equal(res.status, 401);
    const form = new FormData();
    form.append('files', new Blob(['hello']), 'notes.pdf');
    const cookies = await s.context.cookies();
    const csrf = cookies.find((c) => c.name === 'shoplens_csrf')!.value;
    const bad = await fetch(`${s.url}/api/import`, {
      method: 'POST', body: form,
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': csrf },
    });
    assert.equal(bad.status, 415);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'SERVER_UPLOAD_TYPE');
  });
});
