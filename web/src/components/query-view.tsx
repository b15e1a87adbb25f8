import { Table } from 'antd';
import { useMetricQuery } from '../api/queries';
import { PERIOD, type ChartKind, type MetricQuery, type QueryResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { barOption, lineOption, pieOption } from '../lib/chart-options';
import { formatValue } from '../lib/format';
import { useLabels } from '../lib/use-labels';
import { Chart, type ChartOption } from './chart';
import { Async } from './states';

/** A metric query drawn as a table or a chart: the report builder's preview and a dashboard card. */
export function QueryView({ query, chart, height = 300 }: { query: MetricQuery; chart: ChartKind; height?: number }) {
  const state = useMetricQuery(query);
  return <Async state={state} isEmpty={(d) => d.rows.length === 0}>{(d) => <ResultView result={d} query={query} chart={chart} height={height} />}</Async>;
}

export function ResultView({ result, query, chart, height }: { result: QueryResult; query: MetricQuery; chart: ChartKind; height: number }) {
  const { pick, lang } = useI18n();
  const labels = useLabels();
  const dims = result.columns.filter((c) => c.kind === 'dimension' || c.kind === 'time');
  const rowLabel = (r: Record<string, unknown>) => dims.map((c) => labels.value(c.name, r[c.name])).join(' / ') || pick(result.columns[0]?.label);
  if (chart !== 'table') {
    const metrics = query.metrics;
    const x = result.rows.map(rowLabel);
    const series = metrics.map((m) => ({ name: labels.metric(m), unit: labels.unit(m), data: result.rows.map((r) => r[m] ?? null) }));
    const option: ChartOption = chart === 'line' ? lineOption(x, series)
      : chart === 'bar' ? barOption(x, series, { horizontal: !query.grain })
      : pieOption(result.rows.map((r) => ({ name: rowLabel(r), value: r[metrics[0]!] ?? null })));
    return <Chart option={option} height={height} testId="report-chart" />;
  }
  return (
    <Table
      size="small" data-testid="report-table" rowKey={(_, i) => String(i)} dataSource={result.rows} scroll={{ x: true }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={result.columns.map((c) => ({
        title: pick(c.label), dataIndex: c.name, key: c.name,
        render: (v: string | number | null) => (c.kind === 'metric' || c.kind === 'compare' ? formatValue(v, c.unit, lang)
          : c.name === PERIOD ? String(v) : labels.value(c.name, v)),
      }))}
    />
  );
}
