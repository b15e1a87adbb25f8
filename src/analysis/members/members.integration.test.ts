import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { orders, shops } from '../../model/index.js';
import { order, shop } from '../testing/rows.js';
import { membersAnalysis } from './members.js';

/*
 * As of 2026-06-30 (previous month end 2026-05-31):
 *   N  06-20 200                      first 10 days ago          → new
 *   H  01-10 1000, 06-01 500          last 29 d, lifetime 1500   → high value (cut-off = 1500)
 *   A  05-15 100                      last 46 d                  → active
 *   S  02-15 2000                     last 135 d                 → dormant, high value → win back
 *   L  2025-12-01 50                  last 211 d                 → lost
 *   R  06-05, 06-10, 06-15 50 each    first 25 d                 → new; 3 purchases in 90 d → loyal
 * Cut-off: lifetime amounts 50 100 150 200 1500 2000, lower 80 % quantile (index ⌊5·0.8⌋ = 4) = 1500.
 * As of 05-31: H dormant (141 d), A new (16 d), S dormant (105 d), L lost (181 d).
 */
const o = (id: string, c: string, d: string, yuan: number) => order({ id, customer: c, day: d, fen: BigInt(yuan * 100) });

describe('member layers', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    await store.wh.bulkLoad(shops, [shop('s1'), shop('s2')]);
    await store.wh.bulkLoad(orders, [
      o('n1', 'N', '2026-06-20', 200), o('h1', 'H', '2026-01-10', 1000), o('h2', 'H', '2026-06-01', 500), o('a1', 'A', '2026-05-15', 100),
      o('s1', 'S', '2026-02-15', 2000), o('l1', 'L', '2025-12-01', 50), o('r1', 'R', '2026-06-05', 50), o('r2', 'R', '2026-06-10', 50),
      o('r3', 'R', '2026-06-15', 50), order({ shop: 's2', id: 'z', customer: 'Z', day: '2026-06-30', fen: 1n }),
    ]);
  });
  after(() => store.cleanup());

  it('layers buyers, counts purchase layers, tracks movement and lists win-backs', async () => {
    const r = await membersAnalysis(store.wh, { asOf: '2026-06-30', scope: { shopIds: ['s1'] } });
    assert.equal(r.summary.high_value_cutoff, '1500.00');
    assert.deepEqual(r.tables.layers!.rows.map((l) => [l.layer, l.buyers]), [['new', 2], ['high_value', 1], ['active', 1], ['dormant', 1], ['lost', 1]]);
    // purchases since 04-01: N 1, H 1, A 1, R 3
    assert.deepEqual(r.tables.purchases_90d!.rows.map((l) => [l.layer, l.buyers]), [['once', 3], ['repeat', 0], ['loyal', 1]]);
    assert.deepEqual(r.tables.movement!.rows.map((m) => [m.from, m.to, m.buyers]), [
      ['dormant', 'dormant', 1], ['dormant', 'high_value', 1], ['lost', 'lost', 1], ['new', 'active', 1], ['none', 'new', 2],
    ]);
    assert.deepEqual(r.tables.winback!.rows.map((w) => [w.customer_id, w.paid_amount, w.days_since_last]), [['S', '2000.00', 135]]);
  });

  it('defaults to the last paid day in scope', async () => {
    const r = await membersAnalysis(store.wh, { scope: { shopIds: ['s1'] } });
    assert.equal(r.summary.as_of, '2026-06-20');
  });
});
