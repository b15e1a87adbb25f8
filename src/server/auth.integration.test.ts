import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sha256 } from '../auth/secrets.js';
import { freshMetaLocation, metaTestEngines } from '../meta/test-engines.js';
import { TEST_PASSWORD, testServer, cookieHeader, type TestServer } from './testing/harness.js';

const code = (res: { json(): unknown }) => (res.json() as { error?: { code: string } }).error?.code;

describe('first run', () => {
  let t: TestServer;
  before(async () => (t = await testServer({ users: false })));
  after(() => t.close());

  test('with no user, only health and setup answer; setup makes one owner, once', async () => {
    assert.equal((await t.app.inject({ url: '/api/health' })).statusCode, 200);
    assert.deepEqual((await t.app.inject({ url: '/api/setup' })).json(), { needsSetup: true });
    const shops = await t.app.inject({ url: '/api/shops' });
    assert.equal(shops.statusCode, 409);
    assert.equal(code(shops), 'AUTH_SETUP_REQUIRED');
    const weak = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { name: 'boss', password: 'short' } });
    assert.equal(code(weak), 'AUTH_WEAK_PASSWORD');
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { name: 'boss', password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as { user: { role: string } }).user.role, 'owner');
    // the setup answer signs the admin in
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: cookieHeader(res) } });
    assert.equal((me.json() as { user: { name: string } }).user.name, 'boss');
    const again = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { name: 'mallory', password: TEST_PASSWORD } });
    assert.equal(code(again), 'AUTH_SETUP_DONE');
    assert.equal(await t.meta.users.count(), 1);
    assert.deepEqual((await t.app.inject({ url: '/api/setup' })).json(), { needsSetup: false });
    const actions = (await t.meta.audit.list()).map((e) => e.action);
    assert.ok(actions.includes('setup') && actions.includes('user.create'), actions.join(','));
  });
});

for (const engine of metaTestEngines()) describe(`sessions, cookies, CSRF, lock-out, tokens (metadata on ${engine})`, () => {
  let t: TestServer;
  let meta: { location: string; cleanup: () => Promise<void> };
  before(async () => {
    meta = await freshMetaLocation(engine);
    t = await testServer({ metaUrl: meta.location, config: { login: { maxPerMinute: 1000, lockAfter: 3, lockMs: 60_000 } } });
  });
  after(async () => {
    await t.close();
    await meta.cleanup();
  });

  test('login sets an HttpOnly SameSite=Strict session cookie; Secure over https behind a trusted proxy only', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'ops', password: TEST_PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    const session = res.cookies.find((c) => c.name === 'shoplens_session')!;
    const csrf = res.cookies.find((c) => c.name === 'shoplens_csrf')!;
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    assert.equal(session.secure, undefined, 'plain http: a Secure cookie would be dropped by the browser');
    assert.equal(csrf.httpOnly, undefined, 'the app script reads the CSRF cookie');
    assert.equal(csrf.value, (res.json() as { csrfToken: string }).csrfToken);
    // the store keeps only the hash of the session id
    assert.equal(await t.meta.sessions.get(session.value), undefined);
    assert.ok(await t.meta.sessions.get(sha256(session.value)));
    const [row] = await t.meta.audit.list({ action: 'login', limit: 1 });
    assert.equal(row?.actorName, 'ops');

    const proxied = await testServer({ config: { trustProxy: true } });
    try {
      const r = await proxied.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { name: 'ops', password: TEST_PASSWORD } });
      assert.equal(r.cookies.find((c) => c.name === 'shoplens_session')?.secure, true);
    } finally {
      await proxied.close();
    }
  });

  test('security headers are set on every answer', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  });

  test('CSRF: a cookie request that changes state needs the token from its own session', async () => {
    const a = await t.login('owner');
    const b = await t.login('ops');
    const body = { name: 'csrf-check', permissions: ['metrics:read'] };
    assert.equal(code(await a.inject({ method: 'POST', url: '/api/tokens', payload: body, csrf: false })), 'AUTH_CSRF');
    // another session's valid token does not do
    const cross = await a.inject({ method: 'POST', url: '/api/tokens', payload: body, csrf: false, headers: { 'x-csrf-token': b.csrfToken } });
    assert.equal(code(cross), 'AUTH_CSRF');
    assert.equal((await a.inject({ method: 'POST', url: '/api/tokens', payload: body })).statusCode, 200);
    // reading needs none
    assert.equal((await a.inject({ url: '/api/tokens', csrf: false })).statusCode, 200);
  });

  test('logout ends the session on the server, not only in the browser', async () => {
    const c = await t.login('finance');
    assert.equal((await c.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode, 200);
    const after = await c.inject({ url: '/api/auth/me' });
    assert.equal(after.statusCode, 401);
    assert.equal(code(after), 'AUTH_REQUIRED');
  });

  test('wrong passwords lock the account after the threshold; an admin reset unlocks it', async () => {
    const bad = () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'cs', password: 'wrong-password-x' } });
    assert.equal(code(await bad()), 'AUTH_BAD_CREDENTIALS');
    assert.equal(code(await bad()), 'AUTH_BAD_CREDENTIALS');
    const third = await bad();
    assert.equal(third.statusCode, 423);
    assert.equal(code(third), 'AUTH_LOCKED');
    // locked: even the right password is refused
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'cs', password: TEST_PASSWORD } });
    assert.equal(code(right), 'AUTH_LOCKED');
    const failed = await t.meta.audit.list({ action: 'login.failed' });
    assert.ok(failed.filter((e) => e.target === 'cs').length >= 4);
    const owner = await t.login('owner');
    const cs = (await t.meta.users.byName('cs'))!;
    const reset = await owner.inject({ method: 'PATCH', url: `/api/users/${cs.id}`, payload: { password: 'a-brand-new-password' } });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'cs', password: 'a-brand-new-password' } })).statusCode, 200);
  });

  test('an unknown user gets the same answer as a wrong password', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'nobody', password: 'whatever-pass' } });
    assert.equal(res.statusCode, 401);
    assert.equal(code(res), 'AUTH_BAD_CREDENTIALS');
  });

  test('API tokens: shown once, narrower than their owner, revocable, no CSRF', async () => {
    const owner = await t.login('owner');
    const created = await owner.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'nightly script', permissions: ['metrics:read'] } });
    assert.equal(created.statusCode, 200, created.body);
    const { token, info } = created.json() as { token: string; info: { id: string } };
    assert.match(token, /^slt_/);
    const listed = await owner.inject({ url: '/api/tokens' });
    assert.ok(!listed.body.includes(token), 'the token is never shown again');
    const auth = { authorization: `Bearer ${token}` };
    assert.equal((await t.app.inject({ url: '/api/shops', headers: auth })).statusCode, 200);
    const denied = await t.app.inject({ url: '/api/users', headers: auth });
    assert.equal(code(denied), 'AUTH_FORBIDDEN');
    // the agency cannot mint a token with rights it lacks
    const agency = await t.login('agency');
    const wider = await agency.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x', permissions: ['export'] } });
    assert.equal(code(wider), 'META_TOKEN_EXCEEDS_OWNER');
    assert.equal((await owner.inject({ method: 'DELETE', url: `/api/tokens/${info.id}` })).statusCode, 200);
    const revoked = await t.app.inject({ url: '/api/shops', headers: auth });
    assert.equal(revoked.statusCode, 401);
    const garbage = await t.app.inject({ url: '/api/shops', headers: { authorization: 'Bearer slt_nottherealtoken' } });
    assert.equal(code(garbage), 'AUTH_REQUIRED');
  });

  test('demoting a user ends their sessions and narrows their tokens at once', async () => {
    const owner = await t.login('owner');
    await owner.inject({ method: 'POST', url: '/api/users', payload: { name: 'temp-ops', password: TEST_PASSWORD, role: 'ops', shops: 'all' } });
    const temp = await t.login('temp-ops');
    const tokenRes = await temp.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'exp', permissions: ['export', 'metrics:read'] } });
    const token = (tokenRes.json() as { token: string }).token;
    const id = (await t.meta.users.byName('temp-ops'))!.id;
    const demote = await owner.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'agency', shops: ['tm-1'] } });
    assert.equal(demote.statusCode, 200, demote.body);
    assert.equal((await temp.inject({ url: '/api/auth/me' })).statusCode, 401);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    const body = me.json() as { permissions: string[]; scope: { shopIds: string[] } };
    assert.deepEqual(body.permissions, ['metrics:read']);
    assert.deepEqual(body.scope.shopIds, ['tm-1']);
    const audit = await t.meta.audit.list({ action: 'user.update', limit: 1 });
    assert.deepEqual((audit[0]?.detail as { before: { role: string } }).before.role, 'ops');
  });

  test('the last owner cannot be demoted or deleted; an agency needs named shops', async () => {
    const owner = await t.login('owner');
    const id = (await t.meta.users.byName('owner'))!.id;
    assert.equal(code(await owner.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'ops' } })), 'SERVER_LAST_OWNER');
    assert.equal(code(await owner.inject({ method: 'DELETE', url: `/api/users/${id}` })), 'SERVER_LAST_OWNER');
    const allShops = await owner.inject({ method: 'POST', url: '/api/users', payload: { name: 'agency2', password: TEST_PASSWORD, role: 'agency', shops: 'all' } });
    assert.equal(code(allShops), 'AUTH_ROLE_NEEDS_SHOPS');
    const unknown = await owner.inject({ method: 'POST', url: '/api/users', payload: { name: 'x2', password: TEST_PASSWORD, role: 'boss', shops: 'all' } });
    assert.equal(code(unknown), 'AUTH_UNKNOWN_ROLE');
  });

  test('an admin hands out only what they hold', async () => {
    await t.meta.roles.create({ id: 'hr', name: { zh: '人事', en: 'HR' }, permissions: ['users:manage', 'page:overview', 'metrics:read'], requiresShopList: false });
    await t.meta.roles.create({ id: 'viewer', name: { zh: '查看', en: 'viewer' }, permissions: ['page:overview', 'metrics:read'], requiresShopList: false });
    await t.meta.users.create({ name: 'hr1', passwordHash: 'x', role: 'hr', shops: ['tm-1'] });
    const hr = await t.session('hr1');
    const add = (role: string, shops: string[] | 'all') => hr.inject({ method: 'POST', url: '/api/users', payload: { name: `v-${role}-${String(shops)}`.replace(/[^\w-]/g, '_'), password: TEST_PASSWORD, role, shops } });
    assert.equal(code(await add('owner', 'all')), 'AUTH_GRANT_EXCEEDS');
    assert.equal(code(await add('agency', ['tm-1'])), 'AUTH_GRANT_EXCEEDS', 'agency runs analyses, hr does not');
    assert.equal(code(await add('viewer', ['jd-1'])), 'AUTH_GRANT_EXCEEDS');
    assert.equal(code(await add('viewer', 'all')), 'AUTH_GRANT_EXCEEDS');
    assert.equal((await add('viewer', ['tm-1'])).statusCode, 200);
    const ownerId = (await t.meta.users.byName('owner'))!.id;
    assert.equal(code(await hr.inject({ method: 'PATCH', url: `/api/users/${ownerId}`, payload: { disabled: true } })), 'AUTH_GRANT_EXCEEDS');
    assert.equal(code(await hr.inject({ method: 'DELETE', url: `/api/users/${ownerId}` })), 'AUTH_GRANT_EXCEEDS');
    assert.equal(code(await hr.inject({ method: 'PUT', url: '/api/roles/hr2', payload: { name: { zh: '人事2', en: 'HR2' }, permissions: ['users:manage', 'export'] } })), 'AUTH_GRANT_EXCEEDS');
    assert.equal((await t.meta.users.byName('owner'))!.disabled, false);
  });

  test('platform grants put every shop of the platform in scope', async () => {
    const owner = await t.login('owner');
    await owner.inject({ method: 'POST', url: '/api/users', payload: { name: 'tmall-agency', password: TEST_PASSWORD, role: 'agency', shops: [], platforms: ['tmall'] } });
    const c = await t.session('tmall-agency');
    const shops = (await c.inject({ url: '/api/shops' })).json() as { shops: { shopId: string }[] };
    assert.deepEqual(shops.shops.map((s) => s.shopId), ['tm-1', 'tm-2']);
    assert.equal(code(await c.inject({ url: '/api/shops/jd-1' })), 'AUTH_SHOP_FORBIDDEN');
  });

  test('a member leaving hands their dashboards, reports, alert rules and schedules to another', async () => {
    const owner = await t.login('owner');
    const leaver = await t.meta.users.create({ name: 'leaver', passwordHash: 'x', role: 'ops', shops: 'all' });
    const heir = (await t.meta.users.byName('ops'))!;
    const made = await (await t.session('leaver')).inject({ method: 'POST', url: '/api/dashboards', payload: { name: '周会看板', reports: [] } });
    assert.equal(made.statusCode, 200, made.body);
    const dashboard = (made.json() as { id: string }).id;
    for (const kind of ['saved_report', 'alert_rule', 'report_schedule'] as const) await t.meta.documents.put(kind, `left-${kind}`, leaver.id, { by: 'leaver' });
    const owned = await owner.inject({ url: `/api/users/${leaver.id}/owned` });
    assert.deepEqual(owned.json(), { owned: { dashboard: 1, saved_report: 1, alert_rule: 1, report_schedule: 1 } });
    // the heir must be another member who can still sign in: nothing changes otherwise
    assert.equal(code(await owner.inject({ method: 'DELETE', url: `/api/users/${leaver.id}`, query: { transferTo: 'u_nobody' } })), 'SERVER_BAD_HEIR');
    assert.equal(code(await owner.inject({ method: 'DELETE', url: `/api/users/${leaver.id}`, query: { transferTo: leaver.id } })), 'SERVER_BAD_HEIR');
    assert.ok(await t.meta.users.byId(leaver.id));
    const before = await t.meta.documents.countByOwner(heir.id);

    const gone = await owner.inject({ method: 'DELETE', url: `/api/users/${leaver.id}`, query: { transferTo: heir.id } });
    assert.equal(gone.statusCode, 200, gone.body);
    assert.equal(await t.meta.users.byId(leaver.id), undefined);
    assert.deepEqual(await t.meta.documents.countByOwner(leaver.id), {});
    const after = await t.meta.documents.countByOwner(heir.id);
    for (const kind of ['dashboard', 'saved_report', 'alert_rule', 'report_schedule'] as const) assert.equal((after[kind] ?? 0) - (before[kind] ?? 0), 1, kind);
    // the heir lists and changes the dashboard as their own
    const heirClient = await t.session('ops');
    const list = (await heirClient.inject({ url: '/api/dashboards' })).json() as { dashboards: { id: string; name: string }[] };
    assert.ok(list.dashboards.some((d) => d.id === dashboard && d.name === '周会看板'));
    assert.equal((await heirClient.inject({ method: 'PUT', url: `/api/dashboards/${dashboard}`, payload: { name: '周会看板(新)', reports: [] } })).statusCode, 200);
    const [entry] = await t.meta.audit.list({ action: 'user.delete', limit: 1 });
    assert.deepEqual(entry?.detail, { name: 'leaver', role: 'ops', handedTo: heir.id, handed: { dashboard: 1, saved_report: 1, alert_rule: 1, report_schedule: 1 } });
  });

  test('the audit log is readable by admins and has no route that changes it', async () => {
    const owner = await t.login('owner');
    const res = await owner.inject({ url: '/api/audit', query: { limit: '3' } });
    assert.equal((res.json() as { entries: unknown[] }).entries.length, 3);
    const writes = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/audit') && r.method !== 'GET');
    assert.deepEqual(writes, []);
  });
});

describe('login rate limit', () => {
  test('more than maxPerMinute logins from one address are refused with 429', async () => {
    const t = await testServer({ users: false, config: { login: { maxPerMinute: 3, lockAfter: 100, lockMs: 1 } } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'nobody', password: 'whatever-pass' } });
        codes.push(r.statusCode);
        if (r.statusCode === 429) assert.equal(code(r), 'AUTH_TOO_MANY_ATTEMPTS');
      }
      assert.deepEqual(codes, [401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
