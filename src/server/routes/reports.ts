/**
 * Report runs and the archive. A run evaluates with the caller's scope, so a shop-scoped user
 * gets a report of their shops only. Archived files were rendered by the scheduler for their
 * recipients, so only readers who see every shop may browse them.
 */
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEFAULT_TIMEZONE } from '../../core/time.js';
import { loadCatalog } from '../../metrics/index.js';
import { contentTypes, listArchive, readArchived, reportFormats } from '../../reports/archive.js';
import { findReport } from '../../reports/definition.js';
import { reportPeriods, resolvePeriod, type ReportPeriod } from '../../reports/period.js';
import { renderFormat } from '../../reports/run.js';
import { reportScheduleSchema, reportScheduleStore, ScheduleErrors, type StoredSchedule } from '../../reports/schedule.js';
import { fail } from '../../core/errors.js';
import type { Principal } from '../../auth/principal.js';
import { audit } from '../audit.js';
import { evaluateReport } from '../../reports/evaluate.js';
import { needs } from '../access.js';
import { reportFor } from '../scheduler.js';
import { principalOf, type ServerDeps } from '../types.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/**
 * Schedules: a reader limited to some shops sees and changes only their own; one who sees every
 * shop manages all. The owner is whoever saved it last — the run is bounded by their rights.
 */
const mayManage = (p: Principal, s: StoredSchedule) => p.scope.shopIds === 'all' || s.ownerId === p.userId;
const scheduleId = z.strictObject({ id: z.string().min(1).max(100).regex(/^[\w.-]+$/) });
const scheduleView = z.object({ id: z.string(), report: z.string(), cron: z.string(), timezone: z.string(), formats: z.array(z.string()), channels: z.array(z.string()), lang: z.string(), enabled: z.boolean(), ownerId: z.string().nullable() });

export function registerReportRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const dataDir = dirname(deps.wh.location);

  app.post('/api/reports/run', {
    config: { access: needs(['page:reports', 'export'], { shops: 'filtered', example: () => ({ body: { name: 'daily', format: 'html', from: '2026-05-01', to: '2026-05-01' } }) }) },
    schema: {
      summary: '生成报表文件 / render a report (PDF, XLSX or HTML) for my shops', tags: ['reports'],
      body: z.object({
        name: z.string().min(1).max(100), format: z.enum(reportFormats), lang: z.enum(['zh', 'en']).default('zh'),
        period: z.enum(reportPeriods).optional(), from: day.optional(), to: day.optional(),
      }).strict(),
    },
  }, async (request, reply) => {
    const b = request.body as { name: string; format: (typeof reportFormats)[number]; lang: 'zh' | 'en'; period?: ReportPeriod; from?: string; to?: string };
    const p = principalOf(request);
    const catalog = loadCatalog();
    // finance figures only to readers of finance, as in scheduled runs
    const def = reportFor(await findReport(deps.meta, b.name), p, catalog);
    const period = b.from ? { from: b.from, to: b.to ?? b.from } : resolvePeriod(b.period ?? def.period, new Date(), DEFAULT_TIMEZONE);
    const report = await evaluateReport(deps.wh, catalog, def, period, p.scope);
    const content = await renderFormat(report, b.format, b.lang);
    reply.header('content-disposition', `attachment; filename="${def.id.replace(/[^\w.-]/g, '_')}_${period.from}.${b.format}"`);
    return reply.type(contentTypes[b.format]).send(content);
  });

  app.get('/api/reports/view/:name', {
    config: { access: needs('page:reports', { shops: 'filtered', example: () => ({ params: { name: 'daily' }, query: { from: '2026-05-01', to: '2026-05-01' } }) }) },
    schema: {
      summary: '在网页中查看报表(定时报表消息的链接)/ a report as the page shows it (where a scheduled report\'s link leads)', tags: ['reports'],
      params: z.strictObject({ name: z.string().min(1).max(100) }),
      querystring: z.object({ from: day.optional(), to: day.optional(), period: z.enum(reportPeriods).optional() }).strict(),
    },
  }, async (request) => {
    const { name } = request.params as { name: string };
    const q = request.query as { from?: string; to?: string; period?: ReportPeriod };
    const p = principalOf(request);
    const catalog = loadCatalog();
    const def = reportFor(await findReport(deps.meta, name), p, catalog);
    const period = q.from ? { from: q.from, to: q.to ?? q.from } : resolvePeriod(q.period ?? def.period, new Date(), DEFAULT_TIMEZONE);
    const report = await evaluateReport(deps.wh, catalog, def, period, p.scope);
    return { report: { ...report, generatedAt: report.generatedAt.toISOString() } };
  });

  app.get('/api/reports/archive', {
    config: { access: needs(['page:reports', 'export']) },
    schema: { summary: '归档的报表文件 / archived report files', tags: ['reports'], response: { 200: z.object({ files: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async (request) => {
    if (principalOf(request).scope.shopIds !== 'all') return { files: [] };
    return { files: listArchive(dataDir) };
  });

  app.get('/api/reports/archive/:report/:file', {
    config: { access: needs(['page:reports', 'export']) },
    schema: { summary: '下载归档文件 / download an archived file', tags: ['reports'], params: z.strictObject({ report: z.string().min(1).max(100), file: z.string().min(1).max(200) }) },
  }, async (request, reply) => {
    const { report, file } = request.params as { report: string; file: string };
    if (principalOf(request).scope.shopIds !== 'all') return reply.callNotFound();
    const f = readArchived(dataDir, `${report}/${file}`);
    return reply.type(contentTypes[f.format]).send(f.content);
  });

  const schedules = reportScheduleStore(deps.meta);

  app.get('/api/reports/schedules', {
    config: { access: needs(['page:reports', 'export'], { shops: 'none', example: () => ({}) }) },
    schema: { summary: '报表发送计划 / report schedules', tags: ['reports'], response: { 200: z.object({ schedules: z.array(scheduleView) }) } },
  }, async (request) => {
    const p = principalOf(request);
    return { schedules: (await schedules.list()).filter((s) => mayManage(p, s)).map((s) => ({ ...s.schedule, ownerId: s.ownerId })) };
  });

  app.put('/api/reports/schedules/:id', {
    config: { access: needs(['page:reports', 'export', 'reports:manage'], { shops: 'none', example: () => ({ params: { id: 'matrix-daily' }, body: { report: 'daily', cron: '0 8 * * *', formats: ['xlsx'] } }) }) },
    schema: {
      summary: '保存报表发送计划(定时、格式、渠道)/ save a report schedule (cron, formats, channels)', tags: ['reports'], params: scheduleId,
      body: reportScheduleSchema.omit({ id: true }), response: { 200: z.object({ schedule: scheduleView }) },
    },
  }, async (request) => {
    const p = principalOf(request);
    const { id } = request.params as { id: string };
    const existing = (await schedules.list()).find((s) => s.schedule.id === id);
    if (existing && !mayManage(p, existing)) fail(ScheduleErrors.REPORT_SCHEDULE_NOT_FOUND, { id });
    const body = request.body as Record<string, unknown>;
    await findReport(deps.meta, String(body['report'])); // an unknown report is refused now, not at 8 a.m.
    const saved = await schedules.put({ ...body, id } as Parameters<typeof schedules.put>[0], p.userId);
    await audit(deps, request, { action: 'report.update', target: id, detail: { report: saved.report, cron: saved.cron, channels: saved.channels } });
    return { schedule: { ...saved, ownerId: p.userId } };
  });

  app.delete('/api/reports/schedules/:id', {
    config: { access: needs(['page:reports', 'export', 'reports:manage'], { shops: 'none', example: () => ({ params: { id: 'matrix-missing' } }) }) },
    schema: { summary: '删除报表发送计划 / delete a report schedule', tags: ['reports'], params: scheduleId, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    const p = principalOf(request);
    const { id } = request.params as { id: string };
    const existing = (await schedules.list()).find((s) => s.schedule.id === id);
    if (!existing || !mayManage(p, existing)) return fail(ScheduleErrors.REPORT_SCHEDULE_NOT_FOUND, { id });
    await schedules.remove(id);
    await audit(deps, request, { action: 'delete', target: id, detail: {} });
    return { ok: true as const };
  });
}
