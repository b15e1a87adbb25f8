import { Card, Col, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMetricQuery, useSkuTitles } from '../api/queries';
import { PERIOD, valueKey } from '../api/types';
import { apiFilters, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';
import type { DictKey } from '../i18n/dict';
import { barOption, lineOption, pieOption } from '../lib/chart-options';
import { useLabels } from '../lib/use-labels';
import { Chart } from './chart';
import { ExplainDrawer } from './explain-drawer-lazy';
import { KpiTile } from './kpi-tile';
import { Async } from './states';

export interface Breakdown { dimension: string; metrics: string[]; chart: 'bar' | 'pie'; limit?: number }

/**
 * A page made of catalog metrics: tiles with 环比/同比, a daily trend and breakdowns by
 * dimension. Metrics the catalog lacks (or hides from this user) are left out.
 */
export function MetricBoard({ title, tiles, trend, breakdowns = [], children }: {
  title: DictKey;
  tiles: string[];
  trend?: string[];
  breakdowns?: Breakdown[];
  children?: React.ReactNode;
}) {
  const { t, pick } = useI18n();
  const { filters } = useFilters();
  const labels = useLabels();
  const [explain, setExplain] = useState<string | null>(null);
  const has = (m: string) => labels.catalog?.metrics.some((x) => x.id === m) ?? false;
  const supports = (m: string, dim: string) => labels.catalog?.metrics.find((x) => x.id === m)?.dimensions.includes(dim) ?? false;
  const shown = useMemo(() => tiles.filter(has), [labels.catalog, tiles]); // eslint-disable-line react-hooks/exhaustive-deps
  const base = apiFilters(filters);
  const range = { from: filters.from, to: filters.to };
  const tileQ = useMetricQuery(shown.length ? { metrics: shown, filters: base, ...range, compare: ['mom', 'yoy'] } : null);
  const trendMetrics = (trend ?? []).filter(has);
  const trendQ = useMetricQuery(trendMetrics.length ? { metrics: trendMetrics, filters: base, ...range, grain: 'day' } : null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>{t(title)}</Typography.Title>
      {shown.length > 0 && (
        <Async state={tileQ}>
          {(d) => (
            <Row gutter={[12, 12]}>
              {shown.map((m) => {
                const meta = labels.catalog!.metrics.find((x) => x.id === m)!;
                const r = d.rows[0] ?? {};
                return (
                  <Col key={m} xs={12} md={8} xl={6} xxl={4}>
                    <KpiTile metric={m} title={pick(meta.name)} definition={pick(meta.definition)} unit={meta.unit}
                      value={r[valueKey(m)] ?? null} mom={r[valueKey(m, 'mom')] ?? null} yoy={r[valueKey(m, 'yoy')] ?? null}
                      lowerIsBetter={meta.direction === 'lower_better'} onExplain={() => setExplain(m)} />
                  </Col>
                );
              })}
            </Row>
          )}
        </Async>
      )}
      {trendMetrics.length > 0 && (
        <Card size="small" title={t('trend')}>
          <Async state={trendQ} isEmpty={(d) => d.rows.length === 0}>
            {(d) => <Chart height={260} option={lineOption(d.rows.map((r) => String(r[PERIOD])), trendMetrics.map((m) => ({ name: labels.metric(m), unit: labels.unit(m), data: d.rows.map((r) => r[m] ?? null) })))} />}
          </Async>
        </Card>
      )}
      <Row gutter={[12, 12]}>
        {breakdowns.filter((b) => b.metrics.every((m) => has(m) && supports(m, b.dimension))).map((b) => (
          <Col key={b.dimension + b.metrics.join()} xs={24} lg={12}><BreakdownCard b={b} /></Col>
        ))}
      </Row>
      {children}
      <ExplainDrawer metric={explain} {...range} filters={base} unit={explain ? labels.unit(explain) : undefined} onClose={() => setExplain(null)} />
    </Space>
  );
}

function BreakdownCard({ b }: { b: Breakdown }) {
  const { filters } = useFilters();
  const labels = useLabels();
  const q = useMetricQuery({ metrics: b.metrics, dimensions: [b.dimension], filters: apiFilters(filters), from: filters.from, to: filters.to, limit: b.limit ?? 15 });
  const titles = useSkuTitles(b.dimension === 'sku' ? (q.data?.rows ?? []).map((r) => String(r.sku)) : []);
  const name = (v: unknown) => (b.dimension === 'sku' ? titles[String(v)] ?? labels.value('sku', v) : labels.value(b.dimension, v));
  return (
    <Card size="small" title={`${b.metrics.map(labels.metric).join(' / ')} · ${labels.dimension(b.dimension)}`}>
      <Async state={q} isEmpty={(d) => d.rows.length === 0}>
        {/* a bar per row, each tall enough for its label to show */}
        {(d) => <Chart height={b.chart === 'pie' ? 280 : Math.max(280, d.rows.length * 22 + 56)} option={b.chart === 'pie'
          ? pieOption(d.rows.map((r) => ({ name: name(r[b.dimension]), value: r[b.metrics[0]!] ?? null })))
          : barOption(d.rows.map((r) => name(r[b.dimension])), b.metrics.map((m) => ({ name: labels.metric(m), unit: labels.unit(m), data: d.rows.map((r) => r[m] ?? null) })), { horizontal: true })} />}
      </Async>
    </Card>
  );
}
