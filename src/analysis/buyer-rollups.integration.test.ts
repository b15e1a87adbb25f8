/**
 * Differential: RFM, cohorts, the repurchase intervals and LTV read the buyer rollups; here the
 * same numbers come from the raw orders with the SQL those analyses used before (grouping
 * (shop_id, customer_id) text), on the fixture store and on a small demo store (Pinduoduo
 * shops included), with and without a period and a shop scope. Equal output, or the rollup
 * path is wrong.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tempStore } from '../../test/helpers/store.js';
import { loadFixtureStore } from '../../test/fixtures/store/load.js';
import { fenToDecimal } from '../core/money.js';
import { generateDemo } from '../demo/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { cohortAnalysis } from './cohort/cohort.js';
import { fitBgNbd } from './ltv/bg-nbd.js';
import { ltvAnalysis } from './ltv/ltv.js';
import { rfmAnalysis } from './rfm/rfm.js';
import { pdNote, ratio } from './result.js';
import { ordersWithoutBuyer, Params, type ShopScope } from './sql.js';
import { rawCohortCells, rawCohortPeriods, rawIntervals, rawLtvGroups, rawRfmBuyers, rawRfmCutoffs } from './testing/raw-buyer-sql.js';

const num = (v: unknown) => Number(v);

async function scopes(wh: Warehouse): Promise<(ShopScope | undefined)[]> {
  const shops = await wh.query<{ shop_id: string }>('SELECT shop_id FROM shops ORDER BY shop_id');
  return [undefined, { shopIds: shops.slice(0, 2).map((s) => s.shop_id) }];
}

async function lastDay(wh: Warehouse): Promise<string> {
  const [r] = await wh.query<{ d: string }>('SELECT max(paid_day) AS d FROM orders WHERE customer_id IS NOT NULL');
  return r!.d;
}

function agreeOn(name: string, load: (wh: Warehouse) => Promise<void>) {
  describe(`buyer analyses from rollups equal the raw-order SQL: ${name}`, () => {
    let store: Awaited<ReturnType<typeof tempStore>>;
    let periods: { from?: string; to?: string }[] = [];
    before(async () => {
      store = await tempStore();
      await load(store.wh);
      const end = await lastDay(store.wh);
      const midMonth = `${end.slice(0, 8)}10`; // cuts the last month short
      const [first] = await store.wh.query<{ d: string }>('SELECT min(paid_day) AS d FROM orders');
      periods = [{}, { to: midMonth }, { from: first!.d.slice(0, 8) + '20', to: end }];
    });
    after(() => store.cleanup());

    it('RFM: recency, frequency and monetary of every buyer', async () => {
      for (const scope of await scopes(store.wh)) {
        for (const period of periods) {
          const r = await rfmAnalysis(store.wh, { ...period, scope, list: 'all', limit: 10_000_000 });
          const got = r.tables.buyers!.rows.map((b) => [b.shop_id, b.customer_id, b.recency_days, b.frequency, b.monetary]).sort();
          const raw = await rawRfmBuyers(store.wh, new Params(store.wh), scope, period.from, period.to);
          assert.ok(raw.length > 0);
          assert.deepEqual(got, raw.map((b) => [b.shop_id, b.customer_id, num(b.recency), num(b.frequency), money(b.monetary)]).sort(), JSON.stringify({ scope, period }));
          assert.deepEqual(r.notes, pdNote(await ordersWithoutBuyer(store.wh, scope, period.from, period.to)), 'hidden-buyer orders counted as the orders say');
          // quintile cut-offs from the histogram walk equal DuckDB's quantile_disc over the raw rows
          const c = await rawRfmCutoffs(store.wh, scope, period.from, period.to);
          assert.deepEqual(r.tables.cutoffs!.rows.map((x) => [x.recency_days, x.frequency, x.monetary]),
            [0, 1, 2, 3].map((i) => [num((c.r as unknown[])[i]), num((c.f as unknown[])[i]), money((c.m as unknown[])[i])]), JSON.stringify({ scope, period }));
        }
      }
    });

    it('cohorts: matrix, 复购率/回购率 and intervals by month and week', async () => {
      for (const scope of await scopes(store.wh)) {
        for (const to of [undefined, periods[1]!.to]) {
          for (const grain of ['month', 'week'] as const) {
            const r = await cohortAnalysis(store.wh, { grain, to, periods: 24, scope });
            const where = JSON.stringify({ scope, to, grain });
            const cells = await rawCohortCells(store.wh, grain, scope, to, 24);
            assert.deepEqual(r.tables.matrix!.rows.map((m) => [m.cohort, m.period, m.buyers, m.paid_amount]),
              cells.map((c) => [c.cohort, num(c.k), num(c.buyers), money(c.paid)]), where);
            const ps = await rawCohortPeriods(store.wh, grain, scope, to);
            assert.deepEqual(r.tables.periods!.rows.map((p) => [p.period, p.paying_buyers, p.repeat_buyers, p.retention_next_period]),
              ps.map((p) => [p.period, num(p.buyers), num(p.repeaters), p.is_last ? null : ratio(num(p.back_next) / num(p.buyers))]), where);
            assert.deepEqual(r.tables.intervals!.rows.map((i) => i.buyers), await rawIntervals(store.wh, scope, to), where);
          }
        }
      }
    });

    it('LTV: the fitted BG/NBD and the per-cohort sums', async () => {
      for (const scope of await scopes(store.wh)) {
        for (const period of periods) {
          const r = await ltvAnalysis(store.wh, { ...period, scope });
          const raw = await rawLtvGroups(store.wh, scope, period.from, period.to);
          const bg = fitBgNbd({
            x: Float64Array.from(raw.groups, (g) => num(g.x)), tx: Float64Array.from(raw.groups, (g) => num(g.tx_days) / 7),
            T: Float64Array.from(raw.groups, (g) => num(g.t_days) / 7), weight: Float64Array.from(raw.groups, (g) => num(g.n)),
          });
          const where = JSON.stringify({ scope, period });
          assert.deepEqual([r.summary.bgnbd_r, r.summary.bgnbd_alpha, r.summary.bgnbd_a, r.summary.bgnbd_b], [bg.r, bg.alpha, bg.a, bg.b], where);
          assert.deepEqual(r.tables.cohorts!.rows.map((c) => [c.cohort, c.buyers, c.paid_amount]),
            raw.cohorts.map((c) => [c.cohort, num(c.buyers), money(c.paid)]), where);
        }
      }
    });
  });
}

const money = (v: unknown) => fenToDecimal(BigInt(v as bigint));

agreeOn('fixture store', loadFixtureStore);
agreeOn('demo store (3,000 lines)', async (wh) => {
  await generateDemo(wh, { orderLines: 3_000, seed: 11, endDay: '2026-06-30' });
});
