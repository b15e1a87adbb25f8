/**
 * The server's scheduler against a real DuckDB store (the shared fixture seller), a real SQLite
 * metadata store and a webhook receiver on 127.0.0.1: a report schedule that fires every second
 * archives its files and posts to the webhook, holding only the shops its owner and its channel
 * both may see; an import triggers an alert round.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadSecretKey } from '../alerts/notify/index.js';
import { alertStore } from '../alerts/store.js';
import { startCaptureServer, type CaptureServer } from '../alerts/testing/http-capture.js';
import { openMetaStore, type MetaStore } from '../meta/index.js';
import { loadCatalog } from '../metrics/index.js';
import { reportScheduleStore } from '../reports/schedule.js';
import { fixtureOrders } from '../../test/fixtures/store/data.js';
import { loadFixtureStore } from '../../test/fixtures/store/load.js';
import { tempStore } from '../../test/helpers/store.js';
import type { Warehouse } from '../warehouse/index.js';
import { startScheduler } from './scheduler.js';

/** Paid amount in fen per shop over [from, to] from the fixture's own order list. */
function paidByShop(from: string, to: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const o of fixtureOrders) {
    if (o.paid && o.paid >= from && o.paid <= to) m.set(o.shop, (m.get(o.shop) ?? 0) + o.lines.reduce((s, l) => s + l[2], 0));
  }
  return m;
}

describe('server scheduler', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let wh: Warehouse;
  let meta: MetaStore;
  let hook: CaptureServer;
  let ownerId: string;
  const quiet = { info: () => undefined, error: (o: object, m: string) => process.stderr.write(`${m} ${JSON.stringify(o)}\n`) };

  before(async () => {
    store = await tempStore();
    wh = store.wh;
    await loadFixtureStore(wh);
    meta = await openMetaStore(join(store.dir, 'meta.sqlite'));
    ownerId = (await meta.users.create({ name: 'planner', passwordHash: 'x', role: 'ops', shops: ['tm1', 'jd1'] })).id;
    hook = await startCaptureServer([{ status: 200, body: '{}' }]);
    const key = loadSecretKey({ keyFile: join(store.dir, 'secret.key') });
    await alertStore(meta).putChannel({ id: 'ops-hook', kind: 'webhook', url: `${hook.base}/hook`, language: 'en', shopIds: ['tm1', 'pdd1'], headers: {} }, key);
  });
  after(async () => {
    await hook.close();
    await meta.close();
    await store.cleanup();
  });

  test('a report schedule fires, archives its files and posts to the webhook, limited to owner ∩ channel shops', async () => {
    await reportScheduleStore(meta).put({ id: 'feb-monthly', report: 'monthly', cron: '* * * * * *', formats: ['html', 'xlsx'], channels: ['ops-hook'], lang: 'en' }, ownerId);
    // 2024-03-15 in Shanghai: last month is February 2024, when all three fixture shops sold
    const s = await startScheduler({ wh, meta, catalog: loadCatalog(), dataDir: store.dir, log: quiet, now: () => new Date('2024-03-15T02:00:00Z') });
    try {
      assert.deepEqual(s.nextRuns().map((r) => [r.kind, r.id]), [['report', 'feb-monthly']]);
      const deadline = Date.now() + 20_000;
      while (s.reportRuns.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      s.stop();
      await s.idle();
    } finally {
      s.stop();
    }
    const run = s.reportRuns[0];
    assert.ok(run, 'the schedule ran within 20 s');
    assert.equal(run.error, undefined);
    const result = run.result!;
    assert.deepEqual(result.archived.map((f) => f.format).sort(), ['html', 'xlsx']);
    for (const f of result.archived) assert.ok(existsSync(join(store.dir, 'reports', f.path)), f.path);

    // the webhook got the report card for February
    const posts = hook.requests.filter((r) => r.url === '/hook');
    assert.ok(posts.length >= 1);
    const body = JSON.parse(posts[0]!.body) as { event: string; id: string };
    assert.equal(body.id, 'monthly:2024-02-01:2024-02-29');

    // owner sees tm1 + jd1, the channel tm1 + pdd1: the report holds tm1 only
    const feb = paidByShop('2024-02-01', '2024-02-29');
    assert.ok(feb.get('tm1')! > 0 && feb.get('jd1')! > 0 && feb.get('pdd1')! > 0, 'every shop sold in February');
    const html = readFileSync(join(store.dir, 'reports', result.archived.find((f) => f.format === 'html')!.path), 'utf8');
    assert.match(html, /天猫旗舰店|tm1/);
    assert.doesNotMatch(html, /京东自营店|拼多多店|\bjd1\b|\bpdd1\b/);
    const byShop = result.report.blocks[1]!;
    assert.deepEqual(byShop.rows.map((r) => r['shop']), ['tm1']);
    // money cells are yuan as decimal text: 15800 fen → '158.00'
    assert.equal(byShop.rows[0]!['paid_amount'], (feb.get('tm1')! / 100).toFixed(2));
  });

  test('afterImport runs the enabled rules over the last complete day', async () => {
    await reportScheduleStore(meta).remove('feb-monthly');
    const alerts = alertStore(meta);
    await alerts.putRule({
      id: 'any-sales', name: { zh: '有销售', en: 'any sales' }, metric: 'paid_amount', dimensions: ['shop'],
      condition: { kind: 'threshold', op: 'above', value: 0 },
    } as Parameters<typeof alerts.putRule>[0], ownerId);
    // 10:00 on 2024-03-01 in Shanghai: the last complete day is the 29th of February
    const s = await startScheduler({ wh, meta, catalog: loadCatalog(), dataDir: store.dir, log: quiet, now: () => new Date('2024-03-01T02:00:00Z') });
    try {
      assert.equal((await alerts.listEvents({ ruleId: 'any-sales' })).length, 0);
      await s.afterImport();
    } finally {
      s.stop();
    }
    const events = await alerts.listEvents({ ruleId: 'any-sales' });
    const expected = [...paidByShop('2024-02-29', '2024-02-29').keys()].sort();
    assert.ok(expected.length >= 2);
    assert.deepEqual(events.map((e) => e.shopIds.join(',')).sort(), expected);
    assert.ok(events.every((e) => e.status === 'open'));
  });
});
