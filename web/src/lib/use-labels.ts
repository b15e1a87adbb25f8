import { useCallback } from 'react';
import { useFilterOptions } from '../components/global-filters';
import { useCatalog } from '../api/queries';
import { useI18n } from '../i18n/i18n';

/** Human labels for dimension values (shop id → shop name, platform id → 天猫) and metric ids. */
export function useLabels() {
  const { pick, t } = useI18n();
  const opts = useFilterOptions().data;
  const catalog = useCatalog().data;
  const value = useCallback((dim: string, v: unknown): string => {
    // an order outside every campaign, a buyer who is not a member: said, not a dash
    if (v === null || v === undefined || v === '') return t(dim === 'campaign' ? 'noCampaign' : dim === 'member_tier' ? 'noMemberTier' : dim === 'live_room' || dim === 'host' ? 'notLive' : 'noValue');
    const s = String(v);
    if (dim === 'shop') return opts?.shops.find((x) => x.id === s)?.name ?? s;
    if (dim === 'campaign') return opts?.campaigns?.find((x) => x.id === s)?.name ?? s;
    if (dim === 'platform') { const p = opts?.platforms.find((x) => x.id === s); return p ? pick(p.name) : s; }
    return s;
  }, [opts, pick, t]);
  const metric = useCallback((id: string) => {
    const m = catalog?.metrics.find((x) => x.id === id);
    const helper = catalog?.helperNames?.[id];
    return m ? pick(m.name) : helper ? pick(helper) : id;
  }, [catalog, pick]);
  const dimension = useCallback((id: string) => {
    const d = catalog?.dimensions.find((x) => x.id === id);
    return d ? pick(d.name) : id;
  }, [catalog, pick]);
  const unit = useCallback((id: string) => catalog?.metrics.find((x) => x.id === id)?.unit, [catalog]);
  return { value, metric, dimension, unit, catalog };
}
