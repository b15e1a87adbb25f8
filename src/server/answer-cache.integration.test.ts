import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { orders as ordersTable } from '../model/index.js';
import { recordDataChange } from '../warehouse/index.js';
import { tempStore } from '../../test/helpers/store.js';
import { AnswerCache } from './answer-cache.js';
import { testOrders, testServer, type Client, type TestServer } from './testing/harness.js';

describe('AnswerCache on a real store', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => { store = await tempStore(); });
  after(() => store.cleanup());

  test('computes once per key and data version, and again after a data change', async () => {
    const cache = new AnswerCache<string>(10);
    let runs = 0;
    const compute = async () => `answer ${++runs}`;
    assert.equal(await cache.get(store.wh, ['all', 'q1'], compute), 'answer 1');
    assert.equal(await cache.get(store.wh, ['all', 'q1'], compute), 'answer 1');
    assert.equal(await cache.get(store.wh, [['tm-1'], 'q1'], compute), 'answer 2', 'another scope is another answer');
    await recordDataChange(store.wh, { origin: 'test' });
    assert.equal(await cache.get(store.wh, ['all', 'q1'], compute), 'answer 3', 'a data change makes the old answer unreachable');
  });

  test('requests for an answer being computed share the one computation', async () => {
    const cache = new AnswerCache<number>(10);
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const compute = async () => { runs++; await gate; return 42; };
    const both = Promise.all([cache.get(store.wh, 'k', compute), cache.get(store.wh, 'k', compute)]);
    // Both gets have read the data version and registered by the time the gate opens.
    await new Promise((r) => setTimeout(r, 50));
    release();
    assert.deepEqual(await both, [42, 42]);
    assert.equal(runs, 1);
  });

  test('a failure is not kept, and the oldest answer goes first when full', async () => {
    const cache = new AnswerCache<string>(2);
    await assert.rejects(cache.get(store.wh, 'bad', async () => { throw new Error('boom'); }), /boom/);
    assert.equal(await cache.get(store.wh, 'bad', async () => 'fine now'), 'fine now');
    await cache.get(store.wh, 'second', async () => 'two');
    await cache.get(store.wh, 'third', async () => 'three'); // evicts 'bad' (the oldest)
    assert.equal(await cache.get(store.wh, 'bad', async () => 'recomputed'), 'recomputed');
    assert.equal(await cache.get(store.wh, 'third', async () => 'not asked'), 'three');
  });

  test('two stores at the same data version never share answers', async () => {
    const other = await tempStore();
    try {
      const cache = new AnswerCache<string>(10);
      assert.equal(await cache.get(store.wh, 'k', async () => 'first store'), 'first store');
      assert.equal(await cache.get(other.wh, 'k', async () => 'second store'), 'second store');
    } finally {
      await other.cleanup();
    }
  });
});

describe('GET /api/filter-options is cached until an import', () => {
  let t: TestServer;
  let owner: Client;
  let agency: Client;
  before(async () => {
    t = await testServer();
    owner = await t.session('owner');
    agency = await t.session('agency');
  });
  after(() => t.close());

  type Options = { shops: Array<{ id: string }>; lastDay: string | null };
  const options = async (c: Client) => (await c.inject({ url: '/api/filter-options' })).json() as Options;

  test('follows the store after each recorded change, per scope', async () => {
    // The harness's orders are all paid on 2024-01-10; the agency sees tm-1 only.
    assert.equal((await options(owner)).lastDay, '2024-01-10');
    assert.deepEqual((await options(agency)).shops.map((s) => s.id), ['tm-1']);
    assert.deepEqual((await options(owner)).shops.map((s) => s.id).sort(), ['jd-1', 'tm-1', 'tm-2']);

    const later = { ...testOrders[0]!, order_id: 'o-later', paid_at: new Date('2024-02-01T02:00:00Z'), paid_day: '2024-02-01' };
    await t.wh.bulkLoad(ordersTable, [later]);
    // Loads always record their change; until this one is recorded the kept answer stands,
    // which shows it is kept.
    assert.equal((await options(owner)).lastDay, '2024-01-10');
    await recordDataChange(t.wh, { origin: 'test', shopId: 'tm-1', fromDay: '2024-02-01', toDay: '2024-02-01' });
    assert.equal((await options(owner)).lastDay, '2024-02-01');
    assert.equal((await options(agency)).lastDay, '2024-02-01');
  });
});
