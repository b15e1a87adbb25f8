/**
 * The real thing: `shoplens user add` and `shoplens serve` from the built bin, a server listening
 * on 127.0.0.1 at a free port, spoken to with fetch like a browser or a script would.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { verifyPassword } from '../auth/passwords.js';
import { openMetaStore } from '../meta/index.js';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';

const PASSWORD = 'a-long-enough-password';

function startServe(db: string, extra: string[] = [], env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<number | null>; output: () => string }> {
  const child = spawn(process.execPath, [resolve('bin/shoplens.js'), '--db', db, 'serve', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}`)), 60_000);
    const check = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveStart({ url: m[1]!, output: () => out, stop: () => (child.kill('SIGTERM'), exited) });
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

test('user add, serve on a free port, sign in, CSRF, sign out, stop', async () => {
  const { dir, cleanup } = tempDir();
  const db = resolve(dir, 'store.duckdb');
  try {
    assert.equal(runCli(['--db', db, 'init']).code, 0);
    const add = runCli(['--db', db, 'user', 'add', 'boss', '--role', 'owner', '--password-stdin'], { input: `${PASSWORD}\n` });
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /boss \(owner/);
    const agency = runCli(['--db', db, 'user', 'add', 'agent', '--role', 'agency', '--password-stdin'], { input: PASSWORD });
    assert.equal(agency.code, 3);
    assert.match(agency.stderr, /AUTH_ROLE_NEEDS_SHOPS/);
    const shopAgent = runCli(['--db', db, 'user', 'add', 'agent', '--role', 'agency', '--shops', 'tm-1', '--password-stdin'], { input: PASSWORD });
    assert.equal(shopAgent.code, 0, shopAgent.stderr);
    const widen = runCli(['--db', db, 'user', 'set', 'agent', '--shops', 'tm-1,jd-1', '--disable']);
    assert.equal(widen.code, 0, widen.stderr);
    assert.match(widen.stdout, /agent: agency, tm-1,jd-1, disabled/);
    // a member leaving: their dashboard goes to the boss
    assert.equal(runCli(['--db', db, 'user', 'add', 'leaver', '--role', 'ops', '--password-stdin'], { input: PASSWORD }).code, 0);
    const leaving = await openMetaStore(resolve(dir, 'shoplens-meta.sqlite'));
    try {
      await leaving.documents.put('dashboard', 'weekly', (await leaving.users.byName('leaver'))!.id, { name: '周会看板', reports: [] });
    } finally {
      await leaving.close();
    }
    const noHeir = runCli(['--db', db, 'user', 'remove', 'leaver', '--transfer-to', 'nobody']);
    assert.equal(noHeir.code, 3);
    assert.match(noHeir.stderr, /no user nobody/);
    const removed = runCli(['--db', db, 'user', 'remove', 'leaver', '--transfer-to', 'boss']);
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(removed.stdout, /removed leaver; 已转给 \/ handed to boss: dashboard 1/);
    const kept = await openMetaStore(resolve(dir, 'shoplens-meta.sqlite'));
    try {
      assert.equal((await kept.documents.get('dashboard', 'weekly'))?.ownerId, (await kept.users.byName('boss'))!.id);
      assert.equal(await kept.users.byName('leaver'), undefined);
    } finally {
      await kept.close();
    }
    const noStdin = runCli(['--db', db, 'user', 'add', 'x1', '--role', 'ops']);
    assert.equal(noStdin.code, 3);
    assert.match(noStdin.stderr, /--password-stdin/);

    assert.equal(runCli(['--db', db, 'serve', '--max-upload-mb', '0']).code, 2, 'a limit of 0 MB is refused');
    const server = await startServe(db, ['--max-upload-mb', '1']);
    try {
      assert.match(server.output(), /ShopLens/);
      const health = await fetch(`${server.url}/api/health`);
      assert.deepEqual(await health.json(), { ok: true, warehouse: 'duckdb', meta: 'sqlite' });
      assert.equal((await fetch(`${server.url}/api/shops`)).status, 401);

      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'boss', password: PASSWORD }) });
      assert.equal(login.status, 200);
      const setCookies = login.headers.getSetCookie();
      assert.ok(setCookies.some((c) => /^shoplens_session=.+HttpOnly/i.test(c) && /SameSite=Strict/i.test(c)), setCookies.join(' | '));
      const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
      assert.equal(((await me.json()) as { user: { role: string } }).user.role, 'owner');

      // the metadata store stays usable from the CLI while the server holds the warehouse
      const list = runCli(['--db', db, 'user', 'list', '--format', 'csv']);
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /^boss,owner,all,/m);
      assert.match(list.stdout, /^agent,agency,"tm-1,jd-1",,true,false$/m);

      // --max-upload-mb 1: a file over 1 MB is refused with what to do; a smaller one is taken
      const send = (name: string, body: string) => {
        const form = new FormData();
        form.append('shop', 'tm-1');
        form.append('files', new Blob([body]), name);
        return fetch(`${server.url}/api/import`, { method: 'POST', body: form, headers: { cookie, 'x-csrf-token': csrfToken } });
      };
      const header = '订单编号,买家会员名,买家实际支付金额,订单状态,订单创建时间,订单付款时间\n';
      const big = await send('ExportOrderList-big.csv', header + '1,a,1.00,交易成功,2026-03-01 10:00:00,2026-03-01 10:00:05\n'.repeat(25_000));
      assert.equal(big.status, 413);
      const { error } = (await big.json()) as { error: { code: string; message: { zh: string; en: string } } };
      assert.equal(error.code, 'SERVER_UPLOAD_TOO_LARGE');
      assert.match(error.message.zh, /超过上传上限 1 MB.*shoplens import.*--max-upload-mb/);
      assert.match(error.message.en, /over the upload limit of 1 MB.*shoplens import.*--max-upload-mb/);
      assert.equal((await send('ExportOrderList-small.csv', header + '2,b,2.00,交易成功,2026-03-01 10:00:00,2026-03-01 10:00:05\n')).status, 200);

      const noCsrf = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
      assert.equal(noCsrf.status, 403);
      const out = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
      assert.equal(out.status, 200);
      assert.equal((await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).status, 401);
    } finally {
      assert.equal(await server.stop(), 0);
    }

    // an admin locked out of the web app resets the password from the machine
    const passwd = runCli(['--db', db, 'user', 'passwd', 'boss', '--password-stdin'], { input: 'another-long-password\n' });
    assert.equal(passwd.code, 0, passwd.stderr);
    const meta = await openMetaStore(resolve(dir, 'shoplens-meta.sqlite'));
    try {
      const boss = (await meta.users.byName('boss'))!;
      assert.equal(await verifyPassword(boss.passwordHash, 'another-long-password'), true);
      assert.equal(await verifyPassword(boss.passwordHash, PASSWORD), false);
    } finally {
      await meta.close();
    }
  } finally {
    cleanup();
  }
});

test('serve says where the links in messages point, and that 127.0.0.1 will not open on a colleague\'s phone', async () => {
  const { dir, cleanup } = tempDir();
  const db = resolve(dir, 'store.duckdb');
  const settle = () => new Promise((r) => setTimeout(r, 1_500));
  try {
    assert.equal(runCli(['--db', db, 'init']).code, 0);
    // no channel yet: nothing to warn about
    const quiet = await startServe(db);
    await settle();
    await quiet.stop();
    assert.doesNotMatch(quiet.output(), /SHOPLENS_BASE_URL/);
    assert.equal(runCli(['--db', db, 'alerts', 'channel-add', '{"id":"ding","kind":"dingtalk","url":"http://127.0.0.1:9/robot/send?access_token=t"}']).code, 0);
    const local = await startServe(db);
    await settle();
    await local.stop();
    assert.match(local.output(), /Note: links in alert and report messages point at http:\/\/127\.0\.0\.1:\d+, which colleagues' phones cannot open; set SHOPLENS_BASE_URL/);
    const lan = await startServe(db, [], { SHOPLENS_BASE_URL: 'http://192.168.1.20:8787' });
    await settle();
    await lan.stop();
    assert.match(lan.output(), /links in messages: http:\/\/192\.168\.1\.20:8787/);
    assert.doesNotMatch(lan.output(), /cannot open/);
  } finally {
    cleanup();
  }
});
