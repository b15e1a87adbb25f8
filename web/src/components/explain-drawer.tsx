import { Descriptions, Drawer, Segmented, Table } from 'antd';
import { useState } from 'react';
import { useExplain } from '../api/queries';
import type { Cell, ExplainStep } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatValue, relChange } from '../lib/format';
import { Async } from './states';

const pct = (r: number | null) => (r === null ? '—' : `${r > 0 ? '+' : ''}${(r * 100).toFixed(1)}%`);

/** "为什么变化?": the metric's driver tree for this period against the previous one (or last year). */
export function ExplainDrawer({ metric, from, to, filters, unit, onClose }: {
  metric: string | null;
  from: string;
  to: string;
  filters: Record<string, string[]>;
  unit?: string;
  onClose: () => void;
}) {
  const { t, lang, pick } = useI18n();
  const [compare, setCompare] = useState<'mom' | 'yoy'>('mom');
  const state = useExplain(metric === null ? null : { metric, from, to, filters, compare });
  const fmt = (v: Cell, u?: string) => formatValue(v, u ?? unit, lang);
  return (
    <Drawer open={metric !== null} onClose={onClose} size={640} title={t('explainTitle')} destroyOnHidden>
      <Segmented
        value={compare}
        onChange={(v) => setCompare(v as 'mom' | 'yoy')}
        options={[{ value: 'mom', label: t('mom') }, { value: 'yoy', label: t('yoy') }]}
      />
      <div style={{ marginTop: 16 }} data-testid="explain">
        <Async state={state}>
          {(x) => (
            <>
              <Descriptions size="small" column={3} bordered title={pick(x.name)}>
                <Descriptions.Item label={t('current')}>{fmt(x.current)}</Descriptions.Item>
                <Descriptions.Item label={t('previous')}>{fmt(x.previous)}</Descriptions.Item>
                <Descriptions.Item label={t('change')}>{pct(relChange(x.current, x.previous))}</Descriptions.Item>
              </Descriptions>
              <Table<ExplainStep>
                style={{ marginTop: 16 }}
                size="small"
                rowKey="driver"
                pagination={false}
                dataSource={x.drivers}
                expandable={{ childrenColumnName: 'children' }}
                columns={[
                  { title: t('explainDriver'), render: (_, s) => pick(s.name) },
                  { title: t('current'), render: (_, s) => fmt(s.current, s.unit) },
                  { title: t('previous'), render: (_, s) => fmt(s.previous, s.unit) },
                  { title: t('change'), render: (_, s) => pct(relChange(s.current, s.previous)) },
                  { title: t('explainContribution'), render: (_, s) => fmt(s.contribution) },
                ]}
              />
              {x.breakdown && (
                <Table
                  style={{ marginTop: 16 }}
                  size="small"
                  rowKey="value"
                  pagination={false}
                  dataSource={x.breakdown.rows}
                  columns={[
                    { title: x.breakdown.dimension, dataIndex: 'value' },
                    { title: t('current'), render: (_, r) => fmt(r.current) },
                    { title: t('previous'), render: (_, r) => fmt(r.previous) },
                    { title: t('explainContribution'), render: (_, r) => fmt(r.contribution) },
                  ]}
                />
              )}
            </>
          )}
        </Async>
      </div>
    </Drawer>
  );
}
