/** Days inside any campaign phase (预热/爆发/返场): rules with skipCampaignDays neither judge them nor learn from them. */
import { addDays } from '../core/time.js';
import type { Warehouse } from '../warehouse/index.js';

export async function loadCampaignDays(wh: Warehouse, from: string, to: string): Promise<Set<string>> {
  const d = wh.dialect;
  const rows = await wh.query<{ start_day: string; end_day: string }>(
    `SELECT start_day, end_day FROM campaign_phases WHERE end_day >= ${d.dayParam(1)} AND start_day <= ${d.dayParam(2)}`,
    [from, to],
  );
  const days = new Set<string>();
  for (const r of rows) for (let x = String(r.start_day); x <= String(r.end_day); x = addDays(x, 1)) days.add(x);
  return days;
}
