import { Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCatalog } from '../api/queries';
import type { CatalogMetric, Tier } from '../api/types';
import { Async } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { dict, type DictKey } from '../i18n/dict';

const TIER: Record<Tier, { key: DictKey; color: string }> = {
  strategic: { key: 'tierStrategic', color: 'red' },
  tactical: { key: 'tierTactical', color: 'blue' },
  execution: { key: 'tierExecution', color: 'default' },
};

/** 指标字典: every catalog metric with its 口径, tier and drivers — the one caliber, in words. */
export function Page() {
  const { t, pick } = useI18n();
  const state = useCatalog();
  const [q, setQ] = useState('');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="page-dictionary">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('navDictionary')}</Typography.Title>
      <Input.Search placeholder={t('search')} allowClear onChange={(e) => setQ(e.target.value.toLowerCase())} style={{ maxWidth: 320 }} />
      <Async state={state}>
        {(c) => {
          const rows = c.metrics.filter((m) => !q || m.id.includes(q) || m.name.zh.includes(q) || m.name.en.toLowerCase().includes(q));
          return (
            <Table<CatalogMetric> size="small" rowKey="id" dataSource={rows} pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: t('metricName'), width: 180, render: (_, m) => <b>{pick(m.name)}</b> },
                { title: t('metricId'), dataIndex: 'id', width: 180, render: (v: string) => <code>{v}</code> },
                { title: t('tier'), width: 80, dataIndex: 'tier', render: (v: Tier) => <Tag color={TIER[v]?.color}>{TIER[v] ? t(TIER[v].key) : v}</Tag> },
                { title: t('definition'), render: (_, m) => pick(m.definition) },
                { title: t('unit'), dataIndex: 'unit', width: 90, render: (v: string) => (`unit_${v}` in dict ? t(`unit_${v}` as DictKey) : v) },
                { title: t('drivers'), width: 220, render: (_, m) => m.drivers.map((d, i) => <Tag key={d}>{m.driverNames?.[i] ? pick(m.driverNames[i]) : d}</Tag>) },
              ]} />
          );
        }}
      </Async>
    </Space>
  );
}
