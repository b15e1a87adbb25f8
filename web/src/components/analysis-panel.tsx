import { Alert, Card, Col, Row, Space, Statistic, Table } from 'antd';
import { useAnalysis, useAnalysisList } from '../api/queries';
import type { AnalysisResult } from '../api/types';
import { apiFilters, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';
import { Chart, type ChartOption } from './chart';
import { Async } from './states';

type Row = Record<string, string | number | boolean | null>;

/** Column headers of analysis tables are snake_case ids; a small map gives them names. */
const HEADS: Record<string, { zh: string; en: string }> = {
  sku_id: { zh: 'SKU', en: 'SKU' }, shop_id: { zh: '店铺', en: 'Shop' }, title: { zh: '商品', en: 'Product' },
  paid_amount: { zh: '支付金额', en: 'Paid amount' }, share: { zh: '占比', en: 'Share' }, cum_share: { zh: '累计占比', en: 'Cumulative share' },
  class: { zh: '分类', en: 'Class' }, buyers: { zh: '买家数', en: 'Buyers' }, orders: { zh: '订单数', en: 'Orders' },
  segment: { zh: '分层', en: 'Segment' }, cohort: { zh: '首单月份', en: 'Cohort' }, channel: { zh: '渠道', en: 'Channel' },
  cost: { zh: '花费', en: 'Cost' }, roi: { zh: 'ROI', en: 'ROI' }, units: { zh: '件数', en: 'Units' },
};

/** Shows any analysis result: headline figures, its tables, an optional chart and its notes. */
export function AnalysisPanel({ name, options = {}, chart, testId, tables }: {
  name: string;
  options?: Record<string, unknown>;
  /** show only these tables of the result (default: all) */
  tables?: readonly string[];
  chart?: (r: AnalysisResult) => ChartOption | null;
  testId?: string;
}) {
  const { pick, lang } = useI18n();
  const { filters } = useFilters();
  const list = useAnalysisList();
  const known = list.data?.analyses.some((a) => a.name === name) ?? false;
  const state = useAnalysis(known ? name : null, { from: filters.from, to: filters.to, filters: apiFilters(filters), options });
  // An analysis not in this server's registry is simply not offered (an older server).
  if (list.data && !known) console.warn(`analysis "${name}" is not offered by this server`);
  if (!known) return null;
  return (
    <div data-testid={testId ?? `analysis-${name}`}>
      <Async state={state}>
        {(r) => {
          const opt = chart?.(r) ?? null;
          return (
            <Card size="small" title={pick(r.title)}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Row gutter={[12, 12]}>
                  {Object.entries(r.summary).slice(0, 8).map(([k, v]) => (
                    <Col key={k} xs={12} md={6}><Statistic title={HEADS[k]?.[lang] ?? k} value={v === null ? '—' : String(v)} styles={{ content: { fontSize: 18 } }} /></Col>
                  ))}
                </Row>
                {opt && <Chart option={opt} height={300} />}
                {Object.entries(r.tables).filter(([key]) => !tables || tables.includes(key)).map(([key, tbl]) => <ResultTable key={key} title={pick(tbl.title)} rows={tbl.rows} />)}
                {r.notes.map((n, i) => <Alert key={i} type="info" showIcon title={pick(n)} />)}
              </Space>
            </Card>
          );
        }}
      </Async>
    </div>
  );
}

export function ResultTable({ title, rows }: { title?: string; rows: Row[] }) {
  const { lang } = useI18n();
  // Bilingual pairs (segment_zh / segment_en) show in the reader's language only.
  const other = lang === 'zh' ? '_en' : '_zh';
  const cols = Object.keys(rows[0] ?? {}).filter((c) => !c.endsWith(other));
  return (
    <Table<Row>
      size="small" title={title ? () => title : undefined} scroll={{ x: true }} pagination={{ pageSize: 10, hideOnSinglePage: true }}
      rowKey={(_, i) => String(i)} dataSource={rows}
      columns={cols.map((c) => ({ title: HEADS[c]?.[lang] ?? c, dataIndex: c, render: (v: unknown) => (v === null ? '—' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : String(v)) }))}
    />
  );
}
