/**
 * Real data no one here wrote, through the generic import, against the figures published
 * in ../shared/data/public/README.md (see docs/validation.md).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { abcAnalysis } from '../abc/abc.js';
import { cohortAnalysis } from '../cohort/cohort.js';
import { ltvAnalysis } from '../ltv/ltv.js';
import { rfmAnalysis } from '../rfm/rfm.js';
import { PUBLIC_DATA } from '../testing/public-data.js';
import { importPublicData } from './load-public.js';

const scopedTo = (shop: string) => ({ scope: { shopIds: [shop] } });
const sig3 = (v: unknown) => Number((v as number).toPrecision(3));

describe('public datasets through the generic import', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    await importPublicData(store.wh);
  });
  after(() => store.cleanup());

  it('CDNOW master: 23,570 buyers, 69,659 transactions, $2,500,315.63', async () => {
    const r = await rfmAnalysis(store.wh, scopedTo('cdnow'));
    assert.equal(r.summary.buyers, 23570);
    assert.equal(r.summary.paid_amount, '2500315.63');
    const c = await cohortAnalysis(store.wh, scopedTo('cdnow'));
    // every CDNOW customer made the first purchase in Q1 1997 (the dataset is that cohort)
    assert.deepEqual(c.tables.matrix!.rows.filter((m) => m.period === 0).map((m) => m.cohort), ['1997-01-01', '1997-02-01', '1997-03-01']);
    assert.equal(c.summary.buyers, 23570);
  });

  it('CDNOW sample: BG/NBD and Gamma-Gamma from raw transactions match the published fit', async () => {
    const r = await ltvAnalysis(store.wh, { to: '1997-09-30', ...scopedTo('cdnow-sample') });
    const s = r.summary;
    assert.equal(s.buyers, 2357);
    assert.deepEqual([s.bgnbd_r, s.bgnbd_alpha, s.bgnbd_a, s.bgnbd_b].map(sig3), [0.243, 4.41, 0.793, 2.43]);
    assert.ok(Math.abs((s.bgnbd_ll as number) + 9582.43) < 0.01);
    assert.deepEqual([s.gg_p, s.gg_q].map(sig3), [6.25, 3.74]);
    assert.ok(Math.abs((s.gg_v as number) - 15.45) < 0.01);
  });

  it('Olist: 10,000 orders, 9,920 unique customers, line amounts equal payments for 9,861 of 9,889 orders', async () => {
    const wh = store.wh;
    const [n] = await wh.query(`SELECT count(*) AS orders, count(DISTINCT customer_id) AS customers,
      (SELECT count(*) FROM order_lines WHERE shop_id = 'olist') AS lines FROM orders WHERE shop_id = 'olist'`);
    assert.deepEqual([n!.orders, n!.customers, n!.lines], [10000n, 9920n, 11252n]);
    const pay = join(PUBLIC_DATA, 'olist/olist_order_payments_dataset.csv.gz');
    const [m] = await wh.query(`SELECT count(*) AS with_lines, sum(CASE WHEN abs(l.fen - p.fen) <= 1 THEN 1 ELSE 0 END) AS equal
      FROM (SELECT order_id, sum(paid_amount) AS fen FROM order_lines WHERE shop_id = 'olist' GROUP BY order_id) l
      LEFT JOIN (SELECT order_id, CAST(round(sum(payment_value) * 100) AS BIGINT) AS fen FROM read_csv('${pay}') GROUP BY order_id) p USING (order_id)`);
    assert.deepEqual([m!.with_lines, m!.equal], [9889n, 9861n]);
    const r = await rfmAnalysis(wh, scopedTo('olist'));
    assert.ok((r.summary.buyers as number) <= 9920 && (r.summary.buyers as number) > 9800);
  });

  it('Tianchi mum-baby: root categories by units start 28 (28,545) > 50014815 (19,763) and end 122650008 (2,239)', async () => {
    const r = await abcAnalysis(store.wh, { measure: 'units', ...scopedTo('tianchi') });
    const rank = r.tables.ranking!.rows.map((x) => [x.entity, x.units]);
    assert.deepEqual(rank[0], ['28', 28545]);
    assert.deepEqual(rank[1], ['50014815', 19763]);
    assert.deepEqual(rank[rank.length - 1], ['122650008', 2239]);
    const rfm = await rfmAnalysis(store.wh, scopedTo('tianchi'));
    assert.equal(rfm.summary.buyers, 29944);
  });
});
