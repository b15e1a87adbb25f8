/**
 * A report as its recipients read it (经营日报, a scheduled dashboard …), for the reader's shops
 * and the period the address names — where a scheduled report's 查看报表 link lands
 * (`/reports/<id>?from=…&to=…` → `/reports?view=<id>&from=…&to=…`, lib/deep-link.ts). A chat robot
 * carries no attachment, so this page is the report for everyone reading it in DingTalk,
 * Feishu or WeCom; it reads on a phone as on a desk.
 */
import { Button, Card, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { downloadPost, getJson } from '../api/client';
import { holds, useSession } from '../api/session';
import { useApi } from '../api/use-api';
import { Async } from '../components/states';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../lib/format';
import { setSearch } from '../lib/router';
import { useLabels } from '../lib/use-labels';

type L = { zh: string; en: string };
type Cell = string | number | null;
interface Column { key: string; label: L; kind: 'text' | 'day' | 'integer' | 'money' | 'decimal' | 'percent' }
interface Block { title: L; columns: Column[]; rows: Record<string, Cell>[]; note?: L }
interface Report { id: string; title: L; period: { from: string; to: string }; generatedAt: string; blocks: Block[] }

const UNIT = { money: 'money', percent: 'ratio', integer: 'count', decimal: 'number' } as const;

function viewReport(id: string, from: string | null, to: string | null): Promise<{ report: Report }> {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return getJson(`/api/reports/view/${encodeURIComponent(id)}${q.size ? `?${q}` : ''}`);
}

/**
 * One row of figures (经营日报's 核心指标 with 环比) reads down, a metric a line — 本期, 上期, 变化 —
 * instead of two dozen columns across a phone. Blocks by shop or SKU stay tables.
 */
function FiguresDown({ b }: { b: Block }) {
  const { t, lang, pick } = useI18n();
  const byKey = new Map(b.columns.map((c) => [c.key, c]));
  const row = b.rows[0] ?? {};
  const fmt = (key: string) => { const c = byKey.get(key); return c ? formatValue(row[key] ?? null, UNIT[c.kind as keyof typeof UNIT], lang) : ''; };
  const bases = b.columns.filter((c) => !/_(prev|change|change_pct)$/.test(c.key) || !byKey.has(c.key.replace(/_(prev|change|change_pct)$/, '')));
  const compared = bases.some((c) => byKey.has(`${c.key}_prev`));
  return (
    <Table size="small" rowKey="key" pagination={false} dataSource={bases.map((c) => ({ key: c.key, name: pick(c.label) }))}
      columns={[
        { title: t('metric'), dataIndex: 'name' },
        { title: t('current'), align: 'right', render: (_, r) => fmt(r.key) },
        ...(compared ? [
          { title: t('previous'), align: 'right' as const, render: (_: unknown, r: { key: string }) => fmt(`${r.key}_prev`) },
          { title: t('change'), align: 'right' as const, render: (_: unknown, r: { key: string }) => fmt(`${r.key}_change_pct`) },
        ] : []),
      ]} />
  );
}

function BlockTable({ b, index }: { b: Block; index: number }) {
  const { lang, pick } = useI18n();
  const labels = useLabels();
  const cell = (c: Column, v: Cell) => (c.kind === 'text' || c.kind === 'day' ? labels.value(c.key, v) : formatValue(v, UNIT[c.kind], lang));
  const down = b.rows.length === 1 && b.columns.every((c) => c.kind !== 'text' && c.kind !== 'day');
  return (
    <Card size="small" title={pick(b.title)} data-testid={`report-block-${index}`}>
      {down ? <FiguresDown b={b} /> : (
        <Table<Record<string, Cell>> size="small" rowKey={(_, i) => String(i)} dataSource={b.rows} pagination={false} scroll={{ x: 'max-content' }}
          columns={b.columns.map((c) => ({ key: c.key, title: pick(c.label), align: c.kind === 'text' || c.kind === 'day' ? 'left' : 'right', render: (_, r) => cell(c, r[c.key] ?? null) }))} />
      )}
      {b.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{pick(b.note)}</Typography.Text>}
    </Card>
  );
}

/** The period before or after: whole months by months (月报), any other span by its length in days. */
export function shiftPeriod(p: { from: string; to: string }, dir: -1 | 1): { from: string; to: string } {
  const from = dayjs(p.from);
  const to = dayjs(p.to);
  if (from.date() === 1 && to.isSame(to.endOf('month'), 'day')) {
    const months = to.diff(from, 'month') + 1;
    const start = from.add(dir * months, 'month');
    return { from: start.format('YYYY-MM-DD'), to: start.add(months - 1, 'month').endOf('month').format('YYYY-MM-DD') };
  }
  const days = to.diff(from, 'day') + 1;
  return { from: from.add(dir * days, 'day').format('YYYY-MM-DD'), to: to.add(dir * days, 'day').format('YYYY-MM-DD') };
}

export function ReportView({ id, from, to }: { id: string; from: string | null; to: string | null }) {
  const { t, lang, pick } = useI18n();
  const session = useSession();
  const state = useApi(`reports:view:${id}:${from}:${to}`, () => viewReport(id, from, to));
  // the day (week, month) before or after, as a reader pages through 日报 on a phone
  const go = (r: Report, dir: -1 | 1) => { const p = shiftPeriod(r.period, dir); setSearch((s) => { s.set('from', p.from); s.set('to', p.to); }); };
  const download = (r: Report, format: 'xlsx' | 'pdf') =>
    downloadPost('/api/reports/run', { name: r.id, format, lang, from: r.period.from, to: r.period.to }, `${r.id}_${r.period.from}.${format}`);
  return (
    <Card size="small" data-testid="report-view" title={t('reportView')}
      extra={<Button size="small" data-testid="report-view-close" onClick={() => setSearch((s) => s.delete('view'))}>{t('closeView')}</Button>}>
      <Async state={state}>
        {({ report: r }) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong data-testid="report-view-title">{pick(r.title)}</Typography.Text>
              <Button size="small" data-testid="report-view-prev" onClick={() => go(r, -1)}>‹ {t('periodPrev')}</Button>
              <Typography.Text data-testid="report-view-period">{r.period.from === r.period.to ? r.period.from : `${r.period.from} ~ ${r.period.to}`}</Typography.Text>
              <Button size="small" data-testid="report-view-next" onClick={() => go(r, 1)}>{t('periodNext')} ›</Button>
              {holds(session, ['export']) && (
                <>
                  <Button size="small" onClick={() => void download(r, 'xlsx')}>{t('exportXlsx')}</Button>
                  <Button size="small" onClick={() => void download(r, 'pdf')}>PDF</Button>
                </>
              )}
            </Space>
            {r.blocks.map((b, i) => <BlockTable key={i} b={b} index={i} />)}
          </Space>
        )}
      </Async>
    </Card>
  );
}
