/**
 * The web app end to end: a real demo store in a temp folder, the real `shoplens serve` on a
 * random 127.0.0.1 port (the built web app from web/dist), an owner created through the setup
 * API, and Debian's headless Chromium driven by playwright-core. Never a downloaded browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runCli } from '../helpers/cli.js';

export const CHROMIUM = process.env.SHOPLENS_CHROMIUM ?? '/usr/bin/chromium';
export const ADMIN = { name: 'boss', password: 'e2e-password-1' };
/** The demo store's last day: fixed so expected dates and presets do not move with the clock. */
export const DEMO_END = '2026-06-30';

export interface WebServer {
  url: string;
  dir: string;
  db: string;
  /**
   * A copy of the store taken before the server opened it, for `shoplens query` expectations:
   * DuckDB lets one process hold a file, and the server holds the original.
   */
  dbCopy: string;
  browser: Browser;
  /** a signed-in browser context (cookie from the real login route) */
  context: BrowserContext;
  /** signed-in API calls for expectations (the same JSON API the app uses) */
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'];

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Chromium with a profile on disk in `dir`, as a person's own browser runs: its HTTP cache and
 * V8's code cache persist across visits. A `launchChromium()` context is a private window, where
 * the browser compiles every script again on each visit.
 */
export async function launchChromiumProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 } });
}

/** Spawns `shoplens serve --port 0` and resolves with the URL it prints once listening. */
export function serve(db: string, env: Record<string, string> = {}): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [resolve('bin/shoplens.js'), '--db', db, 'serve', '--host', '127.0.0.1', '--port', '0'], {
    cwd: resolve('.'), env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, ko) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => ko(new Error(`serve did not start in 60 s\n${out}\n${err}`)), 60_000);
    proc.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) { clearTimeout(timer); ok({ url: m[1]!, proc }); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); ko(new Error(`serve exited with ${code}\n${out}\n${err}`)); });
  });
}

/** A demo store of `orders` lines, the server on it and a signed-in browser. */
export async function startWebServer(options: { orders?: number; seed?: number; demo?: boolean } = {}): Promise<WebServer> {
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-web-'));
  const db = join(dir, 'store.duckdb');
  if (options.demo !== false) {
    const r = runCli(['--db', db, 'demo', '--orders', String(options.orders ?? 50_000), '--seed', String(options.seed ?? 7), '--end', DEMO_END]);
    if (r.code !== 0) throw new Error(`demo failed: ${r.stderr}`);
  } else {
    const r = runCli(['--db', db, 'init']);
    if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  }
  const dbCopy = join(dir, 'copy.duckdb');
  copyFileSync(db, dbCopy);
  const { url, proc } = await serve(db);
  const setup = await fetch(`${url}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!setup.ok) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
  const cookies = setup.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = ((await setup.json()) as { csrfToken: string }).csrfToken;
  const cookieHeader = cookies.join('; ');

  const browser = await launchChromium();
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1440, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  await context.addCookies(cookies.map((c) => {
    const [name, ...v] = c.split('=');
    return { name: name!, value: v.join('='), url };
  }));
  return {
    url, dir, db, dbCopy, browser, context,
    async api<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { cookie: cookieHeader, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<T>;
    },
    async close() {
      await browser.close().catch(() => undefined);
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the page has no loading spinners and every chart drew its first frame. */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  // A function (a string would be eval, which the app's CSP forbids); runs in the page, where
  // `document` exists — this file compiles without the DOM library, hence the cast.
  await page.waitForFunction(() => {
    const doc = (globalThis as any).document;
    return !doc.querySelector('[data-testid="loading"]')
      && doc.querySelector('.ant-layout-content, .sl-cockpit') !== null
      && [...doc.querySelectorAll('.sl-chart')].every((c: any) => c.getAttribute('data-rendered') === '1');
  }, undefined, { timeout });
}

/** Collects uncaught page errors so a test can assert the app never threw. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
