/**
 * Campaign rows (one per 618 / 双11 in the 24 months, covering all shops) and their phases.
 * Targets are set a little above or below what then happened (83–118 % attainment), as real
 * targets are, so campaign reviews have hits and misses to show.
 */
import type { CampaignPhaseRow, CampaignRow } from '../model/index.js';
import { allocate } from './allocate.js';
import { campaignsInRange, type DayInfo } from './calendar.js';
import type { Rng } from './prng.js';
import type { Tally } from './state.js';

export function campaignRows(days: readonly DayInfo[], tally: Tally, rng: Rng): { campaigns: CampaignRow[]; phases: CampaignPhaseRow[] } {
  const campaigns: CampaignRow[] = [];
  const phases: CampaignPhaseRow[] = [];
  for (const c of campaignsInRange(days)) {
    const paid = tally.campaignPaid.get(c.id) ?? 0;
    const target = Math.round((paid / (0.83 + rng.next() * 0.35)) / 100_000) * 100_000;
    const adCost = tally.campaignAdCost.get(c.id) ?? 0;
    campaigns.push({
      campaign_id: c.id, name: `${c.year} ${c.spec.zh}`, kind: c.spec.kind, year: c.year, shop_id: null, gmv_target: BigInt(target),
      new_buyer_target: Math.round((tally.campaignNewBuyers.get(c.id) ?? 0) * (0.9 + rng.next() * 0.25)),
      roi_target: Math.round((3 + rng.next()) * 10) / 10, budget: BigInt(Math.round((adCost * (0.95 + rng.next() * 0.15)) / 100_000) * 100_000),
    });
    // Phase targets split the campaign target by each phase's share (with its own miss), adding up exactly.
    const weights = c.phases.map((p) => (tally.campaignPaid.get(`${c.id}|${p.phase}`) ?? 0) * (0.9 + rng.next() * 0.2) + 1);
    const split = allocate(target, weights);
    c.phases.forEach((p, i) =>
      phases.push({ campaign_id: c.id, phase: p.phase, start_day: p.start, end_day: p.end, gmv_target: BigInt(split[i]!) }),
    );
  }
  return { campaigns, phases };
}
