import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../../test/helpers/store.js';
import { orders, shops } from '../../model/index.js';
import { order, shop } from '../testing/rows.js';
import { cohortAnalysis } from './cohort.js';

/*
 * s1:  A 01-05 100, 01-20 50, 02-10 80, 04-01 40   B 01-15 200
 *      C 02-03 60, 03-03 30, 03-20 30              D 03-10 500
 * s2:  E 01-01 10, 02-01 10
 */
const o = (id: string, customer: string, day: string, yuan: number, s = 's1') =>
  order({ shop: s, id, customer, day: `2026-${day}`, fen: BigInt(yuan * 100) });
const rows = [
  o('a1', 'A', '01-05', 100), o('a2', 'A', '01-20', 50), o('a3', 'A', '02-10', 80), o('a4', 'A', '04-01', 40),
  o('b1', 'B', '01-15', 200), o('c1', 'C', '02-03', 60), o('c2', 'C', '03-03', 30), o('c3', 'C', '03-20', 30),
  o('d1', 'D', '03-10', 500), o('e1', 'E', '01-01', 10, 's2'), o('e2', 'E', '02-01', 10, 's2'),
];

describe('cohort analysis', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  before(async () => {
    store = await tempStore();
    await store.wh.bulkLoad(shops, [shop('s1'), shop('s2')]);
    await store.wh.bulkLoad(orders, rows);
  });
  after(() => store.cleanup());

  it('builds the monthly matrix with retention and cumulative revenue per buyer', async () => {
    const r = await cohortAnalysis(store.wh, { to: '2026-04-30', scope: { shopIds: ['s1'] } });
    const m = r.tables.matrix!.rows.map((x) => [x.cohort, x.period, x.buyers, x.retention, x.paid_amount, x.cumulative_paid_per_buyer]);
    assert.deepEqual(m, [
      ['2026-01-01', 0, 2, 1, '350.00', '175.00'], // A 150 + B 200
      ['2026-01-01', 1, 1, 0.5, '80.00', '215.00'], // A in Feb; (350 + 80) / 2
      ['2026-01-01', 3, 1, 0.5, '40.00', '235.00'], // A in Apr; nobody in Mar
      ['2026-02-01', 0, 1, 1, '60.00', '60.00'],
      ['2026-02-01', 1, 1, 1, '60.00', '120.00'],
      ['2026-03-01', 0, 1, 1, '500.00', '500.00'],
    ]);
    assert.equal(r.summary.buyers, 4);
  });

  it('gives 复购率 and 回购率 per period; the last period has no 回购率 yet', async () => {
    const r = await cohortAnalysis(store.wh, { to: '2026-04-30', scope: { shopIds: ['s1'] } });
    const p = r.tables.periods!.rows.map((x) => [x.period, x.paying_buyers, x.repurchase_rate, x.retention_next_period]);
    assert.deepEqual(p, [
      ['2026-01-01', 2, 0.5, 0.5], // A twice in Jan; A back in Feb
      ['2026-02-01', 2, 0, 0.5], // A, C; C back in Mar
      ['2026-03-01', 2, 0.5, 0], // C twice; nobody of Mar in Apr
      ['2026-04-01', 1, 0, null],
    ]);
  });

  it('buckets days from first to second purchase; the scope decides who is counted', async () => {
    const s1 = await cohortAnalysis(store.wh, { to: '2026-04-30', scope: { shopIds: ['s1'] } });
    const b = (r: typeof s1, days: string) => r.tables.intervals!.rows.find((x) => x.days === days)!.buyers;
    assert.equal(b(s1, '15-30'), 2); // A 15 days, C 28 days
    assert.equal(b(s1, '31-60'), 0);
    const all = await cohortAnalysis(store.wh, { to: '2026-04-30' });
    assert.equal(b(all, '31-60'), 1); // E 31 days
    assert.equal(all.tables.matrix!.rows[0]!.buyers, 3); // Jan cohort: A, B, E
  });

  it('counts weeks since the first ISO week', async () => {
    const r = await cohortAnalysis(store.wh, { grain: 'week', to: '2026-04-30', scope: { shopIds: ['s1'] } });
    // A's first week starts Monday 01-05; 01-20 is in week +2, 02-10 in +5, 04-01 in +12
    const a = r.tables.matrix!.rows.filter((x) => x.cohort === '2026-01-05').map((x) => x.period);
    assert.deepEqual(a, [0, 2, 5, 12]);
  });
});
