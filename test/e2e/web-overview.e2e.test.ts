/**
 * The web app in Chromium on a small demo store: every page opens without an error, 经营总览
 * shows exactly what `shoplens query` says for the same filters, a filter and a drill-down go
 * into the URL and back, "为什么变化?" opens the driver tree, the language switches.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { runCli } from '../helpers/cli.js';
import { ADMIN, launchChromium, pageErrors, settled, startWebServer, type WebServer } from './web-harness.js';

const FROM = '2026-06-01';
const TO = '2026-06-30';
const RANGE = `from=${FROM}&to=${TO}`;
/** The analyses each page must show (names of the server's analysis registry). */
const PANELS: Record<string, string[]> = {
  funnel: ['funnel'], products: ['abc', 'slow-movers'], members: ['rfm', 'members', 'cohort', 'ltv'], inventory: ['inventory'],
  ads: ['channel'], campaigns: ['campaign'], finance: ['pnl', 'reconcile'],
};
const PAGES = ['', 'sales', 'funnel', 'products', 'members', 'inventory', 'ads', 'campaigns', 'finance', 'cs', 'live', 'reports', 'dashboards', 'dictionary', 'data', 'alerts', 'actions', 'cockpit'];

/** `shoplens query … --format json` on the same store: the numbers the tiles must show. */
function cliQuery(db: string, metrics: string[], where: string[], compare?: 'mom' | 'yoy'): Record<string, string | number | null> {
  const args = ['--db', db, 'query', ...metrics, '--from', FROM, '--to', TO, '--format', 'json', ...where.flatMap((w) => ['--where', w]), ...(compare ? ['--compare', compare] : [])];
  const r = runCli(args);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { rows: Record<string, string | number | null>[] }).rows[0]!;
}

async function tileValues(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const el of await page.locator('[data-testid^="value-"]').all()) {
    out[(await el.getAttribute('data-testid'))!.slice('value-'.length)] = (await el.textContent()) ?? '';
  }
  return out;
}

/** The tiles against the CLI: same values, and the 环比 percentage from the CLI's change. */
async function assertTilesMatchCli(page: Page, db: string, where: string[]) {
  const shown = await tileValues(page);
  const metrics = Object.keys(shown);
  assert.ok(metrics.includes('paid_amount') && metrics.includes('gmv') && metrics.includes('paying_buyers'), `tiles: ${metrics.join(', ')}`);
  const cli = cliQuery(db, metrics, where, 'mom');
  for (const m of metrics) {
    assert.equal(shown[m], cli[m] === null ? '' : String(cli[m]), `tile ${m} (${where.join(' ') || 'no filter'})`);
    const pct = cli[`${m}_change_pct`];
    if (typeof pct === 'number' && pct !== 0) {
      const text = await page.getByTestId(`tile-${m}`).locator('.sl-delta').first().textContent();
      assert.ok(text?.includes(`${(Math.abs(pct) * 100).toFixed(1)}%`), `环比 of ${m}: "${text}" should show ${(pct * 100).toFixed(1)}%`);
    }
  }
}

describe('web app on the demo store', { timeout: 1_200_000 }, () => {
  let s: WebServer;
  let page: Page;
  let errors: string[];

  before(async () => {
    s = await startWebServer({ orders: 50_000 });
    page = await s.context.newPage();
    errors = pageErrors(page);
  });
  after(async () => { await s?.close(); });

  it('asks a stranger to sign in, then shows the overview', async () => {
    const browser = await launchChromium();
    try {
      const p = await browser.newPage({ baseURL: s.url });
      await p.goto(`/?${RANGE}`);
      await p.getByTestId('login-username').fill(ADMIN.name);
      await p.getByTestId('login-password').fill(ADMIN.password);
      await p.getByTestId('login-submit').click();
      await p.getByTestId('tile-paid_amount').waitFor();
    } finally {
      await browser.close();
    }
  });

  it('opens every page without an error', async () => {
    for (const path of PAGES) {
      const t = Date.now();
      await page.goto(`/${path}?${RANGE}`);
      await settled(page, 120_000);
      // Not a timing assertion (benchmarks do that): a note for whoever wonders where time goes.
      console.log(`  /${path} settled in ${Date.now() - t} ms`);
      // The message is read only on failure: textContent() would wait for an element that is not there.
      const errorStates = await page.getByTestId('error').allTextContents();
      assert.deepEqual(errorStates, [], `error state on /${path}`);
      for (const name of PANELS[path] ?? []) {
        assert.equal(await page.getByTestId(`analysis-${name}`).count(), 1, `analysis ${name} on /${path}`);
      }
    }
    assert.deepEqual(errors, []);
  });

  it('names analysis columns in the reader\'s language and shows shops, flags and money as a seller reads them', async () => {
    await page.goto(`/inventory?${RANGE}`);
    await settled(page);
    const panel = page.getByTestId('analysis-inventory');
    // the panel answers after the page has settled its tiles: wait for its first table
    await panel.locator('tbody tr.ant-table-row').first().waitFor();
    const heads = (await panel.locator('thead').first().locator('th').allTextContents()).map((h) => h.trim());
    for (const h of ['店铺', 'SKU', '在库', '可售', '预计断货日', '滞销', '库存金额(成本)']) assert.ok(heads.includes(h), `header ${h} in ${heads.join(' | ')}`);
    assert.deepEqual(heads.filter((h) => /^[a-z][a-z0-9_]*$/.test(h)), [], 'no snake_case header');
    const first = panel.locator('tbody').first().locator('tr.ant-table-row').first().locator('td');
    const cell = async (head: string) => ((await first.nth(heads.indexOf(head)).textContent()) ?? '').trim();
    assert.match(await cell('店铺'), /[\u4e00-\u9fff]/, 'a shop by its name, not its id');
    assert.match(await cell('滞销'), /^[是否]$/);
    assert.match(await cell('库存金额(成本)'), /^¥[\d,]+\.\d{2}$/);
    assert.match(await cell('售罄率'), /^\d+\.\d{2}%$/);
  });

  it('exports the inventory panel to XLSX as the page shows it, a sheet per table', async () => {
    const panel = page.getByTestId('analysis-inventory');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-inventory').click()]);
    assert.equal(download.suggestedFilename(), '库存健康.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['概要', 'SKU 库存健康', '预计断货(按日期)', '滞销品(有库存,30 天无销售)', '补货建议']);
    const skus = wb.getWorksheet('SKU 库存健康')!;
    const header = (skus.getRow(1).values as unknown[]).slice(1) as string[];
    assert.ok(header.includes('预计断货日 / Expected stock-out') && header.includes('库存金额(成本) / Stock value at cost'), header.join(' | '));
    // every SKU of the analysis, not the page of ten the table shows; the first is the table's first
    const api = await s.api<{ tables: { skus: { rows: { sku_id: string }[] } } }>('POST', '/api/analysis/inventory', { from: FROM, to: TO, filters: {}, options: {} });
    assert.equal(skus.rowCount - 1, api.tables.skus.rows.length);
    const heads = (await panel.locator('thead').first().locator('th').allTextContents()).map((h) => h.trim());
    const firstSku = ((await panel.locator('tbody').first().locator('tr.ant-table-row').first().locator('td').nth(heads.indexOf('SKU')).textContent()) ?? '').trim();
    assert.equal(skus.getRow(2).getCell(header.indexOf('SKU / SKU') + 1).value, firstSku);
  });

  it('lists the buyers of an RFM segment on 会员 and exports the whole segment', async () => {
    await page.goto(`/members?${RANGE}`);
    await settled(page);
    const rfm = await s.api<{ tables: { segments: { rows: { segment: string; segment_zh: string; buyers: number }[] } } }>(
      'POST', '/api/analysis/rfm', { from: FROM, to: TO, filters: {}, options: {} });
    const biggest = [...rfm.tables.segments.rows].sort((a, b) => b.buyers - a.buyers)[0]!;
    await page.getByTestId('segment-pick').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: biggest.segment_zh }).click();
    const list = page.getByTestId('rfm-buyers');
    await list.locator('tbody tr.ant-table-row').first().waitFor();
    const heads = (await list.locator('thead').first().locator('th').allTextContents()).map((h) => h.trim());
    assert.equal(((await list.locator('tbody tr.ant-table-row').first().locator('td').nth(heads.indexOf('分群')).textContent()) ?? '').trim(), biggest.segment_zh);
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByTestId('export-rfm').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    // every buyer the segment counts (the page shows the first 1,000), each named in the segment
    const sheet = wb.getWorksheet('买家名单')!;
    assert.ok(biggest.buyers > 0);
    assert.equal(sheet.rowCount - 1, biggest.buyers);
    const col = ((sheet.getRow(1).values as unknown[]).slice(1) as string[]).indexOf('分群 / Segment') + 1;
    assert.equal(sheet.getRow(sheet.rowCount).getCell(col).value, biggest.segment_zh);
  });

  it('draws a ratio in percent: 支付转化率 by source', async () => {
    await page.goto(`/funnel?${RANGE}`);
    await settled(page);
    const card = page.locator('.ant-card').filter({ hasText: '支付转化率 · 流量来源' });
    await card.scrollIntoViewIfNeeded(); // the pointer moves only within the window
    const box = await card.locator('canvas').first().boundingBox();
    assert.ok(box, 'the chart is drawn');
    // the tooltip of the bar under the pointer: "搜索<br/>支付转化率: 4.21%", not 0.0421. The
    // pointer moves over the bars again until one answers: under load a single move before the
    // chart listens for it went unanswered (CI, once).
    const tip = page.getByText(/支付转化率: \d+(\.\d{1,2})?%/).first();
    for (let i = 0; i < 10 && !(await tip.isVisible()); i++) {
      await page.mouse.move(box.x + box.width * (0.3 + 0.1 * (i % 5)), box.y + box.height / 2, { steps: 4 });
      await tip.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await tip.waitFor({ timeout: 5_000 });
  });

  it('names a SKU chart\'s bars by product title, not by SKU id', async () => {
    await page.goto(`/products?${RANGE}`);
    await settled(page);
    const card = page.locator('.ant-card').filter({ hasText: '支付金额 · SKU' });
    await card.scrollIntoViewIfNeeded();
    const box = await card.locator('canvas').first().boundingBox();
    assert.ok(box, 'the chart is drawn');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // ECharts' tooltip box: the bar's name, then 支付金额 — the demo's titles begin with its brand, 简屿
    // the titles arrive after the chart's figures: wait until the tooltip shows a title
    const tip = card.locator('div[style*="z-index: 9999999"]', { hasText: /^简屿.*支付金额/ });
    for (let i = 0; i < 20 && (await tip.count()) === 0; i++) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + (i % 2 ? 6 : -6));
      await page.waitForTimeout(500);
    }
    assert.equal(await tip.count(), 1, `tooltip: ${await card.locator('div[style*="z-index: 9999999"]').textContent()}`);
  });

  it('says what a duration counts: 客服首响时长 in 秒, 平均发货时长 in 小时', async () => {
    await page.goto(`/cs?${RANGE}`);
    await settled(page);
    assert.match((await page.getByTestId('tile-cs_first_response_s').locator('.ant-statistic-content').textContent()) ?? '', /^[\d,.]+ 秒$/);
    assert.match((await page.getByTestId('tile-avg_ship_hours').locator('.ant-statistic-content').textContent()) ?? '', /^[\d,.]+ 小时$/);
  });

  it('指标字典 names units and every driver, helper metrics included', async () => {
    await page.goto(`/dictionary?${RANGE}`);
    await settled(page);
    const roi = page.locator('tr.ant-table-row', { has: page.locator('code', { hasText: /^roi$/ }) });
    await roi.waitFor();
    const cells = (await roi.locator('td').allTextContents()).map((c) => c.trim());
    // ROI = (attributed orders / clicks) × (attributed GMV / attributed orders) / CPC: three helper metrics by name
    assert.equal(cells[5], '广告转化率广告笔单价单位花费点击数');
    const paid = page.locator('tr.ant-table-row', { has: page.locator('code', { hasText: /^paid_amount$/ }) });
    assert.equal(((await paid.locator('td').nth(4).textContent()) ?? '').trim(), '金额(元)');
  });

  it('shows on 经营总览 exactly what shoplens query says, and the date range stays in the URL', async () => {
    await page.goto(`/?${RANGE}`);
    await settled(page);
    await assertTilesMatchCli(page, s.dbCopy, []);
    await page.screenshot({ path: `${s.dir}/overview.png`, fullPage: true });
  });

  it('applies a platform filter through the URL and the numbers follow it', async () => {
    await page.goto(`/?${RANGE}`);
    await settled(page);
    await page.getByTestId('filter-platform').click();
    await page.locator('.ant-select-item-option[title="京东"]').click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/platform=jd/);
    await settled(page);
    await assertTilesMatchCli(page, s.dbCopy, ['platform=jd']);
    // The URL alone restores the view: a bookmark.
    const fresh = await s.context.newPage();
    await fresh.goto(page.url());
    await settled(fresh);
    assert.deepEqual(await tileValues(fresh), await tileValues(page));
    await fresh.close();
  });

  it('drills down platform → shop by clicking the charts, and back by the breadcrumb', async () => {
    await page.goto(`/?${RANGE}`);
    await settled(page);
    const chart = page.getByTestId('chart-drill');
    const box = (await chart.boundingBox())!;
    // The pie is centred at (40 %, 50 %) with radii 40–70 % of the half side; the largest
    // platform (rows come sorted by paid amount) starts at twelve o'clock, clockwise.
    const r = (Math.min(box.width, box.height) / 2) * 0.55;
    await chart.click({ position: { x: box.width * 0.4 + r * Math.sin(0.35), y: box.height * 0.5 - r * Math.cos(0.35) } });
    await page.waitForURL(/drill=platform/);
    const platform = decodeURIComponent(/drill=platform(?:%3A|:)([^&|%]+)/.exec(page.url())![1]!);
    const byPlatform = JSON.parse(runCli(['--db', s.dbCopy, 'query', 'paid_amount', '--by', 'platform', '--from', FROM, '--to', TO, '--sort', 'paid_amount:desc', '--format', 'json']).stdout) as { rows: Array<{ platform: string }> };
    assert.equal(platform, byPlatform.rows[0]!.platform, 'the click lands on the largest platform');
    await settled(page);
    assert.ok(await page.getByTestId('crumb-1').isVisible());
    await assertTilesMatchCli(page, s.dbCopy, [`platform=${platform}`]);

    // One level further: the first (largest) shop bar. Horizontal bars: grid from 170 px on the
    // left (the names), 16 px below the top to 32 px above the bottom, one band per shop, the bar
    // in the middle of its band.
    const shops = (JSON.parse(runCli(['--db', s.dbCopy, 'query', 'paid_amount', '--by', 'shop', '--where', `platform=${platform}`, '--from', FROM, '--to', TO, '--format', 'json']).stdout) as { rows: unknown[] }).rows.length;
    const band = (box.height - 48) / shops;
    await chart.click({ position: { x: 180, y: 16 + band / 2 } });
    await page.waitForURL(/drill=platform(%3A|:)[^&]*(%7C|\|)shop/);
    await settled(page);
    assert.ok(await page.getByTestId('crumb-2').isVisible());

    await page.getByTestId('crumb-0').click();
    await page.waitForURL((u) => !u.searchParams.has('drill'));
    await settled(page);
    await assertTilesMatchCli(page, s.dbCopy, []);
  });

  it('explains a change from a tile: "为什么变化?" opens the driver tree', async () => {
    await page.goto(`/?${RANGE}`);
    await settled(page);
    await page.getByTestId('why-paid_amount').click();
    const drivers = page.getByTestId('explain-drivers');
    await drivers.waitFor();
    // paid amount = visitors × conversion rate × AOV: three drivers.
    assert.equal(await drivers.locator('tbody tr.ant-table-row').count(), 3);
    const cli = cliQuery(s.dbCopy, ['paid_amount'], [], 'mom');
    const change = await page.getByTestId('explain-change').textContent();
    const yuan = Number(cli.paid_amount_change).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    assert.ok(change?.includes(yuan), `change "${change}" should show ${yuan}`);
    await page.keyboard.press('Escape');
  });

  it('switches to English and back', async () => {
    await page.goto(`/?${RANGE}`);
    await settled(page);
    await page.getByTestId('lang-switch').click();
    await page.getByText('Overview', { exact: true }).first().waitFor();
    assert.ok(await page.getByTestId('tile-paid_amount').getByText('paid amount').isVisible());
    await page.getByTestId('lang-switch').click();
    await page.getByText('经营总览', { exact: true }).first().waitFor();
  });

  it('shows the wall display dark and full screen', async () => {
    await page.goto(`/cockpit?${RANGE}`);
    await settled(page);
    const bg = await page.getByTestId('page-cockpit').evaluate((el) => (globalThis as any).getComputedStyle(el).backgroundColor as string);
    assert.equal(bg, 'rgb(5, 11, 30)');
    assert.ok(await page.getByTestId('big-paid_amount').isVisible());
    assert.deepEqual(errors, []);
  });
});
