import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { testServer, type Client, type TestServer } from './testing/harness.js';

type ErrorBody = { error: { code: string; message: { zh: string; en: string }; location?: { column?: string }; issues?: { path: string; message: string }[] } };

describe('validation, errors and the API description', () => {
  let t: TestServer;
  let owner: Client;
  before(async () => {
    t = await testServer({ config: { bodyLimitBytes: 4096 } });
    owner = await t.session('owner');
  });
  after(() => t.close());

  test('an invalid body answers 400 with the code, both languages, where, and every issue', async () => {
    const res = await owner.inject({ method: 'POST', url: '/api/users', payload: { name: 'a b', password: 'x'.repeat(300), role: 'ops', shops: 'all', extra: 1 } });
    assert.equal(res.statusCode, 400);
    const { error } = res.json() as ErrorBody;
    assert.equal(error.code, 'SERVER_INVALID_REQUEST');
    assert.match(error.message.zh, /请求参数无效/);
    assert.match(error.message.en, /invalid request body/);
    const paths = error.issues!.map((i) => i.path).sort();
    assert.deepEqual(paths, ['', 'name', 'password'], JSON.stringify(error.issues)); // '' is the unknown key "extra"
    assert.match(error.location!.column!, /^body\./);
  });

  test('the catalog names the helper metrics it leaves out of the list, within what the reader may see, and never a cost helper to operations', async () => {
    type CatalogBody = { metrics: { id: string }[]; helperNames: Record<string, { zh: string; en: string }> };
    const mine = (await owner.inject({ url: '/api/catalog' })).json() as CatalogBody;
    // an alert rule may watch 本期订单退款额 (a helper of 退款率): named, though no picker offers it
    assert.deepEqual(mine.helperNames.period_orders_refunded, { zh: '本期订单退款额', en: 'refunds of the period’s orders' });
    assert.ok(!mine.metrics.some((m) => m.id === 'period_orders_refunded'));
    assert.equal(mine.helperNames.sold_cogs?.zh, '销售成本(发出)');
    // operations may not see cost: not even a helper's name
    const opsClient = await t.session('ops');
    const ops = (await opsClient.inject({ url: '/api/catalog' })).json() as CatalogBody;
    assert.equal(ops.helperNames.sold_cogs, undefined);
    assert.ok(ops.helperNames.period_orders_refunded);
    // nor its figure: sold_cogs reads unit_cost, though no list names it a finance metric
    for (const metric of ['sold_cogs', 'returned_cogs', 'stock_value_days']) {
      const q = await opsClient.inject({ method: 'POST', url: '/api/query', payload: { metrics: [metric], from: '2024-01-01', to: '2024-01-31' } });
      assert.equal(q.statusCode, 403, metric);
    }
    const fine = await opsClient.inject({ method: 'POST', url: '/api/query', payload: { metrics: ['paid_amount'], from: '2024-01-01', to: '2024-01-31' } });
    assert.equal(fine.statusCode, 200);
  });

  test('query strings are validated too, numbers coerced', async () => {
    const bad = await owner.inject({ url: '/api/audit', query: { limit: 'lots' } });
    assert.equal((bad.json() as ErrorBody).error.code, 'SERVER_INVALID_REQUEST');
    assert.equal((bad.json() as ErrorBody).error.location?.column, 'querystring.limit');
    const unknown = await owner.inject({ url: '/api/audit', query: { limit: '2', 'action[$ne]': 'login' } });
    assert.equal((unknown.json() as ErrorBody).error.code, 'SERVER_INVALID_REQUEST');
    assert.equal((await owner.inject({ url: '/api/audit', query: { limit: '2' } })).statusCode, 200);
  });

  test('broken JSON, oversized bodies and wrong content types get their own codes', async () => {
    const broken = await owner.inject({ method: 'POST', url: '/api/tokens', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
    assert.equal(broken.statusCode, 400);
    assert.equal((broken.json() as ErrorBody).error.code, 'SERVER_BAD_JSON');
    const big = await owner.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x'.repeat(10_000), permissions: ['metrics:read'] } });
    assert.equal(big.statusCode, 413);
    assert.equal((big.json() as ErrorBody).error.code, 'SERVER_BODY_TOO_LARGE');
    const xml = await owner.inject({ method: 'POST', url: '/api/tokens', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    assert.equal(xml.statusCode, 415);
    assert.equal((xml.json() as ErrorBody).error.code, 'SERVER_UNSUPPORTED_MEDIA_TYPE');
  });

  test('every route is documented and validates its path parameters', () => {
    for (const r of t.app.routeCatalog) {
      if (r.url.startsWith('/api/docs') || r.url === '/api/openapi.json') continue;
      assert.ok(r.summary, `${r.method} ${r.url} has no summary`);
      if (r.url.includes(':')) assert.ok(r.validates.params, `${r.method} ${r.url} does not validate its path parameters`);
    }
  });

  test('unknown API paths answer a coded 404', async () => {
    const res = await owner.inject({ url: '/api/no-such-thing' });
    assert.equal(res.statusCode, 404);
    assert.equal((res.json() as ErrorBody).error.code, 'SERVER_NOT_FOUND');
  });

  test('the OpenAPI description lists every route with its request schema; the docs page loads', async () => {
    const res = await owner.inject({ url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>> };
    assert.match(doc.openapi, /^3\./);
    for (const r of t.app.routeCatalog) {
      if (r.url.startsWith('/api/docs') || r.url === '/api/openapi.json') continue;
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path} missing from OpenAPI`);
    }
    assert.ok(doc.paths['/api/users']!.post!.requestBody, 'request body schema');
    assert.deepEqual(doc.paths['/api/audit']!.get!.parameters!.map((p) => p.name).sort(), ['action', 'actorId', 'beforeSeq', 'limit']);
    const docs = await owner.inject({ url: '/api/docs' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
    assert.equal((await t.app.inject({ url: '/api/openapi.json' })).statusCode, 401, 'the description needs a session too');
  });
});

describe('the built web app', () => {
  test('is served at / with a single-page-app fallback, while unknown /api paths stay JSON 404s', async () => {
    const web = mkdtempSync(join(tmpdir(), 'shoplens-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><div id="root">ShopLens app</div>');
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const t = await testServer({ users: false, config: { webDist: web } });
    try {
      const root = await t.app.inject({ url: '/' });
      assert.equal(root.statusCode, 200);
      assert.match(root.body, /ShopLens app/);
      assert.match(String((await t.app.inject({ url: '/assets/app.js' })).headers['content-type']), /javascript/);
      const deep = await t.app.inject({ url: '/analysis/rfm?shop=tm-1' });
      assert.equal(deep.statusCode, 200);
      assert.match(deep.body, /ShopLens app/);
      const api = await t.app.inject({ url: '/api/nothing' });
      assert.equal(api.statusCode, 404);
      assert.equal((api.json() as ErrorBody).error.code, 'SERVER_NOT_FOUND');
      // Hashed build files are kept a year without asking again; the HTML, which names them,
      // is always revalidated — at / and through the fallback alike.
      assert.equal((await t.app.inject({ url: '/assets/app.js' })).headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(root.headers['cache-control'], 'no-cache');
      assert.equal(deep.headers['cache-control'], 'no-cache');
    } finally {
      await t.close();
      rmSync(web, { recursive: true, force: true });
    }
  });
});
