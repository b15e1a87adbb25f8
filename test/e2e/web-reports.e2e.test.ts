/**
 * The report builder in Chromium: pick metrics and a dimension, preview, save under a name,
 * place the report on a dashboard, export the table to XLSX and CSV — and read both files back
 * (exceljs) to check every number against `shoplens query` on the same store.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { decimalToFen } from '../../src/core/money.js';
import { runCli } from '../helpers/cli.js';
import { pageErrors, settled, startWebServer, type WebServer } from './web-harness.js';

const FROM = '2026-05-01';
const TO = '2026-06-30';
const NAME = '平台销售报表';

type CliRow = { platform: string; paid_amount: string; paid_orders: number };

describe('report builder', { timeout: 600_000 }, () => {
  let s: WebServer;
  let page: Page;
  let errors: string[];
  let expected: CliRow[];

  before(async () => {
    s = await startWebServer({ orders: 40_000, seed: 11 });
    page = await s.context.newPage();
    errors = pageErrors(page);
    const r = runCli(['--db', s.dbCopy, 'query', 'paid_amount', 'paid_orders', '--by', 'platform', '--from', FROM, '--to', TO, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    expected = (JSON.parse(r.stdout) as { rows: CliRow[] }).rows;
    assert.ok(expected.length >= 3, 'the demo store sells on several platforms');
  });
  after(async () => { await s?.close(); });

  it('builds, previews and saves a report, and places it on a dashboard', async () => {
    await page.goto(`/reports?from=${FROM}&to=${TO}`);
    await settled(page);
    // Open the picker once: a second click on the select could land on a chosen tag's ✕.
    await page.getByTestId('rb-metrics').click();
    for (const id of ['paid_amount', 'paid_orders']) {
      await page.keyboard.type(id);
      await page.locator(`.ant-select-item-option[title*="(${id})"]`).click();
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('rb-dimensions').click();
    await page.locator('.ant-select-item-option[title="平台"]').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('rb-preview').click();
    const table = page.getByTestId('report-table');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr.ant-table-row').count(), expected.length);

    await page.getByTestId('rb-name').fill(NAME);
    await page.getByTestId('rb-save').click();
    await page.getByTestId('saved-reports').getByText(NAME).waitFor();
    const saved = await s.api<{ reports: Array<{ name: string; query: { metrics: string[]; dimensions: string[] } }> }>('GET', '/api/reports');
    assert.deepEqual(saved.reports.map((r) => [r.name, r.query.metrics, r.query.dimensions]), [[NAME, ['paid_amount', 'paid_orders'], ['platform']]]);

    page.once('dialog', (d) => void d.accept('老板看板'));
    const placed = page.waitForResponse((r) => r.url().endsWith('/api/dashboards') && r.request().method() === 'POST');
    await page.getByTestId('rb-dashboard').click();
    assert.equal((await placed).status(), 200);
    await page.goto(`/dashboards?from=${FROM}&to=${TO}`);
    await settled(page);
    await page.getByTestId(`dash-card-${NAME}`).getByTestId('report-table').waitFor();
  });

  it('exports the table to XLSX with the numbers of shoplens query', async () => {
    await page.goto(`/reports?from=${FROM}&to=${TO}`);
    await settled(page);
    await page.getByTestId('saved-reports').getByRole('button', { name: /打\s?开|Open/ }).first().click();
    await page.getByTestId('rb-preview').click();
    await page.getByTestId('report-table').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rb-xlsx').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    assert.deepEqual(header, ['平台', '支付金额', '支付订单数']);
    const got = new Map<string, { fen: bigint; orders: number }>();
    for (let i = 2; i <= ws.rowCount; i++) {
      const [platform, amount, orders] = (ws.getRow(i).values as unknown[]).slice(1);
      assert.equal(typeof amount, 'number', 'money is a number in the workbook');
      got.set(String(platform), { fen: BigInt(Math.round((amount as number) * 100)), orders: orders as number });
    }
    assert.equal(got.size, expected.length);
    for (const e of expected) {
      assert.deepEqual(got.get(e.platform), { fen: decimalToFen(e.paid_amount), orders: e.paid_orders }, e.platform);
    }
  });

  it('exports the same table to CSV with exact decimal text', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rb-csv').click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'BOM for Excel');
    const lines = text.slice(1).trim().split('\r\n');
    assert.equal(lines[0], '平台,支付金额,支付订单数');
    const rows = new Set(lines.slice(1));
    for (const e of expected) assert.ok(rows.has(`${e.platform},${e.paid_amount},${e.paid_orders}`), `${e.platform} row in ${[...rows].join(' | ')}`);
    assert.deepEqual(errors, []);
  });
});
