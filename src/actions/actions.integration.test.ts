/**
 * The PDCA loop on a small demo store and a SQLite metadata store: stages, before/after
 * numbers checked against sums computed straight from the orders table, the weekly review,
 * and shop scopes.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../test/helpers/store.js';
import { isShopLensError } from '../core/errors.js';
import { fenToDecimal } from '../core/money.js';
import { generateDemo } from '../demo/index.js';
import { openMetaStore, type MetaStore } from '../meta/index.js';
import { loadCatalog } from '../metrics/index.js';
import { beforeAfter } from './compare.js';
import { weeklyReview } from './review.js';
import type { Action, Problem } from './schema.js';
import { actionStore, type ActionStore } from './store.js';
import { moveAction } from './workflow.js';

let store: Awaited<ReturnType<typeof tempStore>>;
let meta: MetaStore;
let actions: ActionStore;
const catalog = loadCatalog();

before(async () => {
  store = await tempStore();
  await generateDemo(store.wh, { orderLines: 8_000, seed: 7, endDay: '2026-06-30' });
  meta = await openMetaStore(join(store.dir, 'meta.sqlite'));
  actions = actionStore(meta);
});
after(async () => {
  await meta.close();
  await store.cleanup();
});

const paidSum = async (shop: string, from: string, to: string) => {
  const [r] = await store.wh.query<{ s: bigint | null }>(
    `SELECT sum(paid_amount) AS s FROM orders WHERE shop_id = $1 AND paid_at IS NOT NULL AND paid_day BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE)`, [shop, from, to]);
  return fenToDecimal(r?.s ?? 0n);
};

describe('actions', () => {
  it('plan → doing → check with the metric before vs after, numbers from the orders table', async () => {
    const problem: Problem = { type: 'problem', id: 'P-1', title: 'JD 搜索转化下降', origin: { kind: 'alert', alertId: 'conversion_drop:shop=jd_pop:2026-05-31' }, status: 'open', createdBy: 'ops', createdAt: '2026-06-01T01:00:00Z', shopIds: ['jd_pop'] };
    await actions.put(problem);
    let a: Action = {
      type: 'action', id: 'A-1', title: '优化主图与标题', problemId: 'P-1', origin: { kind: 'alert', alertId: problem.origin.kind === 'alert' ? problem.origin.alertId : '' },
      owner: 'li', due: '2026-06-20', stage: 'plan', target: { metric: 'paid_amount', filters: { shop: 'jd_pop' } }, expected: { direction: 'up', percent: 10 },
      compareDays: 14, history: [], createdBy: 'ops', createdAt: '2026-06-01T01:00:00Z', shopIds: ['jd_pop'],
    };
    await actions.put(a);
    assert.throws(() => moveAction(a, 'done', 'li', '2026-06-15', new Date()), (e) => isShopLensError(e) && e.code === 'ACTION_BAD_MOVE');
    await assert.rejects(beforeAfter(store.wh, catalog, a, '2026-06-15', { shopIds: 'all' }), (e) => isShopLensError(e) && e.code === 'ACTION_NOT_STARTED');
    a = moveAction(a, 'doing', 'li', '2026-06-15', new Date('2026-06-15T02:00:00Z'));
    assert.equal(a.startedDay, '2026-06-15');
    a = moveAction(a, 'check', 'li', '2026-06-29', new Date('2026-06-29T02:00:00Z'), '主图已换');
    await actions.put(a);
    const stored = await actions.getAction('A-1');
    assert.deepEqual(stored.history.map((h) => `${h.from}>${h.to}`), ['plan>doing', 'doing>check']);

    const r = await beforeAfter(store.wh, catalog, stored, '2026-06-30', { shopIds: 'all' });
    // checked on the 29th: after = 15th…28th (14 complete days), before = the 14 days just prior
    assert.deepEqual([r.after.from, r.after.to, r.before.from, r.before.to], ['2026-06-15', '2026-06-28', '2026-06-01', '2026-06-14']);
    const afterSum = await paidSum('jd_pop', '2026-06-15', '2026-06-28');
    const beforeSum = await paidSum('jd_pop', '2026-06-01', '2026-06-14');
    assert.equal(r.after.value, afterSum);
    assert.equal(r.before.value, beforeSum);
    const pct = (Number(afterSum) - Number(beforeSum)) / Number(beforeSum);
    assert.ok(Math.abs(r.changePct! - pct) < 1e-9);
    assert.equal(r.met, pct >= 0.1);

    // a scoped reader sees only the shops they may see
    const otherScope = await beforeAfter(store.wh, catalog, stored, '2026-06-30', { shopIds: ['tmall_flagship'] });
    assert.ok(otherScope.after.value === null || otherScope.after.value === '0.00', `no jd_pop numbers outside the scope, got ${otherScope.after.value}`);
  });

  it('weekly review: open problems, overdue actions, what moved and its result; scoped', async () => {
    const review = await weeklyReview(store.wh, catalog, actions, '2026-06-30', { shopIds: 'all' });
    assert.deepEqual(review.week, { from: '2026-06-23', to: '2026-06-29' });
    assert.deepEqual(review.openProblems.map((p) => p.id), ['P-1']);
    assert.deepEqual(review.overdue.map((a) => a.id), ['A-1'], 'due the 20th, still in check');
    assert.deepEqual(review.moved.map((a) => a.id), ['A-1'], 'moved to check on the 29th');
    assert.equal(review.results.length, 1);
    assert.equal(review.results[0]!.after.value, await paidSum('jd_pop', '2026-06-15', '2026-06-28'));
    const scoped = await weeklyReview(store.wh, catalog, actions, '2026-06-30', { shopIds: ['tmall_flagship'] });
    assert.deepEqual([scoped.openProblems.length, scoped.overdue.length, scoped.results.length], [0, 0, 0]);
  });

  it('an action started and checked the same day waits in the review instead of breaking it', async () => {
    let b: Action = {
      type: 'action', id: 'A-2', title: '当天复查', origin: { kind: 'manual' }, owner: 'li', due: '2026-07-10', stage: 'plan',
      target: { metric: 'paid_amount', filters: {} }, expected: { direction: 'up' }, compareDays: 14, history: [], createdBy: 'ops', createdAt: '2026-06-30T01:00:00Z',
    };
    b = moveAction(b, 'doing', 'li', '2026-06-30', new Date('2026-06-30T02:00:00Z'));
    b = moveAction(b, 'check', 'li', '2026-06-30', new Date('2026-06-30T03:00:00Z'));
    await actions.put(b);
    // on the 30th no full day has passed since the start (the 30th itself is not over)
    await assert.rejects(beforeAfter(store.wh, catalog, b, '2026-06-30', { shopIds: 'all' }), (e) => isShopLensError(e) && e.code === 'ACTION_NOT_STARTED');
    const review = await weeklyReview(store.wh, catalog, actions, '2026-06-30', { shopIds: 'all' });
    assert.deepEqual(review.waiting.map((a) => a.id), ['A-2']);
    assert.deepEqual(review.results.map((r) => r.actionId), ['A-1'], 'the other action\'s result is still there');
  });
});
