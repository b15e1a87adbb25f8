/**
 * The role × route × shop matrix. It reads the server's own route table, so a route added
 * later is covered without editing this file: for every /api route and every principal it
 * proves the route answers exactly what the declared access allows, that a shop outside the
 * principal's scope is refused, that no answer mentions an out-of-scope shop, that cookie
 * requests without the CSRF header are refused, and that hostile strings in every parameter
 * never crash the server or reach SQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { builtinRoles } from '../auth/roles.js';
import { freshMetaLocation, metaTestEngines } from '../meta/test-engines.js';
import type { Permission } from '../auth/permissions.js';
import type { CatalogRoute, RequestExample, ShopParam } from './access.js';
import { canaryFigures, testServer, testShops, testUsers, type Client, type TestServer } from './testing/harness.js';

const IN_SCOPE = 'tm-1'; // the agency's one shop
const OUT_OF_SCOPE = testShops.filter((s) => s.shop_id !== IN_SCOPE);
const CANARIES = canaryFigures([IN_SCOPE]);
const AUDITOR_PERMISSIONS: Permission[] = ['audit:read', 'page:settings'];
const TOKEN_PERMISSIONS: Permission[] = ['metrics:read', 'page:overview'];

interface Who {
  label: string;
  permissions: ReadonlySet<Permission>;
  limited: boolean;
  via: 'session' | 'token';
  /** a fresh client per call: a route such as logout must not spoil the next case */
  client: () => Promise<Client>;
}

const INJECTIONS = [
  "tm-1' OR '1'='1",
  '"; DROP TABLE shops; --',
  "jd-1') UNION SELECT shop_id, platform, name, timezone, currency FROM shops --",
  '../../../../etc/passwd',
  '${process.exit()}',
  '%00',
  'tm-1,jd-1',
];

/** What the guard answers when it refuses; a business refusal inside a handler is something else. */
const GUARD_CODES = new Set(['AUTH_REQUIRED', 'AUTH_FORBIDDEN', 'AUTH_SHOP_FORBIDDEN', 'AUTH_CSRF', 'AUTH_SETUP_REQUIRED', 'AUTH_SESSION_ONLY']);
const SAFE = new Set(['GET', 'HEAD']);

const methodHasBody = (m: string) => !SAFE.has(m) && m !== 'DELETE';

function buildRequest(route: CatalogRoute, ex: RequestExample) {
  const url = route.url.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(ex.params?.[name] ?? 'x')).replace('*', 'index.html');
  return { method: route.method as 'GET', url, query: ex.query ?? {}, ...(methodHasBody(route.method) ? { payload: (ex.body ?? {}) as object } : {}) };
}

/** The route's own example for `shop`, or, lacking one, a request that names `shop` where the route reads shops. */
function requestFor(route: CatalogRoute, shop: string): RequestExample {
  if (route.access.kind === 'user' && route.access.example) return route.access.example(shop);
  const ex: RequestExample = {};
  const where = route.access.kind === 'user' && typeof route.access.shops === 'object' ? route.access.shops : undefined;
  if (where) placeShop(ex, where, shop);
  return ex;
}

function placeShop(ex: RequestExample, where: ShopParam, shop: string): void {
  if (where.in === 'params') ex.params = { ...ex.params, [where.name]: shop };
  else if (where.in === 'query') ex.query = { ...ex.query, [where.name]: shop };
  else ex.body = { ...(ex.body as object), [where.name]: shop };
}

/** Shop names never appear in requests, so any in an answer came from the store; ids count unless the request itself carried them (echoed input). */
function assertNoLeak(res: LightMyRequestResponse, what: string, request: unknown): void {
  const sent = JSON.stringify(request);
  for (const figure of CANARIES) {
    assert.ok(!new RegExp(`(?<![\\d.])${figure.replace('.', '\\.')}(?![\\d])`).test(res.body), `${what} leaks an out-of-scope amount ${figure}: ${res.body.slice(0, 300)}`);
  }
  for (const s of OUT_OF_SCOPE) {
    if (!sent.includes(s.shop_id)) assert.ok(!res.body.includes(s.shop_id), `${what} leaks shop ${s.shop_id}: ${res.body.slice(0, 300)}`);
    assert.ok(!res.body.includes(s.name), `${what} leaks shop name ${s.name}`);
  }
}

const errorCode = (res: LightMyRequestResponse) => {
  try {
    return (res.json() as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

for (const engine of metaTestEngines()) describe(`role × route × shop matrix (metadata on ${engine})`, () => {
  let t: TestServer;
  let whos: Who[];
  let routes: CatalogRoute[];
  let metaStore: { location: string; cleanup: () => Promise<void> };

  before(async () => {
    metaStore = await freshMetaLocation(engine);
    t = await testServer({ metaUrl: metaStore.location });
    await t.meta.roles.create({ id: 'auditor', name: { zh: '审计员', en: 'auditor' }, permissions: AUDITOR_PERMISSIONS, requiresShopList: false });
    const hash = (await t.meta.users.byName('owner'))!.passwordHash;
    await t.meta.users.create({ name: 'auditor', passwordHash: hash, role: 'auditor', shops: [IN_SCOPE] });
    whos = [
      ...Object.entries(testUsers).map(([name, u]) => ({
        label: name,
        permissions: new Set(builtinRoles[u.role as keyof typeof builtinRoles].permissions),
        limited: u.shops !== 'all',
        via: 'session' as const,
        client: () => t.session(name),
      })),
      { label: 'auditor (custom role)', permissions: new Set(AUDITOR_PERMISSIONS), limited: true, via: 'session', client: () => t.session('auditor') },
      { label: 'owner token limited to metrics:read', permissions: new Set(TOKEN_PERMISSIONS), limited: false, via: 'token', client: () => t.token('owner', TOKEN_PERMISSIONS) },
    ];
    routes = t.app.routeCatalog;
  });
  after(async () => {
    await t.close();
    await metaStore.cleanup();
  });

  test('the route table is not empty and every /api route declares its access', () => {
    assert.ok(routes.length >= 15, `only ${routes.length} routes`);
    for (const r of routes) assert.ok(r.access, `${r.method} ${r.url}`);
  });

  test('anonymous callers reach only public and setup routes', async () => {
    for (const route of routes) {
      const res = await t.app.inject(buildRequest(route, requestFor(route, IN_SCOPE)));
      const what = `anonymous ${route.method} ${route.url}`;
      if (route.access.kind === 'user') {
        assert.equal(res.statusCode, 401, `${what}: ${res.body.slice(0, 200)}`);
        if (route.method !== 'HEAD') assert.equal(errorCode(res), 'AUTH_REQUIRED', what);
      } else if (route.access.kind === 'setup') {
        assert.equal(errorCode(res), 'AUTH_SETUP_DONE', what);
      } else {
        assert.ok(res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500, `${what}: ${res.statusCode}`);
      }
    }
  });

  test('each principal is allowed exactly what its permissions say, within its shops', async () => {
    let checked = 0;
    for (const route of routes) {
      if (route.access.kind !== 'user') continue;
      const access = route.access;
      for (const who of whos) {
        const what = `${who.label} ${route.method} ${route.url}`;
        const allowed = access.permissions.every((x) => who.permissions.has(x)) && !(access.sessionOnly && who.via === 'token');
        const req = buildRequest(route, requestFor(route, IN_SCOPE));
        const res = await (await who.client()).inject(req);
        checked++;
        if (!allowed) {
          assert.equal(res.statusCode, 403, `${what} must be refused: ${res.body.slice(0, 200)}`);
          if (route.method !== 'HEAD') assert.equal(errorCode(res), access.sessionOnly && who.via === 'token' ? 'AUTH_SESSION_ONLY' : 'AUTH_FORBIDDEN', what);
          continue;
        }
        assert.ok(!GUARD_CODES.has(errorCode(res) ?? ''), `${what} must be let through: ${res.statusCode} ${res.body.slice(0, 200)}`);
        assert.ok(res.statusCode < 500, `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (who.limited) assertNoLeak(res, what, req);

        if (access.shops === 'filtered' && access.example && who.limited) {
          // the handler narrows by scope: asking for another shop gets a refusal or nothing of it
          for (const shop of OUT_OF_SCOPE) {
            const req2 = buildRequest(route, access.example(shop.shop_id));
            const out = await (await who.client()).inject(req2);
            assert.ok(out.statusCode < 500, `${what} for ${shop.shop_id}: ${out.statusCode} ${out.body.slice(0, 300)}`);
            assertNoLeak(out, `${what} for ${shop.shop_id}`, req2);
          }
        }
        if (typeof access.shops === 'object') {
          for (const shop of OUT_OF_SCOPE) {
            const out = await (await who.client()).inject(buildRequest(route, requestFor(route, shop.shop_id)));
            if (who.limited) {
              assert.equal(out.statusCode, 403, `${what} for ${shop.shop_id} must be refused: ${out.body.slice(0, 200)}`);
              assert.equal(errorCode(out), 'AUTH_SHOP_FORBIDDEN', what);
            } else {
              assert.ok(!GUARD_CODES.has(errorCode(out) ?? '') && out.statusCode < 500, `${what} for ${shop.shop_id}: ${out.statusCode}`);
            }
          }
        }
      }
    }
    assert.ok(checked > routes.length, `checked ${checked}`);
  });

  test('cookie sessions need the CSRF header on every state-changing route; tokens do not', async () => {
    const owner = await t.session('owner');
    const bearer = await t.token('owner', builtinRoles.owner.permissions);
    for (const route of routes) {
      if (route.access.kind !== 'user' || SAFE.has(route.method)) continue;
      const req = buildRequest(route, requestFor(route, IN_SCOPE));
      const missing = await owner.inject({ ...req, csrf: false });
      assert.equal(errorCode(missing), 'AUTH_CSRF', `${route.method} ${route.url} without CSRF`);
      const wrong = await owner.inject({ ...req, csrf: false, headers: { 'x-csrf-token': 'not-the-token' } });
      assert.equal(errorCode(wrong), 'AUTH_CSRF', `${route.method} ${route.url} with a wrong CSRF token`);
      const viaToken = await bearer.inject(req);
      assert.notEqual(errorCode(viaToken), 'AUTH_CSRF', `${route.method} ${route.url} with a token`);
      if (route.access.sessionOnly) assert.equal(errorCode(viaToken), 'AUTH_SESSION_ONLY', `${route.method} ${route.url} with a token`);
    }
  });

  test('hostile strings in every parameter never crash the server, reach SQL or widen the scope', async () => {
    for (const route of routes) {
      if (route.access.kind !== 'user') continue;
      const access = route.access;
      const base = requestFor(route, IN_SCOPE);
      // one principal per route keeps the run short: a limited one when allowed (leaks show), else any
      const allowed = whos.filter((w) => access.permissions.every((x) => w.permissions.has(x)) && !(access.sessionOnly && w.via === 'token'));
      for (const who of [allowed.find((w) => w.limited) ?? allowed[0]].filter((w) => w !== undefined)) {
        for (const bad of INJECTIONS) {
          for (const variant of hostileVariants(base, bad)) {
            const req = buildRequest(route, variant);
            const res = await (await who.client()).inject(req);
            const what = `${who.label} ${route.method} ${route.url} with ${JSON.stringify(variant)}`;
            assert.ok(res.statusCode < 500, `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
            if (who.limited) assertNoLeak(res, what, req);
          }
        }
      }
    }
    const [n] = await t.wh.query<{ n: bigint }>('SELECT count(*) AS n FROM shops');
    assert.equal(n!.n, BigInt(testShops.length));
  });
});

/**
 * The example with one string leaf (path param, query value, or a body field at any depth, in
 * arrays too) replaced by `bad`, and each body object given an extra key named `bad` — filter
 * maps take their keys from the caller, so keys are parameters too.
 */
function hostileVariants(ex: RequestExample, bad: string): RequestExample[] {
  const out: RequestExample[] = [];
  for (const k of Object.keys(ex.params ?? {})) out.push({ ...ex, params: { ...ex.params, [k]: bad } });
  for (const k of Object.keys(ex.query ?? {})) out.push({ ...ex, query: { ...ex.query, [k]: bad } });
  // an unexpected query key must be refused or ignored, never obeyed
  out.push({ ...ex, query: { ...ex.query, shopId: bad, shops: bad } });
  if (ex.body !== undefined) for (const body of mutations(ex.body, bad)) out.push({ ...ex, body });
  return out;
}

function mutations(value: unknown, bad: string): unknown[] {
  if (typeof value === 'string') return [bad];
  if (Array.isArray(value)) return value.flatMap((v, i) => mutations(v, bad).map((m) => value.map((x, j) => (j === i ? m : x))));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const inner = Object.entries(obj).flatMap(([k, v]) => mutations(v, bad).map((m) => ({ ...obj, [k]: m })));
    const firstArray = Object.values(obj).find(Array.isArray);
    return [...inner, { ...obj, [bad]: firstArray ?? bad }];
  }
  return [];
}
