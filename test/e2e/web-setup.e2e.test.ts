/**
 * The first run, as the README tells it: the server on a store with nobody in it, the page
 * opened in Chromium asks to create the administrator (the API answers AUTH_SETUP_REQUIRED,
 * not 401), creates it and signs in; the next visit asks to sign in.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { runCli } from '../helpers/cli.js';
import { launchChromium, pageErrors, serve } from './web-harness.js';

describe('first-run setup in the browser', { timeout: 300_000 }, () => {
  let dir: string;
  let url: string;
  let proc: ChildProcess;
  let browser: Browser;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shoplens-setup-'));
    const db = join(dir, 'store.duckdb');
    const r = runCli(['--db', db, 'init']);
    assert.equal(r.code, 0, r.stderr);
    ({ url, proc } = await serve(db));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    proc?.kill('SIGTERM');
    if (proc) await new Promise((r) => proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('asks for the administrator, creates it and signs in; a new visit asks to sign in', async () => {
    const context = await browser.newContext({ baseURL: url, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = pageErrors(page);
    await page.goto('/');
    await page.getByText('首次使用:创建管理员').waitFor();
    await page.getByTestId('login-username').fill('boss');
    await page.getByTestId('login-password').fill('first-run-password-1');
    await page.getByTestId('login-submit').click();
    // signed in: the app's menu, and the empty store says what to do
    await page.getByTestId('empty').first().waitFor();
    assert.match((await page.getByTestId('empty').first().textContent()) ?? '', /请导入平台导出文件,或加载演示店铺/);
    assert.deepEqual(errors, []);

    const stranger = await (await browser.newContext({ baseURL: url, locale: 'zh-CN' })).newPage();
    await stranger.goto('/');
    await stranger.getByTestId('login-submit').waitFor();
    assert.equal(await stranger.getByText('首次使用:创建管理员').count(), 0, 'setup is done: a sign-in form, not the setup');
  });
});
