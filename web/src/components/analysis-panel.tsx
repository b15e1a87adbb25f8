import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { downloadPost } from '../api/client';
import { holds, useSession } from '../api/session';
import { useAnalysis, useAnalysisList, useFilterOptions } from '../api/queries';
import type { AnalysisField, AnalysisResult } from '../api/types';
import { apiFilters, useFilters } from '../filters/use-filters';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../lib/format';
import { Chart, type ChartOption } from './chart';
import { Async, useFailureText } from './states';

type Value = string | number | boolean | null;
type Row = Record<string, Value>;
type Fields = Record<string, AnalysisField>;

/** Shows any analysis result: headline figures, its tables, an optional chart and its notes. */
export function AnalysisPanel({ name, title, options = {}, exportOptions, summary = true, chart, testId, tables }: {
  name: string;
  /** the card's title and the export's file name, when not the analysis' own */
  title?: string;
  options?: Record<string, unknown>;
  /** options of the XLSX export when they differ from the page's (a longer list) */
  exportOptions?: Record<string, unknown>;
  /** show the headline figures (off where another panel shows them) */
  summary?: boolean;
  /** show only these tables of the result (default: all) */
  tables?: readonly string[];
  chart?: (r: AnalysisResult, lang: 'zh' | 'en') => ChartOption | null;
  testId?: string;
}) {
  const { pick } = useI18n();
  const show = useShow();
  const { filters } = useFilters();
  const list = useAnalysisList();
  const known = list.data?.analyses.some((a) => a.name === name) ?? false;
  const body = { from: filters.from, to: filters.to, filters: apiFilters(filters), options };
  const state = useAnalysis(known ? name : null, body);
  // An analysis not in this server's registry is simply not offered (an older server).
  if (list.data && !known) console.warn(`analysis "${name}" is not offered by this server`);
  if (!known) return null;
  return (
    <div data-testid={testId ?? `analysis-${name}`}>
      <Async state={state}>
        {(r) => {
          const opt = chart?.(r, show.lang) ?? null;
          const head = r.fields?.summary ?? {};
          return (
            <Card size="small" title={title ?? pick(r.title)} extra={<ExportButton name={name} body={{ ...body, options: exportOptions ?? options }} title={title ?? pick(r.title)} />}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {summary && <Row gutter={[12, 12]}>
                  {shownKeys(Object.keys(r.summary), r.summary, show.lang).slice(0, 8).map((k) => (
                    <Col key={k} xs={12} md={6}><Statistic title={show.title(head, k)} value={show.value(head, k, r.summary[k] ?? null)} styles={{ content: { fontSize: 18 } }} /></Col>
                  ))}
                </Row>}
                {opt && <Chart option={opt} height={300} />}
                {Object.entries(r.tables).filter(([key]) => !tables || tables.includes(key)).map(([key, tbl]) => (
                  <ResultTable key={key} title={pick(tbl.title)} rows={tbl.rows} fields={r.fields?.[`tables.${key}`]} />
                ))}
                {r.notes.map((n, i) => <Alert key={i} type="info" showIcon title={pick(n)} />)}
              </Space>
            </Card>
          );
        }}
      </Async>
    </div>
  );
}

/** 导出 Excel: the analysis as the reader sees it, a sheet per table (export permission). */
function ExportButton({ name, body, title }: { name: string; body: object; title: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const failure = useFailureText();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  if (!holds(session, ['export'])) return null;
  const download = () => {
    setBusy(true);
    downloadPost(`/api/analysis/${encodeURIComponent(name)}/export?lang=${lang}`, body, `${title}.xlsx`)
      .catch((e: Error) => void message.error(failure(e))).finally(() => setBusy(false));
  };
  return <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={download} data-testid={`export-${name}`}>{t('exportXlsx')}</Button>;
}

export function ResultTable({ title, rows, fields = {} }: { title?: string; rows: Row[]; fields?: Fields }) {
  const show = useShow();
  const cols = shownKeys(Object.keys(rows[0] ?? {}), rows[0] ?? {}, show.lang);
  return (
    <Table<Row>
      size="small" title={title ? () => title : undefined} scroll={{ x: true }} pagination={{ pageSize: 10, hideOnSinglePage: true }}
      rowKey={(_, i) => String(i)} dataSource={rows}
      columns={cols.map((c) => ({
        title: show.title(fields, c), dataIndex: c, align: NUMERIC.has(fields[c]?.kind ?? '') ? 'right' as const : undefined,
        // a cell never breaks inside (the table scrolls), except a product's or campaign's long name
        render: (v: Value) => (WRAPS.has(c) ? show.value(fields, c, v) : <span style={{ whiteSpace: 'nowrap' }}>{show.value(fields, c, v)}</span>),
      }))}
    />
  );
}

const NUMERIC = new Set(['money', 'count', 'ratio', 'hours', 'seconds', 'days', 'number']);
const WRAPS = new Set(['label', 'title', 'name', 'suggestion']);

/**
 * A key with a bilingual pair (layer, layer_zh, layer_en) shows once, in the reader's language.
 */
function shownKeys(keys: readonly string[], sample: Row, lang: 'zh' | 'en'): string[] {
  const other = lang === 'zh' ? '_en' : '_zh';
  return keys.filter((k) => !k.endsWith(other) && !(`${k}_${lang}` in sample));
}

/** Titles and values by the fields the server sent; a key it did not describe shows as it is. */
function useShow() {
  const { t, lang } = useI18n();
  const shops = new Map((useFilterOptions().data?.shops ?? []).map((s) => [s.id, s.name]));
  const stem = (k: string) => k.replace(/_(zh|en)$/, '');
  return {
    lang,
    title: (fields: Fields, key: string) => fields[key]?.[lang] ?? fields[stem(key)]?.[lang] ?? key,
    value: (fields: Fields, key: string, v: Value): string => {
      if (v === null) return '—';
      const kind = fields[key]?.kind;
      if (typeof v === 'boolean') return v ? t('yes') : t('no');
      if ((key === 'shop' || key === 'shop_id') && typeof v === 'string') return shops.get(v) ?? v;
      if (kind && NUMERIC.has(kind)) return formatValue(v, kind, lang);
      const code = typeof v === 'string' ? fields[key]?.values?.[v] : undefined;
      if (code) return code[lang];
      if (kind === undefined && typeof v === 'number' && !Number.isInteger(v)) return v.toFixed(4);
      return String(v);
    },
  };
}
