import { Breadcrumb } from 'antd';
import { currentLevel, DRILL_LEVELS, updateFilters, type DrillLevel, type GlobalFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';

/** Goes one level in, by the value clicked on the chart. */
export function drillInto(f: GlobalFilters, value: string): void {
  if (f.drill.length >= DRILL_LEVELS.length - 1) return; // SKU is the last level
  updateFilters({ drill: [...f.drill, [currentLevel(f), value]] });
}

/** 全部 › tmall › 旗舰店 … — each crumb goes back to that level. */
export function DrillBreadcrumb({ filters, labels }: { filters: GlobalFilters; labels?: (level: DrillLevel, value: string) => string }) {
  const { t } = useI18n();
  const items = [
    { key: 'all', title: <a data-testid="crumb-0" onClick={() => updateFilters({ drill: [] })}>{t('drillAll')}</a> },
    ...filters.drill.map(([level, value], i) => ({
      key: `${level}:${value}`,
      title: i === filters.drill.length - 1
        ? <span data-testid={`crumb-${i + 1}`}>{labels?.(level, value) ?? value}</span>
        : <a data-testid={`crumb-${i + 1}`} onClick={() => updateFilters({ drill: filters.drill.slice(0, i + 1) })}>{labels?.(level, value) ?? value}</a>,
    })),
  ];
  return <Breadcrumb items={items} data-testid="drill-breadcrumb" />;
}
