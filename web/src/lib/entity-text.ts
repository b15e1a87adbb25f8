import { useI18n } from '../i18n/i18n';
import { useLabels } from './use-labels';

/**
 * What an alert or an action is about, by name: 店铺: 抖音美妆店 · SKU: S1, or 整体 for the whole
 * scope. `names` (the alert API's, as its message said them) adds a SKU's title: S1(纯棉毛巾).
 */
export function useEntityText(names: Readonly<Record<string, string>> = {}): (entity: Record<string, string>) => string {
  const { t } = useI18n();
  const labels = useLabels();
  const shown = (entity: Record<string, string>, k: string, v: string) =>
    (k === 'sku' && entity.shop !== undefined ? names[`sku=${v}@${entity.shop}`] : undefined) ?? (k === 'sku' ? names[`sku=${v}`] : undefined) ?? labels.value(k, v);
  return (entity) => Object.entries(entity).map(([k, v]) => `${labels.dimension(k)}: ${shown(entity, k, v)}`).join(' · ') || t('allEntities');
}
