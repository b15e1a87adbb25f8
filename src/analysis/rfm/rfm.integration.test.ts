import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { orders, shops } from '../../model/index.js';
import { order, shop } from '../testing/rows.js';
import { rfmAnalysis } from './rfm.js';

/*
 * As of 2026-04-01 (the day after `to`):
 *   buyer  orders (yuan)                         recency  F  M
 *   A s1   03-10 300, 03-20 200, 03-30 100          2      3  600
 *   B s1   03-31 50 (+ an unpaid order)             1      1  50
 *   C s1   01-01 1000, 01-15 500                    76     2  1500
 *   D s1   02-01 20                                 59     1  20
 *   E s1   03-25 80, 03-28 90                       4      2  170
 *   G s2   03-31 999                                1      1  999
 *   pdd s3 03-01 30, no buyer id                    (left out, noted)
 */
const rows = [
  order({ id: 'a1', customer: 'A', day: '2026-03-10', fen: 30000n }), order({ id: 'a2', customer: 'A', day: '2026-03-20', fen: 20000n }),
  order({ id: 'a3', customer: 'A', day: '2026-03-30', fen: 10000n }), order({ id: 'b1', customer: 'B', day: '2026-03-31', fen: 5000n }),
  order({ id: 'b2', customer: 'B', day: '2026-03-31', fen: 7000n, paid: false }),
  order({ id: 'c1', customer: 'C', day: '2026-01-01', fen: 100000n }), order({ id: 'c2', customer: 'C', day: '2026-01-15', fen: 50000n }),
  order({ id: 'd1', customer: 'D', day: '2026-02-01', fen: 2000n }),
  order({ id: 'e1', customer: 'E', day: '2026-03-25', fen: 8000n }), order({ id: 'e2', customer: 'E', day: '2026-03-28', fen: 9000n }),
  order({ shop: 's2', id: 'g1', customer: 'G', day: '2026-03-31', fen: 99900n }),
  order({ shop: 's3', id: 'p1', customer: null, day: '2026-03-01', fen: 3000n }),
];

describe('rfm analysis', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    await store.wh.bulkLoad(shops, [shop('s1'), shop('s2'), shop('s3', 'pdd')]);
    await store.wh.bulkLoad(orders, rows);
  });
  after(() => store.cleanup());
  const seg = (r: Awaited<ReturnType<typeof rfmAnalysis>>, code: string) => r.tables.segments!.rows.find((s) => s.segment === code)!;

  it('scores by user thresholds and names the eight segments', async () => {
    const r = await rfmAnalysis(store.wh, {
      to: '2026-03-31',
      thresholds: { recencyDays: [7, 30, 60, 90], frequency: [1, 2, 3, 4], monetary: ['100', '300', '600', '1000'] },
      list: 'all',
    });
    // R: A5 B5 C2 D3 E5 G5 · F: A3 B1 C2 D1 E2 G1 · M: A3 B1 C5 D1 E2 G4 (high ≥ 3)
    assert.equal(r.summary.buyers, 6);
    assert.equal(r.summary.paid_amount, '3339.00');
    assert.equal(seg(r, 'important_value').buyers, 1); // A
    assert.equal(seg(r, 'important_develop').buyers, 1); // G
    assert.equal(seg(r, 'important_winback').buyers, 1); // C
    assert.equal(seg(r, 'general_develop').buyers, 3); // B, D, E
    assert.equal(seg(r, 'general_develop').paid_amount, '240.00');
    assert.ok(Math.abs((seg(r, 'general_develop').revenue_share as number) - 240 / 3339) < 1e-6);
    assert.equal(seg(r, 'general_keep').buyers, 0);
    const c = r.tables.buyers!.rows.find((b) => b.customer_id === 'C')!;
    assert.deepEqual([c.recency_days, c.frequency, c.monetary, c.r_score, c.f_score, c.m_score], [76, 2, '1500.00', 2, 2, 5]);
    assert.equal(r.notes.length, 1); // the Pinduoduo order without a buyer
  });

  it('scores by quintiles (lower discrete quantile) within the scope only', async () => {
    const r = await rfmAnalysis(store.wh, { to: '2026-03-31', list: 'important_value', scope: { shopIds: ['s1'] } });
    // s1 only, 5 buyers: recency cuts [1,2,4,59], frequency [1,1,2,2], monetary [20,50,170,600]
    // A R4 F5 M4, B R5 F1 M2, C R1 F3 M5, D R2 F1 M1, E R3 F3 M3
    assert.equal(r.summary.buyers, 5);
    assert.deepEqual(r.tables.cutoffs!.rows.map((c) => c.recency_days), [1, 2, 4, 59]);
    assert.deepEqual(r.tables.cutoffs!.rows.map((c) => c.monetary), ['20.00', '50.00', '170.00', '600.00']);
    assert.equal(seg(r, 'important_value').buyers, 2);
    assert.equal(seg(r, 'important_value').paid_amount, '770.00');
    assert.equal(seg(r, 'important_keep').buyers, 1);
    assert.equal(seg(r, 'general_winback').buyers, 1);
    assert.equal(seg(r, 'important_develop').buyers, 0); // G is in s2, out of scope
    assert.deepEqual(r.tables.buyers!.rows.map((b) => b.customer_id), ['A', 'E']);
    assert.equal(r.notes.length, 0);
  });

  it('refuses an empty scope with a coded error', async () => {
    await assert.rejects(rfmAnalysis(store.wh, { scope: { shopIds: [] } }), /ANALYSIS_NO_DATA/);
  });
});
