/**
 * Campaigns the seller defines, on imported exports (which never say which campaign an order
 * was in): saving one moves the orders paid in its phase dates to it, moving or removing it
 * moves them back, an import after it stamps its new orders, and a re-import still changes
 * nothing. Figures by hand from the two Taobao overlap fixtures (shop 白鹭店):
 *   week 1: order …001 paid 2026-03-05 ¥100.00 (buyer_a), order …002 paid 03-06 ¥50.00 (buyer_b);
 *   week 2: order …001 again (now completed), order …003 paid 03-11 ¥80.00 (buyer_c).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tempStore } from '../../test/helpers/store.js';
import { campaignAnalysis } from '../analysis/index.js';
import { isShopLensError } from '../core/errors.js';
import { importFile } from '../ingest/index.js';
import { fixture, NOW } from '../ingest/test-fixtures.js';
import type { Warehouse } from '../warehouse/index.js';
import { campaignInput } from './schema.js';
import { deleteCampaign, listCampaigns, saveCampaign } from './store.js';

const O1 = '4000000000000000001', O2 = '4000000000000000002', O3 = '4000000000000000003';
const campaignOfOrders = async (wh: Warehouse) =>
  Object.fromEntries((await wh.query('SELECT order_id, campaign_id FROM orders ORDER BY order_id')).map((r) => [r.order_id, r.campaign_id]));
const rejects = (code: string) => (e: unknown) => isShopLensError(e) && e.code === code;

const warmup = { phase: 'warmup', start: '2026-03-04', end: '2026-03-05', gmvTarget: '200' };
const burst = { phase: 'burst', start: '2026-03-06', end: '2026-03-08', gmvTarget: '100.00' };
const memberDays = campaignInput.parse({ name: '三月会员日', kind: 'other', shopId: null, phases: [warmup, burst] });

test('a campaign takes the orders paid in its phase dates; the review reads them by phase', async () => {
  const s = await tempStore();
  try {
    await importFile(s.wh, fixture('taobao/overlap-week1.csv'), { now: NOW });
    assert.deepEqual(await campaignOfOrders(s.wh), { [O1]: null, [O2]: null }, 'an export names no campaign');
    const saved = await saveCampaign(s.wh, memberDays);
    assert.equal(saved.ordersMoved, 2);
    const id = saved.campaign.id;
    assert.equal(id, '2026-other', 'named by year and kind');
    assert.deepEqual(saved.campaign.phases.map((p) => [p.phase, p.start, p.end, p.gmvTarget]), [
      ['warmup', '2026-03-04', '2026-03-05', '200.00'], ['burst', '2026-03-06', '2026-03-08', '100.00'],
    ]);
    assert.equal(saved.campaign.gmvTarget, '300.00', 'the phases\' targets add up');
    assert.equal(saved.campaign.year, 2026);
    assert.deepEqual(await campaignOfOrders(s.wh), { [O1]: id, [O2]: id });

    const review = await campaignAnalysis(s.wh);
    const rows = review.tables.phases!.rows.map((r) => [r.phase, r.paid_amount, r.target, r.attainment, r.orders, r.buyers, r.vs_last_year]);
    // warm-up: ¥100 of ¥200 = 50 %; burst: ¥50 of ¥100 = 50 %; one order and buyer each; 'other' has no last year
    assert.deepEqual(rows, [['warmup', '100.00', '200.00', 0.5, 1, 1, null], ['burst', '50.00', '100.00', 0.5, 1, 1, null]]);

    // the same file again: the stored orders carry the campaign, the file does not, and nothing changes
    const again = await importFile(s.wh, fixture('taobao/overlap-week1.csv'), { now: NOW });
    const o = again.tables.find((t) => t.table === 'orders')!;
    assert.deepEqual([o.inserted, o.updated, o.unchanged], [0, 0, 2]);
    assert.equal(again.run.rows_updated, 0);
    assert.deepEqual(await campaignOfOrders(s.wh), { [O1]: id, [O2]: id });

    // a later export: …001 updated in the campaign's dates keeps it, …003 (03-11) is outside
    await importFile(s.wh, fixture('taobao/overlap-week2.csv'), { now: NOW });
    assert.deepEqual(await campaignOfOrders(s.wh), { [O1]: id, [O2]: id, [O3]: null });

    // a second campaign of the shop alone, for 03-10 … 03-12, takes …003
    const spring = await saveCampaign(s.wh, campaignInput.parse({
      name: '春上新', kind: '618', shopId: '白鹭店', phases: [{ phase: 'burst', start: '2026-03-10', end: '2026-03-12', gmvTarget: 80 }],
    }));
    assert.equal(spring.ordersMoved, 1);
    assert.deepEqual(await campaignOfOrders(s.wh), { [O1]: id, [O2]: id, [O3]: spring.campaign.id });

    // moving the burst to start on 03-07 lets …002 (03-06) go; removing the campaign lets …001 go
    const moved = await saveCampaign(s.wh, campaignInput.parse({ name: '三月会员日', kind: 'other', phases: [warmup, { ...burst, start: '2026-03-07' }] }), id);
    assert.equal(moved.ordersMoved, 1);
    assert.deepEqual(await campaignOfOrders(s.wh), { [O1]: id, [O2]: null, [O3]: spring.campaign.id });
    assert.equal(await deleteCampaign(s.wh, id), 1);
    assert.deepEqual(await campaignOfOrders(s.wh), { [O1]: null, [O2]: null, [O3]: spring.campaign.id });
    assert.deepEqual((await listCampaigns(s.wh)).map((c) => c.name), ['春上新']);

    // each save and removal is a recorded change (cached answers and rollups follow)
    const changes = await s.wh.query(`SELECT origin, shop_id, CAST(from_day AS VARCHAR) AS f, CAST(to_day AS VARCHAR) AS t FROM data_changes WHERE origin = 'campaign' ORDER BY change_id`);
    assert.deepEqual(changes.map((c) => [c.shop_id, c.f, c.t]), [
      ['', '2026-03-04', '2026-03-08'], ['白鹭店', '2026-03-10', '2026-03-12'], ['', '2026-03-04', '2026-03-08'], ['', '2026-03-04', '2026-03-08'],
    ]);
  } finally {
    await s.cleanup();
  }
});

test('campaigns of one shop may not overlap, nor one of every shop with any; bad input is refused with its reason', async () => {
  const s = await tempStore();
  try {
    await saveCampaign(s.wh, memberDays);
    const clash = campaignInput.parse({ name: '周末闪购', kind: 'other', shopId: 'T100', phases: [{ phase: 'burst', start: '2026-03-08', end: '2026-03-09' }] });
    await assert.rejects(saveCampaign(s.wh, clash), (e: unknown) => rejects('CAMPAIGN_OVERLAP')(e) && /三月会员日/.test((e as Error).message));
    // the day after the burst ends is free
    const flash = await saveCampaign(s.wh, { ...clash, phases: [{ ...clash.phases[0]!, start: '2026-03-09' }] });
    assert.equal(flash.campaign.id, '2026-other-2', 'the second "other" campaign of 2026');
    await assert.rejects(deleteCampaign(s.wh, 'nope'), rejects('CAMPAIGN_NOT_FOUND'));

    const bad = (v: unknown) => campaignInput.safeParse(v).success;
    const phase = (phase: string, start: string, end: string, gmvTarget?: unknown) => ({ phase, start, end, ...(gmvTarget === undefined ? {} : { gmvTarget }) });
    assert.equal(bad({ name: 'x', kind: 'other', phases: [phase('burst', '2026-03-02', '2026-03-01')] }), false, 'ends before it starts');
    assert.equal(bad({ name: 'x', kind: 'other', phases: [phase('burst', '2026-03-01', '2026-03-05'), phase('warmup', '2026-03-05', '2026-03-06')] }), false, 'warm-up after the burst');
    assert.equal(bad({ name: 'x', kind: 'other', phases: [phase('burst', '2026-03-01', '2026-03-01'), phase('burst', '2026-03-03', '2026-03-03')] }), false, 'a phase twice');
    assert.equal(bad({ name: 'x', kind: 'other', phases: [phase('burst', '2026-03-01', '2026-03-01', '1,000')] }), false, 'an amount with separators');
    assert.equal(bad({ name: 'x', kind: 'other', phases: [phase('burst', '2026-02-30', '2026-03-01')] }), false, 'no such day');
    assert.equal(bad({ name: 'x', kind: 'black-friday', phases: [phase('burst', '2026-03-01', '2026-03-01')] }), false, 'unknown kind');
    assert.equal(bad({ name: 'x', kind: 'other', phases: [phase('burst', '2026-03-01', '2026-03-01', '0.5')] }), true);
  } finally {
    await s.cleanup();
  }
});
