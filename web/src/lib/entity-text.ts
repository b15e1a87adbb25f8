import { useI18n } from '../i18n/i18n';
import { useLabels } from './use-labels';

/** What an alert or an action is about, by name: 店铺: 抖音美妆店 · SKU: S1, or 整体 for the whole scope. */
export function useEntityText(): (entity: Record<string, string>) => string {
  const { t } = useI18n();
  const labels = useLabels();
  return (entity) => Object.entries(entity).map(([k, v]) => `${labels.dimension(k)}: ${labels.value(k, v)}`).join(' · ') || t('allEntities');
}
