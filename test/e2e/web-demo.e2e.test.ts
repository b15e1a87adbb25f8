/**
 * A seller who started on the demo store takes it out from the 数据 page: the page says the
 * demo's six shops are there, the owner removes them (asked to confirm), and the store is empty
 * again — 经营总览 says to import files, the data coverage lists no shop.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { pageErrors, settled, startWebServer, type WebServer } from './web-harness.js';

describe('removing the demo store from the 数据 page', { timeout: 600_000 }, () => {
  let s: WebServer;
  let page: Page;
  let errors: string[];

  before(async () => {
    s = await startWebServer({ orders: 2_000 });
    page = await s.context.newPage();
    errors = pageErrors(page);
  });
  after(async () => { await s?.close(); });

  it('says the demo is there, and removes it on confirmation', async () => {
    await page.goto('/data');
    await settled(page);
    const notice = page.getByTestId('demo-notice');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /库中有演示店铺的数据\(简屿,6 家店铺\)/);
    // up to date or behind the newest day (a small shop of a 2,000-line demo may sell nothing for days)
    const shopsWithOrders = page.getByTestId('data-coverage').locator('[data-coverage$=":orders:ok"], [data-coverage$=":orders:behind"]');
    await shopsWithOrders.first().waitFor();
    assert.equal(await shopsWithOrders.count(), 6, 'six demo shops hold orders');
    await page.getByTestId('remove-demo').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已删除演示数据' }).waitFor();
    await notice.waitFor({ state: 'detached' });
    await page.getByTestId('data-coverage').getByTestId('empty').waitFor();
    assert.equal(await shopsWithOrders.count(), 0);
    assert.deepEqual(await s.api<{ shops: string[] }>('GET', '/api/demo'), { shops: [] });
  });

  it('leaves an empty store: 经营总览 says to import files', async () => {
    await page.goto('/');
    await page.getByTestId('empty').first().waitFor();
    assert.match((await page.getByTestId('empty').first().textContent()) ?? '', /请导入平台导出文件,或加载演示店铺/);
    assert.deepEqual(errors, []);
  });
});
