/**
 * Campaigns live in the warehouse (`campaigns`, `campaign_phases`): the canonical model reads
 * them. Saving or removing one is one transaction that also moves the orders of its old and
 * new dates to the campaign they now belong to (ingest/merge/campaigns.ts) and records the
 * change, so cached answers and rollups see it.
 */
import { fail } from '../core/errors.js';
import { fenToDecimal } from '../core/money.js';
import { restampOrders } from '../ingest/merge/campaigns.js';
import { campaigns as campaignsTable, campaignPhasesTable, campaignPhases, type CampaignPhase } from '../model/index.js';
import { recordDataChange, type Warehouse } from '../warehouse/index.js';
import { CampaignErrors as E } from './errors.js';
import { phaseName, type CampaignInput, type CampaignView } from './schema.js';

export interface SaveResult {
  campaign: CampaignView;
  /** orders whose campaign changed */
  ordersMoved: number;
}

export async function listCampaigns(wh: Warehouse): Promise<CampaignView[]> {
  const heads = await wh.query(`SELECT campaign_id, name, kind, year, shop_id, gmv_target, new_buyer_target, roi_target, budget FROM campaigns`);
  const phases = await wh.query(`SELECT campaign_id, phase, CAST(start_day AS VARCHAR) AS start_day, CAST(end_day AS VARCHAR) AS end_day, gmv_target FROM campaign_phases`);
  const out = heads.map((h): CampaignView => ({
    id: h.campaign_id as string, name: h.name as string, kind: h.kind as string, year: Number(h.year),
    shopId: (h.shop_id as string | null) ?? null,
    phases: phases.filter((p) => p.campaign_id === h.campaign_id)
      .map((p) => ({ phase: p.phase as CampaignPhase, name: phaseName(p.phase as CampaignPhase), start: p.start_day as string, end: p.end_day as string, gmvTarget: fenToDecimal(p.gmv_target as bigint) }))
      .sort((a, b) => campaignPhases.indexOf(a.phase) - campaignPhases.indexOf(b.phase)),
    gmvTarget: fenToDecimal(h.gmv_target as bigint), newBuyerTarget: Number(h.new_buyer_target), roiTarget: Number(h.roi_target), budget: fenToDecimal(h.budget as bigint),
  }));
  // newest first: the campaign being planned or reviewed is at the top
  return out.sort((a, b) => (b.phases[0]?.start ?? '').localeCompare(a.phases[0]?.start ?? '') || a.name.localeCompare(b.name));
}

export async function getCampaign(wh: Warehouse, id: string): Promise<CampaignView> {
  const found = (await listCampaigns(wh)).find((c) => c.id === id);
  if (!found) fail(E.CAMPAIGN_NOT_FOUND, { id });
  return found;
}

const span = (c: { phases: readonly { start: string; end: string }[] }) => ({
  from: c.phases.map((p) => p.start).sort()[0]!,
  to: c.phases.map((p) => p.end).sort().pop()!,
});

/** The campaigns of the same shop (or of every shop) whose phase dates meet `c`'s. */
function overlapping(c: CampaignInput, others: readonly CampaignView[]): CampaignView | undefined {
  return others.find((o) => (o.shopId === null || c.shopId === null || o.shopId === c.shopId)
    && o.phases.some((a) => c.phases.some((b) => a.start <= b.end && b.start <= a.end)));
}

/** Adds a campaign (no `id`) or replaces one. */
export async function saveCampaign(wh: Warehouse, input: CampaignInput, id?: string): Promise<SaveResult> {
  const all = await listCampaigns(wh);
  const old = id === undefined ? undefined : all.find((c) => c.id === id);
  if (id !== undefined && !old) fail(E.CAMPAIGN_NOT_FOUND, { id });
  const clash = overlapping(input, all.filter((c) => c.id !== id));
  if (clash) fail(E.CAMPAIGN_OVERLAP, { other: clash.name, ...span(clash) });
  // The year of its 爆发 (a 双11 that warms up in October is that year's 双11).
  const burst = input.phases.find((p) => p.phase === 'burst') ?? input.phases[0]!;
  const year = Number(burst.start.slice(0, 4));
  const campaignId = id ?? freeId(`${year}-${input.kind}`, all);
  const gmvTarget = input.phases.reduce((s, p) => s + p.gmvTarget, 0n);
  const moved = await wh.transaction(async (tx) => {
    await removeRows(tx, campaignId);
    await tx.bulkLoad(campaignsTable, [{
      campaign_id: campaignId, name: input.name, kind: input.kind, year, shop_id: input.shopId,
      gmv_target: gmvTarget, new_buyer_target: input.newBuyerTarget, roi_target: input.roiTarget, budget: input.budget,
    }]);
    await tx.bulkLoad(campaignPhasesTable, input.phases.map((p) => ({
      campaign_id: campaignId, phase: p.phase, start_day: p.start, end_day: p.end, gmv_target: p.gmvTarget,
    })) as never);
    return follow(tx, old ? [old, input] : [input]);
  });
  return { campaign: (await listCampaigns(wh)).find((c) => c.id === campaignId)!, ordersMoved: moved };
}

/** A readable id, shown beside the name in 大促复盘: 2026-double11, 2026-other, 2026-other-2 … (the demo's start with demo-) */
function freeId(base: string, all: readonly CampaignView[]): string {
  const taken = new Set(all.map((c) => c.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export async function deleteCampaign(wh: Warehouse, id: string): Promise<number> {
  const old = await getCampaign(wh, id);
  return wh.transaction(async (tx) => {
    await removeRows(tx, id);
    return follow(tx, [old]);
  });
}

async function removeRows(tx: Warehouse, id: string): Promise<void> {
  const p = tx.dialect.param(1);
  await tx.exec(`DELETE FROM campaign_phases WHERE campaign_id = ${p}`, [id]);
  await tx.exec(`DELETE FROM campaigns WHERE campaign_id = ${p}`, [id]);
}

/** The orders of the campaigns' dates (before and after the change) follow the campaigns as they are now. */
async function follow(tx: Warehouse, versions: readonly { shopId: string | null; phases: readonly { start: string; end: string }[] }[]): Promise<number> {
  const spans = versions.map(span);
  const fromDay = spans.map((s) => s.from).sort()[0]!;
  const toDay = spans.map((s) => s.to).sort().pop()!;
  const shops = new Set(versions.map((v) => v.shopId));
  const shopId = shops.size === 1 ? [...shops][0]! : null;
  const moved = await restampOrders(tx, { fromDay, toDay, shopId });
  await recordDataChange(tx, { origin: 'campaign', ...(shopId === null ? {} : { shopId }), fromDay, toDay });
  return moved;
}
