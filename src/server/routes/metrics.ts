/**
 * The metric layer over HTTP: the catalog (finance metrics only for those who may see them),
 * the global filter options, metric queries with comparisons, the driver-tree explanation
 * and table export. Every number comes from `runMetricQuery` / `explainMetric` with the
 * principal's scope; nothing here computes a business number.
 */
import type ExcelJSNs from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { AuthErrors } from '../../auth/errors.js';
import type { Principal } from '../../auth/principal.js';
import { loadCatalog, type Catalog } from '../../metrics/catalog/load.js';
import { dimensionLabels, dimensionNames, grainLabels, isDimension, timeGrains } from '../../metrics/dimensions.js';
import { runMetricQuery } from '../../metrics/run.js';
import { explainMetric } from '../../metrics/explain/explain.js';
import { AnswerCache } from '../answer-cache.js';
import { audit } from '../audit.js';
import type { Warehouse } from '../../warehouse/index.js';
import { needs } from '../access.js';
import { visibleTo } from '../metric-visibility.js';
import { principalOf, type ServerDeps } from '../types.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const catalogView = z.object({
  metrics: z.array(z.object({
    id: z.string(), name: bilingual, tier: z.string(), definition: bilingual, unit: z.string(), direction: z.string(),
    dimensions: z.array(z.string()), drivers: z.array(z.string()),
    /** the drivers' names, in the same order: some are helper metrics the list leaves out */
    driverNames: z.array(bilingual),
  })),
  dimensions: z.array(z.object({ id: z.string(), name: bilingual })),
  /** names of the helper metrics left out of the list, which rules and drivers still refer to */
  helperNames: z.record(z.string(), bilingual),
});

let cached: Catalog | undefined;
/** Loaded once per process: the catalog is data files plus the user's, read at start. */
export function serverCatalog(): Catalog {
  cached ??= loadCatalog();
  return cached;
}

const filterOptionAnswers = new AnswerCache<Awaited<ReturnType<typeof filterOptions>>>(100);

async function filterOptions(wh: Warehouse, shopIds: readonly string[] | 'all') {
  const p = wh.dialect.param;
  const inScope = (col: string) => (shopIds === 'all' ? 'TRUE' : shopIds.length === 0 ? 'FALSE' : `${col} IN (${shopIds.map((_, i) => p(i + 1)).join(', ')})`);
  const params = shopIds === 'all' ? [] : [...shopIds];
  const shops = await wh.query<{ shop_id: string; platform: string; name: string }>(
    `SELECT shop_id, platform, name FROM shops WHERE ${inScope('shop_id')} ORDER BY platform, shop_id`, params);
  const cats = await wh.query<{ c: string }>(
    `SELECT DISTINCT category_l1 AS c FROM products WHERE ${inScope('shop_id')} AND category_l1 IS NOT NULL ORDER BY c`, params);
  const [last] = await wh.query<{ d: string | null }>(
    `SELECT CAST(max(paid_day) AS VARCHAR) AS d FROM orders WHERE ${inScope('shop_id')}`, params);
  // campaign ids name a chart's bars; a campaign for every shop is in any scope
  const campaigns = await wh.query<{ campaign_id: string; name: string }>(
    `SELECT campaign_id, name FROM campaigns WHERE shop_id IS NULL OR ${inScope('shop_id')} ORDER BY campaign_id`, params);
  const platforms = [...new Set(shops.map((s) => s.platform))];
  return {
    campaigns: campaigns.map((c) => ({ id: c.campaign_id, name: c.name })),
    platforms: platforms.map((id) => ({ id, name: PLATFORM_NAMES[id] ?? { zh: id, en: id } })),
    shops: shops.map((s) => ({ id: s.shop_id, name: s.name, platform: s.platform })),
    categories: cats.map((c) => c.c),
    lastDay: last?.d ?? null,
  };
}

const PLATFORM_NAMES: Record<string, { zh: string; en: string }> = {
  tmall: { zh: '天猫', en: 'Tmall' }, taobao: { zh: '淘宝', en: 'Taobao' }, jd: { zh: '京东', en: 'JD' },
  pdd: { zh: '拼多多', en: 'Pinduoduo' }, douyin: { zh: '抖音', en: 'Douyin' }, kuaishou: { zh: '快手', en: 'Kuaishou' },
  xiaohongshu: { zh: '小红书', en: 'Xiaohongshu' }, other: { zh: '其他', en: 'Other' },
};

export function registerMetricsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/catalog', {
    config: { access: needs('metrics:read') },
    schema: { summary: '指标字典(按权限过滤)/ the metric catalog I may query', tags: ['metrics'], response: { 200: catalogView } },
  }, async (request) => {
    const principal = principalOf(request);
    const catalog = serverCatalog();
    return {
      metrics: catalog.list().filter((m) => visibleTo(principal, catalog, m)).map((m) => ({
        id: m.id, name: m.name, tier: m.tier, definition: m.definition, unit: m.unit, direction: m.direction,
        dimensions: [...m.dimensions], drivers: (m.drivers?.terms ?? []).map((t) => t.metric),
        driverNames: (m.drivers?.terms ?? []).map((t) => catalog.get(t.metric).name),
      })),
      dimensions: dimensionNames.map((id) => ({ id, name: dimensionLabels[id] })),
      helperNames: Object.fromEntries(catalog.list({ includeHidden: true }).filter((m) => m.hidden && visibleTo(principal, catalog, m)).map((m) => [m.id, m.name])),
    };
  });

  app.get('/api/filter-options', {
    config: { access: needs('metrics:read', { shops: 'filtered' }) },
    schema: {
      summary: '全局筛选的可选值:平台、店铺、类目、活动名称、最后有数据的日期 / global filter choices, campaign names and the last day with data', tags: ['metrics'],
      response: { 200: z.object({
        platforms: z.array(z.object({ id: z.string(), name: bilingual })),
        shops: z.array(z.object({ id: z.string(), name: z.string(), platform: z.string() })),
        categories: z.array(z.string()),
        campaigns: z.array(z.object({ id: z.string(), name: z.string() })),
        lastDay: z.string().nullable(),
      }) },
    },
  }, async (request) => {
    // Every page load asks for these; max(paid_day) reads the whole orders table.
    const { shopIds } = principalOf(request).scope;
    return filterOptionAnswers.get(deps.wh, shopIds, () => filterOptions(deps.wh, shopIds));
  });

  app.post('/api/query', {
    config: { access: needs('metrics:read', { shops: 'filtered', example: (shop) => ({ body: { ...EXAMPLE_QUERY, filters: { shop: [shop] } } }) }) },
    schema: { summary: '指标查询(含环比/同比)/ a metric query, with 环比 / 同比', tags: ['metrics'], body: queryBody, response: { 200: queryResult } },
  }, async (request) => runApiQuery(deps.wh, principalOf(request), request.body as ApiQuery));

  app.post('/api/explain', {
    config: { access: needs('metrics:read', { shops: 'filtered', example: (shop) => ({ body: { metric: 'paid_amount', from: '2024-01-01', to: '2024-01-31', compare: 'mom', filters: { shop: [shop] } } }) }) },
    schema: { summary: '为什么变化?驱动因子分解与贡献排名 / why did it change: drivers and top contributors', tags: ['metrics'], body: explainBody },
  }, async (request) => {
    const principal = principalOf(request);
    const b = request.body as z.infer<typeof explainBody>;
    const catalog = serverCatalog();
    const m = catalog.get(b.metric);
    const terms = (m.drivers?.terms ?? []).map((t) => t.metric);
    for (const id of [m.id, ...terms]) {
      if (!visibleTo(principal, catalog, catalog.get(id))) fail(AuthErrors.AUTH_FORBIDDEN, { permission: 'metrics:finance' });
    }
    const filters = Object.fromEntries(Object.entries(b.filters ?? {}).filter(([, v]) => v.length > 0));
    const x = await explainMetric(deps.wh, catalog, {
      metric: b.metric, from: b.from, to: b.to, vs: b.compare === 'yoy' ? 'last-year' : 'previous', scope: principal.scope,
      ...(Object.keys(filters).length ? { filters } : {}), ...(b.by ? { by: b.by } : {}),
    });
    // Names for the drawer, in both languages, for the metric, its drivers and the dimensions.
    const names = Object.fromEntries([m.id, ...terms].map((id) => [id, { name: catalog.get(id).name, unit: catalog.get(id).unit }]));
    const dims = Object.fromEntries(x.breakdowns.map((bd) => [bd.dimension, isDimension(bd.dimension) ? dimensionLabels[bd.dimension] : { zh: bd.dimension, en: bd.dimension }]));
    return { ...x, names, dimensions: dims };
  });

  app.post('/api/export', {
    config: { access: needs('export', { shops: 'filtered', example: (shop) => ({ query: { format: 'csv' }, body: { query: { ...EXAMPLE_QUERY, filters: { shop: [shop] } } } }) }) },
    schema: {
      summary: '导出查询结果为 XLSX 或 CSV / export a query table as XLSX or CSV', tags: ['metrics'],
      querystring: z.strictObject({ format: z.enum(['xlsx', 'csv']), lang: z.enum(['zh', 'en']).optional() }),
      body: z.strictObject({ query: queryBody, name: z.string().max(100).optional() }),
    },
  }, async (request, reply) => {
    const { format, lang = 'zh' } = request.query as { format: 'xlsx' | 'csv'; lang?: 'zh' | 'en' };
    const { query, name } = request.body as { query: ApiQuery; name?: string };
    const result = await runApiQuery(deps.wh, principalOf(request), query);
    await audit(deps, request, { action: 'export', target: format, detail: { metrics: query.metrics, rows: result.rows.length } });
    const file = `${(name ?? 'shoplens').replace(/[^\p{L}\p{N}._-]+/gu, '_')}.${format}`;
    reply.header('content-disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(file)}`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(result, lang));
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(result, lang));
  });

}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const compareKind = z.enum(['mom', 'yoy']);
const queryBody = z.strictObject({
  metrics: z.array(z.string().max(60)).min(1).max(20),
  dimensions: z.array(z.string().max(40)).max(4).optional(),
  filters: z.record(z.string().max(40), z.array(z.string().min(1).max(200)).max(500)).optional(),
  from: day,
  to: day,
  grain: z.enum(timeGrains).optional(),
  /** each comparison adds `<metric>__<kind>` columns with the previous period's value */
  compare: z.array(compareKind).max(2).optional(),
  sort: z.array(z.strictObject({ by: z.string().max(60), desc: z.boolean().optional() })).max(4).optional(),
  limit: z.number().int().positive().max(10_000).optional(),
});
type ApiQuery = z.infer<typeof queryBody>;
const explainBody = z.strictObject({
  metric: z.string().max(60), from: day, to: day, compare: compareKind.default('mom'),
  filters: z.record(z.string().max(40), z.array(z.string().min(1).max(200)).max(500)).optional(),
  by: z.array(z.string().max(40)).max(6).optional(),
});
const EXAMPLE_QUERY = { metrics: ['paid_amount'], from: '2024-01-01', to: '2024-01-31' };

const cell = z.union([z.string(), z.number(), z.null()]);
const apiColumn = z.object({
  name: z.string(), kind: z.enum(['dimension', 'time', 'metric', 'compare']), metric: z.string().optional(),
  compare: compareKind.optional(), label: bilingual, unit: z.string().optional(),
});
type ApiColumn = z.infer<typeof apiColumn>;
const queryResult = z.object({ columns: z.array(apiColumn), rows: z.array(z.record(z.string(), cell)) });
type ApiResult = z.infer<typeof queryResult>;

/** The time bucket's column in API answers, whatever the grain. */
export const PERIOD = 'period';

/**
 * One metric-layer query per comparison (the layer compares with one period at a time), merged
 * on the row keys. Finance metrics are refused for principals without metrics:finance.
 */
export async function runApiQuery(wh: Warehouse, principal: Principal, q: ApiQuery): Promise<ApiResult> {
  const catalog = serverCatalog();
  for (const id of q.metrics) {
    if (!visibleTo(principal, catalog, catalog.get(id))) fail(AuthErrors.AUTH_FORBIDDEN, { permission: 'metrics:finance' });
  }
  return answers.get(wh, [principal.scope.shopIds, q], () => computeApiQuery(wh, principal, catalog, q));
}

const answers = new AnswerCache<ApiResult>(500);

async function computeApiQuery(wh: Warehouse, principal: Principal, catalog: Catalog, q: ApiQuery): Promise<ApiResult> {
  const filters = Object.fromEntries(Object.entries(q.filters ?? {}).filter(([, v]) => v.length > 0));
  const base = {
    metrics: q.metrics, from: q.from, to: q.to,
    ...(q.dimensions?.length ? { dimensions: q.dimensions } : {}),
    ...(q.grain ? { grain: q.grain } : {}),
    ...(Object.keys(filters).length ? { filters } : {}),
    ...(q.sort ? { sort: q.sort } : q.dimensions?.length && !q.grain ? { sort: [{ by: q.metrics[0]!, desc: true }] } : {}),
    ...(q.limit ? { limit: q.limit } : {}),
  };
  const scope = { scope: principal.scope };
  const compares = q.compare ?? [];
  const [first, ...rest] = compares.length === 0
    ? [await runMetricQuery(wh, catalog, base, scope)]
    : await Promise.all(compares.map((c) => runMetricQuery(wh, catalog, { ...base, compare: c }, scope)));
  const keys = first!.columns.filter((c) => c.kind === 'dimension').map((c) => c.name);
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(keys.map((k) => r[k] ?? null));
  const others = rest.map((res) => new Map(res.rows.map((r) => [keyOf(r), r])));
  const rows = first!.rows.map((r) => {
    const out: Record<string, string | number | null> = {};
    for (const k of keys) out[k === q.grain ? PERIOD : k] = r[k] ?? null;
    for (const m of q.metrics) out[m] = r[m] ?? null;
    compares.forEach((c, i) => {
      const src = i === 0 ? r : others[i - 1]!.get(keyOf(r));
      for (const m of q.metrics) out[`${m}__${c}`] = src?.[`${m}_prev`] ?? null;
    });
    return out;
  });
  return { columns: apiColumns(catalog, q, keys), rows };
}

function apiColumns(catalog: Catalog, q: ApiQuery, keys: string[]): ApiColumn[] {
  const cols: ApiColumn[] = keys.map((k) => k === q.grain
    ? { name: PERIOD, kind: 'time' as const, label: grainLabels[q.grain] }
    : { name: k, kind: 'dimension' as const, label: isDimension(k) ? dimensionLabels[k] : { zh: k, en: k } });
  for (const m of q.metrics) {
    const meta = catalog.get(m);
    cols.push({ name: m, kind: 'metric', metric: m, label: meta.name, unit: meta.unit });
    for (const c of q.compare ?? []) {
      const tag = c === 'mom' ? { zh: '上期', en: 'previous period' } : { zh: '去年同期', en: 'same period last year' };
      cols.push({ name: `${m}__${c}`, kind: 'compare', metric: m, compare: c, label: { zh: `${meta.name.zh}(${tag.zh})`, en: `${meta.name.en} (${tag.en})` }, unit: meta.unit });
    }
  }
  return cols;
}

/** CSV for Excel in China: UTF-8 with BOM, exact values (money as decimal text), RFC 4180 quoting. */
function toCsv(r: ApiResult, lang: 'zh' | 'en'): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [r.columns.map((c) => esc(c.label[lang])).join(',')];
  for (const row of r.rows) lines.push(r.columns.map((c) => esc(row[c.name])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** XLSX with numbers as numbers: money in yuan with two decimals, ratios as percentages. */
async function toXlsx(r: ApiResult, lang: 'zh' | 'en'): Promise<Buffer> {
  // exceljs is loaded on first use: it costs a second of start-up for every command otherwise.
  const { default: ExcelJS } = (await import('exceljs')) as { default: typeof ExcelJSNs };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ShopLens';
  const ws = wb.addWorksheet('ShopLens');
  ws.columns = r.columns.map((c) => ({
    header: c.label[lang], key: c.name, width: Math.max(12, c.label[lang].length * 2),
    ...(c.unit === 'money' ? { style: { numFmt: '#,##0.00' } } : c.unit === 'ratio' ? { style: { numFmt: '0.00%' } } : {}),
  }));
  for (const row of r.rows) {
    ws.addRow(Object.fromEntries(r.columns.map((c) => {
      const v = row[c.name] ?? null;
      // Money text '1234.56' is exact as a double to the fen for any realistic amount (< 2^53 fen).
      return [c.name, (c.kind === 'metric' || c.kind === 'compare') && typeof v === 'string' ? Number(v) : v];
    })));
  }
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
