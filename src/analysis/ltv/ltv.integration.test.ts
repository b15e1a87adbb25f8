import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { orders, shops } from '../../model/index.js';
import { order, shop } from '../testing/rows.js';
import { loadCdnow } from '../testing/public-data.js';
import { bgNbdLogLikelihood, expectedPurchases, probabilityAlive } from './bg-nbd.js';
import { HORIZON_WEEKS, ltvAnalysis } from './ltv.js';

describe('ltv analysis on the store', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => { store = await tempStore(); });
  after(() => store.cleanup());

  it('summarises buyers into (x, t_x, T) by purchase day, in weeks, within the scope', async () => {
    const wh = store.wh;
    await wh.bulkLoad(shops, [shop('s1'), shop('s2')]);
    // Period ends 2026-03-29. Two orders on one day are one purchase day.
    //   A: 03-01, 03-08, 03-08, 03-15 → x 2, t_x 14 d, T 28 d
    //   B: 03-01                      → x 0, t_x 0,    T 28 d
    //   C: 03-15, 03-22               → x 1, t_x 7 d,  T 14 d
    //   D: 03-22 (x 0, T 7 d) · Z: shop s2, out of scope
    await wh.bulkLoad(orders, [
      order({ id: 'a1', customer: 'A', day: '2026-03-01', fen: 1000n }), order({ id: 'a2', customer: 'A', day: '2026-03-08', fen: 1000n }),
      order({ id: 'a3', customer: 'A', day: '2026-03-08', fen: 500n }), order({ id: 'a4', customer: 'A', day: '2026-03-15', fen: 1000n }),
      order({ id: 'b1', customer: 'B', day: '2026-03-01', fen: 3000n }),
      order({ id: 'c1', customer: 'C', day: '2026-03-15', fen: 2000n }), order({ id: 'c2', customer: 'C', day: '2026-03-22', fen: 4000n }),
      order({ id: 'd1', customer: 'D', day: '2026-03-22', fen: 100n }),
      order({ shop: 's2', id: 'z1', customer: 'Z', day: '2026-03-01', fen: 100n }), order({ shop: 's2', id: 'z2', customer: 'Z', day: '2026-03-29', fen: 100n }),
    ]);
    const r = await ltvAnalysis(wh, { to: '2026-03-29', scope: { shopIds: ['s1'] } });
    // The store's summary must be the hand summary: the reported log-likelihood is the hand
    // data's at the reported parameters (whatever point the optimiser stopped at).
    const hand = { x: Float64Array.of(2, 0, 1, 0), tx: Float64Array.of(2, 0, 1, 0), T: Float64Array.of(4, 4, 2, 1), weight: Float64Array.of(1, 1, 1, 1) };
    const s = r.summary as Record<string, number>;
    const fit = { r: s.bgnbd_r!, alpha: s.bgnbd_alpha!, a: s.bgnbd_a!, b: s.bgnbd_b! };
    assert.equal(r.summary.buyers, 4);
    assert.ok(Math.abs(bgNbdLogLikelihood(hand, fit) - s.bgnbd_ll!) < 1e-9, `${s.bgnbd_ll} vs ${bgNbdLogLikelihood(hand, fit)}`);
    const a = r.tables.buyers!.rows.find((b) => b.customer_id === 'A')!;
    assert.equal(a.repeat_purchases, 2);
    assert.equal(a.paid_amount, '35.00');
    assert.equal(a.p_alive, Number(probabilityAlive(fit, 2, 2, 4).toFixed(4)));
    assert.equal(a.purchases_12m, Number(expectedPurchases(fit, HORIZON_WEEKS.m12, 2, 2, 4).toFixed(3)));
    assert.deepEqual(r.tables.cohorts!.rows.map((c) => [c.cohort, c.buyers]), [['2026-03-01', 4]]);
    assert.ok(!r.tables.buyers!.rows.some((b) => b.customer_id === 'Z'));
  });

  it('reproduces the published CDNOW fit from raw transactions (39-week calibration to 1997-09-30)', async () => {
    await loadCdnow(store.wh, 'CDNOW_sample.txt');
    const r = await ltvAnalysis(store.wh, { to: '1997-09-30', scope: { shopIds: ['cdnow'] } });
    const s = r.summary as Record<string, number>;
    const sig3 = (v: number | undefined) => Number(v!.toPrecision(3));
    assert.equal(s.buyers, 2357);
    assert.deepEqual([s.bgnbd_r, s.bgnbd_alpha, s.bgnbd_a, s.bgnbd_b].map(sig3), [0.243, 4.41, 0.793, 2.43]);
    assert.deepEqual([s.gg_p, s.gg_q, s.gg_v].map(sig3), [6.25, 3.74, 15.4]); // published 15.45 → 15.4 at 3 digits (15.447…)
  });
});
