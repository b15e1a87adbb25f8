import { Card, Col, Row, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useMetricQuery, useSkuTitles } from '../api/queries';
import { PERIOD, valueKey } from '../api/types';
import { Chart } from '../components/chart';
import { DrillBreadcrumb, drillInto } from '../components/drill';
import { ExplainDrawer } from '../components/explain-drawer-lazy';
import { KpiTile } from '../components/kpi-tile';
import { Async, NoData } from '../components/states';
import { apiFilters, currentLevel, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';
import { barOption, lineOption, pieOption } from '../lib/chart-options';
import { toNumber } from '../lib/format';
import { useLabels } from '../lib/use-labels';
import { OverviewAlerts } from './overview-alerts';
import { CampaignAttainment } from './overview-campaign';
import { overviewQueries } from './overview-queries';

export function Page() {
  const { t, pick } = useI18n();
  const { filters } = useFilters();
  const labels = useLabels();
  const [explain, setExplain] = useState<string | null>(null);
  const [explained, setExplained] = useState(false);
  const catalog = labels.catalog;
  const queries = useMemo(() => overviewQueries(filters, catalog), [filters, catalog]);
  const { tiles } = queries;
  const base = apiFilters(filters);
  const level = currentLevel(filters);

  const tileQ = useMetricQuery(queries.tile);
  const trendQ = useMetricQuery(queries.trend);
  const splitQ = useMetricQuery(queries.split);
  const skuTitles = useSkuTitles(level === 'sku' ? (splitQ.data?.rows ?? []).map((r) => String(r.sku)) : []);
  const levelName = (v: unknown) => (level === 'sku' ? skuTitles[String(v)] ?? labels.value(level, v) : labels.value(level, v));
  const shopQ = useMetricQuery(queries.shop);

  const row = tileQ.data?.rows[0];
  const noData = tileQ.data && (!row || toNumber(row.paid_amount) === null || toNumber(row.gmv) === 0) && toNumber(row?.paid_orders) === 0;
  const unfiltered = Object.keys(base).length === 0;
  if (noData && unfiltered) return <NoData />;
  // Until the tiles answer, an empty chart may mean an empty store: it waits to say which.
  const storeUnknown = unfiltered && tileQ.data === undefined && tileQ.error === undefined;
  const noRows = (d: { rows: unknown[] }) => d.rows.length === 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="page-overview">
      <Typography.Title level={4} style={{ margin: 0 }}>{t('navOverview')}</Typography.Title>
      <OverviewAlerts />
      <Async state={tileQ}>
        {(d) => (
          <Row gutter={[12, 12]}>
            {tiles.map((m) => {
              const meta = catalog!.metrics.find((x) => x.id === m)!;
              const r = d.rows[0] ?? {};
              return (
                <Col key={m} xs={12} md={8} xl={6} xxl={4}>
                  <KpiTile
                    metric={m} title={pick(meta.name)} definition={pick(meta.definition)} unit={meta.unit}
                    value={r[valueKey(m)] ?? null} mom={r[valueKey(m, 'mom')] ?? null} yoy={r[valueKey(m, 'yoy')] ?? null}
                    lowerIsBetter={meta.direction === 'lower_better'} onExplain={() => { setExplain(m); setExplained(true); }}
                  />
                </Col>
              );
            })}
          </Row>
        )}
      </Async>
      <Card size="small" title={t('trend')}>
        <Async state={trendQ} isEmpty={noRows} holdEmpty={storeUnknown}>
          {(d) => <Chart testId="chart-trend" height={280} option={lineOption(d.rows.map((r) => String(r[PERIOD])), [
            { name: labels.metric('paid_amount'), data: d.rows.map((r) => r.paid_amount ?? null) },
          ])} />}
        </Async>
      </Card>
      <Row gutter={12}>
        <Col xs={24} lg={12}>
          <Card size="small" title={<Space>{labels.dimension(level)}<DrillBreadcrumb filters={filters} labels={labels.value} /></Space>} extra={<Typography.Text type="secondary">{t('drillHint')}</Typography.Text>}>
            <Async state={splitQ} isEmpty={noRows} holdEmpty={storeUnknown}>
              {(d) => {
                const keys = d.rows.map((r) => String(r[level]));
                return <Chart testId="chart-drill" height={300}
                  onClick={(e) => { const k = keys[e.dataIndex]; if (k !== undefined) drillInto(filters, k); }}
                  option={level === 'platform'
                    ? pieOption(d.rows.map((r) => ({ name: labels.value(level, r[level]), value: r.paid_amount ?? null })))
                    : barOption(d.rows.map((r) => levelName(r[level])), [{ name: labels.metric('paid_amount'), data: d.rows.map((r) => r.paid_amount ?? null) }], { horizontal: true })} />;
              }}
            </Async>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('byShop')}>
            <Async state={shopQ} isEmpty={noRows} holdEmpty={storeUnknown}>
              {(d) => <Chart testId="chart-shops" height={300} option={barOption(d.rows.map((r) => labels.value('shop', r.shop)), [
                { name: labels.metric('paid_amount'), data: d.rows.map((r) => r.paid_amount ?? null) },
              ], { horizontal: true })} />}
            </Async>
          </Card>
        </Col>
      </Row>
      <CampaignAttainment query={queries.campaign} />
      {/* Mounted on the first "为什么变化?" and kept (it slides in when mounted open, and out on
          close): a drawer nobody opened would still cost its styles on every visit. */}
      {explained && <ExplainDrawer metric={explain} from={filters.from} to={filters.to} filters={base} unit={explain ? labels.unit(explain) : undefined} onClose={() => setExplain(null)} />}
    </Space>
  );
}
