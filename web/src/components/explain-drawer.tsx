import { Descriptions, Drawer, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useExplain } from '../api/queries';
import type { Cell, Contributor, DriverContribution } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../lib/format';
import { useLabels } from '../lib/use-labels';
import { Async } from './states';

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${r > 0 ? '+' : ''}${(r * 100).toFixed(1)}%`);

/** "为什么变化?": the metric's drivers and the top contributors by dimension, against the previous period or last year. */
export function ExplainDrawer({ metric, from, to, filters, onClose }: {
  metric: string | null;
  from: string;
  to: string;
  filters: Record<string, string[]>;
  unit?: string;
  onClose: () => void;
}) {
  const { t, lang, pick } = useI18n();
  const labels = useLabels();
  const [compare, setCompare] = useState<'mom' | 'yoy'>('mom');
  const state = useExplain(metric === null ? null : { metric, from, to, filters, compare });
  return (
    <Drawer open={metric !== null} onClose={onClose} size={720} title={t('explainTitle')} destroyOnHidden>
      <Segmented value={compare} onChange={(v) => setCompare(v as 'mom' | 'yoy')}
        options={[{ value: 'mom', label: t('mom') }, { value: 'yoy', label: t('yoy') }]} />
      <div style={{ marginTop: 16 }} data-testid="explain">
        <Async state={state}>
          {(x) => {
            const fmt = (v: Cell, unit = x.unit) => formatValue(v, unit, lang);
            const name = (id: string) => (x.names[id] ? pick(x.names[id].name) : id);
            return (
              <>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered title={name(x.metric)}>
                  <Descriptions.Item label={`${t('current')} ${x.period.from} ~ ${x.period.to}`}>{fmt(x.current)}</Descriptions.Item>
                  <Descriptions.Item label={`${t('previous')} ${x.previous.from} ~ ${x.previous.to}`}>{fmt(x.previousValue)}</Descriptions.Item>
                  <Descriptions.Item label={t('change')} span={{ xs: 1, sm: 2 }}><span data-testid="explain-change">{fmt(x.change)} ({pct(x.changePct)})</span></Descriptions.Item>
                </Descriptions>
                {x.drivers && (
                  <Table<DriverContribution> style={{ marginTop: 16 }} scroll={{ x: 'max-content' }} size="small" rowKey="metric" pagination={false} dataSource={x.drivers}
                    title={() => <Typography.Text strong>{t('drivers')}</Typography.Text>} data-testid="explain-drivers"
                    columns={[
                      { title: t('explainDriver'), render: (_, d) => name(d.metric) },
                      { title: t('current'), render: (_, d) => fmt(d.current, x.names[d.metric]?.unit) },
                      { title: t('previous'), render: (_, d) => fmt(d.previous, x.names[d.metric]?.unit) },
                      { title: t('explainContribution'), render: (_, d) => fmt(d.contribution) },
                    ]} />
                )}
                {x.breakdowns.map((b) => (
                  <Table<Contributor> key={b.dimension} style={{ marginTop: 16 }} scroll={{ x: 'max-content' }} size="small" rowKey={(r) => String(r.value)} pagination={false} dataSource={b.rows}
                    title={() => <Typography.Text strong>{pick(x.dimensions[b.dimension])}</Typography.Text>}
                    columns={[
                      { title: pick(x.dimensions[b.dimension]), render: (_, r) => labels.value(b.dimension, r.value) },
                      { title: t('current'), render: (_, r) => fmt(r.current) },
                      { title: t('previous'), render: (_, r) => fmt(r.previous) },
                      { title: t('change'), render: (_, r) => fmt(r.change) },
                    ]} />
                ))}
              </>
            );
          }}
        </Async>
      </div>
    </Drawer>
  );
}
