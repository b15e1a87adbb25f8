/**
 * An owner sets up the team in the browser (设置): adds an outside agency limited to the JD shop,
 * sees it in the audit log, makes a custom role; the agency signs in and finds only the pages
 * its role may open, changes its password; the owner stops the account and the agency is out.
 * On 我的账号 the owner makes an API token, uses it from a script and revokes it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { pageErrors, settled, startWebServer, type WebServer } from './web-harness.js';

const AGENCY = { name: 'agency-jd', password: 'agency-password-1', next: 'agency-password-2' };

/**
 * Chooses `option` in the antd Select `testId`. Under load a click can land while the list still
 * slides open and miss; the choice is confirmed by the select showing it, else tried again.
 */
async function pick(page: Page, testId: string, option: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
    await item.waitFor();
    await item.click();
    try {
      await select.filter({ hasText: option }).waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

async function signIn(browser: Browser, url: string, name: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  await page.goto('/');
  await page.getByTestId('login-username').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

const menu = async (page: Page) => (await page.locator('.ant-layout-sider .ant-menu-item').allTextContents()).map((s) => s.trim());

describe('the team in the browser: members, roles, audit log, my account', { timeout: 600_000 }, () => {
  let s: WebServer;
  let owner: Page;
  let errors: string[];

  before(async () => {
    s = await startWebServer({ orders: 2_000 });
    owner = await s.context.newPage();
    errors = pageErrors(owner);
  });
  after(async () => { await s?.close(); });

  it('the owner adds an agency limited to the JD shop, and the audit log shows it', async () => {
    await owner.goto('/settings');
    await owner.getByTestId('user-add').click();
    await owner.getByTestId('user-name').fill(AGENCY.name);
    await owner.getByTestId('user-display-name').fill('京东代运营');
    await owner.getByTestId('user-password').fill(AGENCY.password);
    await pick(owner, 'user-role', '外部代运营');
    await owner.getByTestId('user-reach').getByText('指定店铺或平台').click();
    await pick(owner, 'user-shops', '简屿京东旗舰店(jd_pop)');
    await owner.keyboard.press('Escape');
    await owner.getByTestId('user-save').click();
    const row = owner.getByTestId(`user-${AGENCY.name}`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    assert.match(text, /京东代运营/);
    assert.match(text, /外部代运营/);
    assert.match(text, /简屿京东旗舰店/);
    assert.equal(await row.locator('[data-status="active"]').count(), 1);
    // what the server now holds
    const { users } = await s.api<{ users: { name: string; role: string; shops: string[] | 'all' }[] }>('GET', '/api/users');
    const saved = users.find((u) => u.name === AGENCY.name)!;
    assert.equal(saved.role, 'agency');
    assert.deepEqual(saved.shops, ['jd_pop']);

    await owner.getByRole('tab', { name: '审计日志' }).click();
    await pick(owner, 'audit-action', '添加成员');
    // the owner's own creation at setup, and the agency
    const entry = owner.locator('[data-action="user.create"]').filter({ hasText: AGENCY.name });
    await entry.first().waitFor();
    assert.equal(await entry.count(), 1);
    assert.match((await entry.textContent()) ?? '', /boss.*添加成员.*"name":"agency-jd".*"role":"agency"/);
  });

  it('the owner makes a custom role from permissions', async () => {
    await owner.getByRole('tab', { name: '角色与权限' }).click();
    await owner.getByTestId('role-add').click();
    await owner.getByTestId('role-id').fill('warehouse');
    await owner.getByTestId('role-zh').fill('仓库');
    await owner.getByTestId('role-en').fill('warehouse');
    await owner.getByTestId('role-permissions').getByText('数据导入页面').click();
    await owner.getByTestId('role-save').click();
    const row = owner.getByTestId('role-warehouse');
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /仓库.*自定义.*总览页面.*数据导入页面/);
    const { roles } = await s.api<{ roles: { id: string; permissions: string[] }[] }>('GET', '/api/roles');
    assert.deepEqual(roles.find((r) => r.id === 'warehouse')?.permissions.sort(), ['analysis:run', 'metrics:read', 'page:analysis', 'page:data', 'page:overview']);
  });

  it('the agency sees only its pages and its shop, and changes its password', async () => {
    const agency = await signIn(s.browser, s.url, AGENCY.name, AGENCY.password);
    const agencyErrors = pageErrors(agency);
    await settled(agency);
    assert.deepEqual(await menu(agency), ['经营总览', '销售', '流量与转化', '商品', '会员', '库存', '推广', '活动', '客服', '直播', '指标字典']);
    await agency.getByTestId('user-menu').click();
    assert.match((await agency.locator('.ant-dropdown:visible').textContent()) ?? '', /agency-jd · 外部代运营/);
    await agency.keyboard.press('Escape');
    for (const path of ['/finance', '/data', '/settings']) {
      await agency.goto(path);
      await agency.getByTestId('not-allowed').waitFor();
      assert.match((await agency.getByTestId('not-allowed').textContent()) ?? '', /你的角色\(外部代运营\)不能打开这个页面/);
    }
    // 会员 without the buyer list (no customers:read)
    await agency.goto('/members');
    await settled(agency);
    await agency.getByTestId('analysis-rfm').waitFor();
    assert.equal(await agency.getByTestId('segment-buyers').count(), 0);
    const me = await (await agency.request.get('/api/auth/me')).json() as { scope: { shopIds: string[] } };
    assert.deepEqual(me.scope.shopIds, ['jd_pop']);

    await agency.goto('/account');
    assert.match((await agency.getByTestId('account-who').textContent()) ?? '', /agency-jd.*京东代运营.*外部代运营.*jd_pop/);
    await agency.getByTestId('password-current').fill(AGENCY.password);
    await agency.getByTestId('password-new').fill(AGENCY.next);
    await agency.getByTestId('password-again').fill(AGENCY.next);
    await agency.getByTestId('password-submit').click();
    await agency.locator('.ant-message-notice').filter({ hasText: '密码已修改' }).waitFor();
    assert.deepEqual(agencyErrors, []);
    await agency.context().close();
    // the new password signs in
    const again = await signIn(s.browser, s.url, AGENCY.name, AGENCY.next);
    await again.context().close();
  });

  it('the owner stops the account: the agency is signed out and cannot sign in', async () => {
    const agency = await signIn(s.browser, s.url, AGENCY.name, AGENCY.next);
    await owner.getByRole('tab', { name: '成员' }).click();
    await owner.getByTestId(`user-edit-${AGENCY.name}`).click();
    await owner.getByTestId('user-disabled').click();
    await owner.getByTestId('user-save').click();
    await owner.getByTestId(`user-${AGENCY.name}`).locator('[data-status="disabled"]').waitFor();
    await agency.goto('/sales');
    await agency.getByTestId('login-submit').waitFor();
    const login = await agency.request.post('/api/auth/login', { data: { name: AGENCY.name, password: AGENCY.next } });
    assert.equal(login.status(), 403);
    await agency.context().close();
  });

  it('deleting a member hands their dashboard to another', async () => {
    await s.api('POST', '/api/users', { name: 'leaver', password: 'leaver-password-1', role: 'ops', shops: 'all' });
    // the member saves a dashboard through the API, signed in as themselves
    const login = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'leaver', password: 'leaver-password-1' }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = await login.json() as { csrfToken: string };
    const saved = await fetch(`${s.url}/api/dashboards`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify({ name: '周会看板', reports: [] }) });
    assert.equal(saved.status, 200, await saved.clone().text());

    await owner.goto('/settings');
    await owner.getByTestId('user-delete-leaver').click();
    await owner.getByTestId('user-owned').waitFor();
    assert.match((await owner.getByTestId('user-owned').textContent()) ?? '', /看板 1/);
    await pick(owner, 'user-heir', '(boss)');
    await owner.getByTestId('user-delete-confirm').click();
    await owner.getByTestId('user-leaver').waitFor({ state: 'detached' });
    const mine = await s.api<{ dashboards: { name: string }[] }>('GET', '/api/dashboards');
    assert.ok(mine.dashboards.some((d) => d.name === '周会看板'), JSON.stringify(mine));
  });

  it('my account: an API token works from a script until it is revoked', async () => {
    await owner.goto('/account');
    await owner.getByTestId('token-name').fill('nightly-export');
    await owner.getByTestId('token-create').click();
    const value = (await owner.getByTestId('token-value').textContent())?.trim() ?? '';
    assert.ok(value.length > 20, value);
    const asScript = (token: string) => fetch(`${s.url}/api/catalog`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await asScript(value)).status, 200);
    await owner.locator('.ant-modal:visible .ant-btn-primary').click();
    await owner.getByTestId('token-revoke-nightly-export').click();
    await owner.locator('.ant-popconfirm .ant-btn-primary').click();
    await owner.getByTestId('token-nightly-export').getByText('已吊销').waitFor();
    assert.equal((await asScript(value)).status, 401);
    assert.deepEqual(errors, []);
  });
});
