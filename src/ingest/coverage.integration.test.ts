/**
 * What the store holds per shop, on the fixture store (test/fixtures/store/data.ts), counted by
 * hand from its tables.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFixtureStore } from '../../test/helpers/store.js';
import { dataCoverage } from './coverage.js';

describe('data coverage', () => {
  const store = useFixtureStore();

  it('counts each kind of data per shop, with its first and last business day', async () => {
    const shops = await dataCoverage(store.wh, 'all');
    assert.deepEqual(shops.map((s) => [s.shopId, s.platform]), [['jd1', 'jd'], ['pdd1', 'pdd'], ['tm1', 'tmall']]);
    const of = (id: string) => shops.find((s) => s.shopId === id)!.kinds;
    // tm1: T00 T0, T1 … T6, T25a T25b, D25a D25b D26a, W1 … W5 = 18, created 2024-02-10 … 2027-01-04
    assert.deepEqual(of('tm1').orders, { rows: 18, from: '2024-02-10', to: '2027-01-04' });
    // jd1: J0 (02-28), J1 … J4 (J4 created 04-01); pdd1: P0 (02-29) … P3 (03-29)
    assert.deepEqual(of('jd1').orders, { rows: 5, from: '2024-02-28', to: '2024-04-01' });
    assert.deepEqual(of('pdd1').orders, { rows: 4, from: '2024-02-29', to: '2024-03-29' });
    // tm1 refunds R1 (finished 03-20), R3 (pending: no day), R5 (03-02); jd1 R2 (03-05); pdd1 R4 (04-02)
    assert.deepEqual(of('tm1').refunds, { rows: 3, from: '2024-03-02', to: '2024-03-20' });
    assert.deepEqual(of('jd1').refunds, { rows: 1, from: '2024-03-05', to: '2024-03-05' });
    assert.deepEqual(of('pdd1').refunds, { rows: 1, from: '2024-04-02', to: '2024-04-02' });
  });

  it('shows a user only the shops in their scope, and none for an empty scope', async () => {
    const jd = await dataCoverage(store.wh, ['jd1']);
    assert.deepEqual(jd.map((s) => s.shopId), ['jd1']);
    assert.equal(jd[0]!.kinds.orders!.rows, 5);
    assert.deepEqual(await dataCoverage(store.wh, []), []);
  });
});
