/**
 * Analyses over HTTP (the registry of src/analysis is the only list), and the report builder's
 * saved reports and custom dashboards, kept as documents in the metadata store.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineErrors, fail } from '../../core/errors.js';
import { analyses, findAnalysis, parseOptions, resultToXlsx, type ShopScope } from '../../analysis/index.js';
import { fieldsOf } from '../../analysis/fields.js';
import type { Scope } from '../../auth/principal.js';
import type { Warehouse } from '../../warehouse/index.js';
import { needs } from '../access.js';
import { audit } from '../audit.js';
import { assertMaySeeAnalysis, withholdFromResult } from '../analysis-visibility.js';
import { principalOf, type ServerDeps } from '../types.js';
import { idParam } from './schemas.js';
import { serverCatalog } from './metrics.js';

export const AnalysisRouteErrors = defineErrors({
  WEB_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { kind: string; id: string }) => `找不到${p.kind === 'dashboard' ? '看板' : '报表'} ${p.id}`,
    en: (p: { kind: string; id: string }) => `no ${p.kind === 'dashboard' ? 'dashboard' : 'saved report'} ${p.id}`,
  },
  WEB_NOT_OWNER: {
    http: 403, userCaused: true,
    zh: (p: { id: string }) => `${p.id} 属于其他用户,不能修改`,
    en: (p: { id: string }) => `${p.id} belongs to another user and cannot be changed`,
  },
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const dimValues = z.array(z.string().min(1).max(200)).max(500);
/** The global filters the web app sends; analyses narrow by shop (platform → its shops). */
export const filterMap = z.record(z.string().regex(/^[a-z_0-9]+$/).max(40), dimValues);

const runBody = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  filters: filterMap.optional(),
  /** the analysis' own options, validated by its registry schema */
  options: z.record(z.string(), z.unknown()).optional(),
});

const bilingual = z.object({ zh: z.string(), en: z.string() });
const analysisResult = z.object({
  analysis: z.string(), title: bilingual, metrics: z.array(z.string()), summary: z.record(z.string(), z.unknown()),
  tables: z.record(z.string(), z.object({ title: bilingual, rows: z.array(z.record(z.string(), z.unknown())) })), notes: z.array(bilingual),
  /** names and display kinds of the keys, by place: `summary`, `tables.<name>` */
  fields: z.record(z.string(), z.record(z.string(), bilingual.extend({ kind: z.string(), values: z.record(z.string(), bilingual).optional() }))),
});

/**
 * The principal's scope narrowed by the shop and platform filters. Filters can only take shops
 * away: a shop outside the principal's scope never comes back through a filter.
 */
export async function narrowScope(wh: Warehouse, scope: Scope, filters: Record<string, string[]> | undefined): Promise<ShopScope> {
  let shops: readonly string[] | 'all' = scope.shopIds;
  const wanted = filters?.shop;
  if (wanted?.length) shops = shops === 'all' ? wanted : shops.filter((s) => wanted.includes(s));
  const platforms = filters?.platform;
  if (platforms?.length) {
    const p = wh.dialect.param;
    const rows = await wh.query<{ shop_id: string }>(`SELECT shop_id FROM shops WHERE platform IN (${platforms.map((_, i) => p(i + 1)).join(', ')})`, platforms);
    const onPlatform = rows.map((r) => r.shop_id);
    shops = shops === 'all' ? onPlatform : shops.filter((s) => onPlatform.includes(s));
  }
  return { shopIds: shops };
}

/** Adds the global dates to the options when the analysis takes them (its schema is strict). */
function withDates(entryOptions: z.ZodType, opts: Record<string, unknown>, from?: string, to?: string): Record<string, unknown> {
  const shape = (entryOptions as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return { ...(from && 'from' in shape ? { from } : {}), ...(to && 'to' in shape ? { to } : {}), ...opts };
}

const reportQuery = z.object({
  metrics: z.array(z.string()).min(1).max(20),
  dimensions: z.array(z.string()).max(4).optional(),
  filters: filterMap.optional(),
  from: day, to: day,
  grain: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional(),
  compare: z.array(z.enum(['mom', 'yoy'])).max(2).optional(),
  limit: z.number().int().positive().max(10_000).optional(),
  chart: z.enum(['table', 'line', 'bar', 'pie']),
}).strict();
const reportBody = z.strictObject({ id: z.string().optional(), name: z.string().trim().min(1).max(100), query: reportQuery });
const dashboardBody = z.strictObject({ id: z.string().optional(), name: z.string().trim().min(1).max(100), reports: z.array(z.string().max(100)).max(50) });
const reportView = reportBody.extend({ id: z.string(), updatedAt: z.string() });
const dashboardView = dashboardBody.extend({ id: z.string(), updatedAt: z.string() });

export function registerAnalysisRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/analysis', {
    config: { access: needs('metrics:read') },
    schema: { summary: '可用的分析 / the analyses on offer', tags: ['analysis'], response: { 200: z.object({ analyses: z.array(z.object({ name: z.string(), title: bilingual })) }) } },
  }, async () => ({ analyses: analyses.map((a) => ({ name: a.name, title: { zh: a.zh, en: a.en } })) }));

  app.get('/api/analysis/:name', {
    config: { access: needs('metrics:read', { example: () => ({ params: { name: 'rfm' } }) }) },
    schema: {
      summary: '分析说明与参数 / one analysis and its options (JSON schema)', tags: ['analysis'],
      params: z.strictObject({ name: z.string().max(60) }),
      response: { 200: z.object({ name: z.string(), title: bilingual, options: z.unknown() }) },
    },
  }, async (request) => {
    const a = findAnalysis(analyses, (request.params as { name: string }).name);
    return { name: a.name, title: { zh: a.zh, en: a.en }, options: z.toJSONSchema(a.options, { unrepresentable: 'any' }) };
  });

  /** Runs an analysis for the reader: within their shops, without what they may not see. */
  const runFor = async (request: Parameters<typeof principalOf>[0] & { params: unknown; body: unknown }) => {
    const principal = principalOf(request);
    const a = findAnalysis(analyses, (request.params as { name: string }).name);
    const body = request.body as z.infer<typeof runBody>;
    const options = parseOptions(a, withDates(a.options, body.options ?? {}, body.from, body.to));
    const sensitive = a.sensitive(options);
    assertMaySeeAnalysis(principal, sensitive);
    const scope = await narrowScope(deps.wh, principal.scope, body.filters);
    const result = withholdFromResult(principal, sensitive, await a.run(deps.wh, options, scope));
    return { ...result, fields: fieldsOf(result, serverCatalog()) };
  };

  app.post('/api/analysis/:name', {
    config: { access: needs('analysis:run', { shops: 'filtered', example: (shop) => ({ params: { name: 'rfm' }, body: { filters: { shop: [shop] } } }) }) },
    schema: {
      summary: '运行分析(受店铺范围限制)/ run an analysis within my shops', tags: ['analysis'],
      params: z.strictObject({ name: z.string().max(60) }), body: runBody, response: { 200: analysisResult },
    },
  }, async (request) => runFor(request));

  app.post('/api/analysis/:name/export', {
    config: { access: needs(['analysis:run', 'export'], { shops: 'filtered', example: (shop) => ({ params: { name: 'rfm' }, query: { lang: 'zh' }, body: { filters: { shop: [shop] } } }) }) },
    schema: {
      summary: '导出分析结果为 XLSX(每个表一页)/ export an analysis as XLSX, a sheet per table', tags: ['analysis'],
      params: z.strictObject({ name: z.string().max(60) }), querystring: z.strictObject({ lang: z.enum(['zh', 'en']).optional() }), body: runBody,
    },
  }, async (request, reply) => {
    const { lang = 'zh' } = request.query as { lang?: 'zh' | 'en' };
    const { fields, ...result } = await runFor(request);
    await audit(deps, request, {
      action: 'export', target: `analysis:${result.analysis}`,
      detail: { kind: 'analysis', analysis: result.analysis, rows: Object.fromEntries(Object.entries(result.tables).map(([k, t]) => [k, t.rows.length])) },
    });
    const file = `${result.title[lang]}.xlsx`.replace(/[^\p{L}\p{N}._ -]+/gu, '_');
    reply.header('content-disposition', `attachment; filename="analysis.xlsx"; filename*=UTF-8''${encodeURIComponent(file)}`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await resultToXlsx(result, fields, lang));
  });

  registerDocumentRoutes(app, deps, 'saved_report', '/api/reports', 'reports', reportBody, reportView);
  registerDocumentRoutes(app, deps, 'dashboard', '/api/dashboards', 'dashboards', dashboardBody, dashboardView);
}

/** List / create / replace / delete of one document kind, owned by the user who saved it. */
function registerDocumentRoutes<B extends z.ZodType<{ id?: string | undefined; name: string }>>(
  app: FastifyInstance, deps: ServerDeps, kind: 'saved_report' | 'dashboard', base: string, listKey: string, body: B, view: z.ZodType,
): void {
  const docs = deps.meta.documents;
  const tag = kind === 'dashboard' ? 'dashboards' : 'reports';
  const toView = (d: { id: string; body: unknown; updatedAt: number }) => ({ ...(d.body as object), id: d.id, updatedAt: new Date(d.updatedAt).toISOString() });
  const save = async (request: { principal: unknown; body: unknown }, id: string) => {
    const p = principalOf(request as { principal: null });
    const existing = await docs.get(kind, id);
    if (existing && existing.ownerId !== p.userId) fail(AnalysisRouteErrors.WEB_NOT_OWNER, { id });
    const { id: _ignored, ...rest } = request.body as { id?: string };
    return toView(await docs.put(kind, id, p.userId, rest));
  };

  app.get(base, {
    config: { access: needs('page:reports') },
    schema: { summary: `我的${kind === 'dashboard' ? '看板' : '报表'} / my ${tag}`, tags: [tag], response: { 200: z.object({ [listKey]: z.array(view) }) } },
  }, async (request) => ({ [listKey]: (await docs.list(kind, { ownerId: principalOf(request).userId })).map(toView) }));

  app.post(base, {
    config: { access: needs('dashboards:manage') },
    schema: { summary: `保存 / save a ${tag.slice(0, -1)}`, tags: [tag], body, response: { 200: view } },
  }, async (request) => save(request, randomUUID()));

  app.put(`${base}/:id`, {
    config: { access: needs('dashboards:manage', { example: () => ({ params: { id: 'x' } }) }) },
    schema: { summary: `修改 / replace a ${tag.slice(0, -1)}`, tags: [tag], params: idParam, body, response: { 200: view } },
  }, async (request) => save(request, (request.params as { id: string }).id));

  app.delete(`${base}/:id`, {
    config: { access: needs('dashboards:manage', { example: () => ({ params: { id: 'x' } }) }) },
    schema: { summary: `删除 / delete a ${tag.slice(0, -1)}`, tags: [tag], params: idParam, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const existing = await docs.get(kind, id);
    if (!existing) fail(AnalysisRouteErrors.WEB_NOT_FOUND, { kind, id });
    if (existing.ownerId !== principalOf(request).userId) fail(AnalysisRouteErrors.WEB_NOT_OWNER, { id });
    await docs.delete(kind, id);
    return { ok: true as const };
  });
}
