/**
 * Alerts and actions about shops that left the store (the demo seller, taken out): they would
 * stay on 告警 and 行动 naming shops nobody has. One whose every shop is gone goes with them;
 * one about any remaining shop, or about no shop in particular, stays. Rules, schedules and
 * accounts stay: they are the seller's settings, not about the demo's data.
 */
import type { AlertEvent } from '../../alerts/lifecycle.js';
import type { MetaStore } from '../../meta/index.js';

export interface Forgotten {
  alerts: number;
  actions: number;
}

export async function forgetShops(meta: MetaStore, shops: readonly string[]): Promise<Forgotten> {
  const gone = new Set(shops);
  const onlyGone = (ids: readonly string[] | undefined) => ids !== undefined && ids.length > 0 && ids.every((s) => gone.has(s));
  const out: Forgotten = { alerts: 0, actions: 0 };
  if (gone.size === 0) return out;
  for (const d of await meta.documents.list<AlertEvent>('alert_event')) {
    if (onlyGone(d.body.shopIds) && (await meta.documents.delete('alert_event', d.id))) out.alerts++;
  }
  for (const d of await meta.documents.list<{ shopIds?: string[] }>('action')) {
    if (onlyGone(d.body.shopIds) && (await meta.documents.delete('action', d.id))) out.actions++;
  }
  return out;
}
