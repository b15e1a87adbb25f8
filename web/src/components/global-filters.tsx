import { Button, DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useFilterOptions } from '../api/queries';
import { festival, lastDays, lastMonth, thisMonth, thisYear, type DayRange } from '../filters/dates';
import { updateFilters, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';

export { useFilterOptions };

/** Date range (with 618 / 双11 presets), platform, shop and category — all kept in the URL. */
export function GlobalFilters() {
  const { t, pick } = useI18n();
  const { filters } = useFilters();
  const opts = useFilterOptions().data;
  const now = opts?.lastDay ? dayjs(opts.lastDay).add(1, 'day').toDate() : new Date();
  const preset = (label: string, r: DayRange) => ({ label, value: [dayjs(r.from), dayjs(r.to)] as [Dayjs, Dayjs] });
  const shops = (opts?.shops ?? []).filter((s) => filters.platform.length === 0 || filters.platform.includes(s.platform));
  return (
    <Space wrap size="small" data-testid="global-filters">
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(filters.from), dayjs(filters.to)]}
        onChange={(v) => { if (v?.[0] && v[1]) updateFilters({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD'), drill: [] }); }}
        presets={[
          preset(t('presetLast7'), lastDays(7, now)),
          preset(t('presetLast30'), lastDays(30, now)),
          preset(t('presetThisMonth'), thisMonth(now)),
          preset(t('presetLastMonth'), lastMonth(now)),
          preset(t('presetThisYear'), thisYear(now)),
          preset(t('preset618'), festival('618', now)),
          preset(t('preset1111'), festival('1111', now)),
        ]}
        data-testid="date-range"
      />
      <Select
        mode="multiple" allowClear style={{ minWidth: 150 }} placeholder={t('allPlatforms')} maxTagCount={1}
        value={filters.platform} data-testid="filter-platform"
        onChange={(v: string[]) => updateFilters({ platform: v, drill: [] })}
        options={(opts?.platforms ?? []).map((p) => ({ value: p.id, label: pick(p.name) }))}
      />
      <Select
        mode="multiple" allowClear style={{ minWidth: 170 }} placeholder={t('allShops')} maxTagCount={1}
        value={filters.shop} data-testid="filter-shop"
        onChange={(v: string[]) => updateFilters({ shop: v, drill: [] })}
        options={shops.map((s) => ({ value: s.id, label: s.name }))}
      />
      <Select
        mode="multiple" allowClear style={{ minWidth: 150 }} placeholder={t('allCategories')} maxTagCount={1}
        value={filters.category} data-testid="filter-category"
        onChange={(v: string[]) => updateFilters({ category: v, drill: [] })}
        options={(opts?.categories ?? []).map((c) => ({ value: c, label: c }))}
      />
      <Button onClick={() => updateFilters({ platform: [], shop: [], category: [], drill: [] })}>{t('resetFilters')}</Button>
    </Space>
  );
}
