/**
 * What a report is made of: blocks, each a metric query. A saved dashboard gives a block per
 * saved report; a saved report gives one block; 经营日报 / 周报 / 月报 are built in. A scheduled
 * run replaces each block's dates with the run's period (yesterday, last week, last month).
 */
import { fail } from '../core/errors.js';
import type { MetaStore } from '../meta/index.js';
import type { MetricQuery } from '../metrics/index.js';
import type { Localized } from '../alerts/notify/types.js';
import { ReportErrors } from './errors.js';
import type { ReportPeriod } from './period.js';

export interface BlockDef {
  readonly title: Localized;
  /** dates are replaced by the run's period when it has one */
  readonly query: MetricQuery;
}

export interface ReportDef {
  readonly id: string;
  readonly title: Localized;
  readonly blocks: readonly BlockDef[];
  /** the period a run covers when none is given */
  readonly period: ReportPeriod;
}

const KEY = ['paid_amount', 'paid_orders', 'paying_buyers', 'aov', 'conversion_rate', 'refund_rate'];

function builtIn(id: 'daily' | 'weekly' | 'monthly'): ReportDef {
  const names = { daily: ['经营日报', 'Daily operations report', 'yesterday'], weekly: ['经营周报', 'Weekly operations report', 'last_week'], monthly: ['经营月报', 'Monthly operations report', 'last_month'] } as const;
  const [zh, en, period] = names[id];
  return {
    id, title: { zh, en }, period,
    blocks: [
      { title: { zh: '核心指标(环比)', en: 'Key metrics (vs previous period)' }, query: { metrics: KEY, compare: 'mom' } },
      { title: { zh: '分店铺', en: 'By shop' }, query: { metrics: KEY, dimensions: ['shop'], sort: [{ by: 'paid_amount', desc: true }] } },
      { title: { zh: '热销 SKU Top 20', en: 'Top 20 SKUs' }, query: { metrics: ['paid_amount', 'paid_units', 'refund_rate'], dimensions: ['shop', 'sku'], sort: [{ by: 'paid_amount', desc: true }], limit: 20 } },
    ],
  };
}

export const builtInReports = ['daily', 'weekly', 'monthly'] as const;

interface SavedReportBody {
  name: string;
  query: MetricQuery & { compare?: unknown; chart?: string };
}
interface DashboardBody {
  name: string;
  reports: string[];
}

/** Saved report queries carry a chart type and a list of comparisons; a block takes one comparison. */
function blockOf(r: SavedReportBody): BlockDef {
  const { chart: _chart, compare, ...query } = r.query;
  const first = Array.isArray(compare) ? compare[0] : compare;
  return { title: { zh: r.name, en: r.name }, query: { ...(query as MetricQuery), ...(first === 'mom' || first === 'yoy' ? { compare: first } : {}) } };
}

/** A dashboard or saved report by id or name, else a built-in report. */
export async function findReport(meta: MetaStore | undefined, name: string): Promise<ReportDef> {
  if (meta) {
    const dashboards = await meta.documents.list<DashboardBody>('dashboard');
    const dash = dashboards.find((d) => d.id === name || d.body.name === name);
    if (dash) {
      const blocks: BlockDef[] = [];
      for (const rid of dash.body.reports) {
        const r = await meta.documents.get<SavedReportBody>('saved_report', rid);
        if (r) blocks.push(blockOf(r.body));
      }
      return { id: dash.id, title: { zh: dash.body.name, en: dash.body.name }, blocks, period: 'yesterday' };
    }
    const reports = await meta.documents.list<SavedReportBody>('saved_report');
    const rep = reports.find((d) => d.id === name || d.body.name === name);
    if (rep) return { id: rep.id, title: { zh: rep.body.name, en: rep.body.name }, blocks: [blockOf(rep.body)], period: 'yesterday' };
  }
  if ((builtInReports as readonly string[]).includes(name)) return builtIn(name as 'daily' | 'weekly' | 'monthly');
  return fail(ReportErrors.REPORT_NOT_FOUND, { name });
}
