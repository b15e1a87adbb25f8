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
import { evaluateReport } from '../../reports/evaluate.js';
import { needs } from '../access.js';
import { principalOf, type ServerDeps } from '../types.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

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
    const def = await findReport(deps.meta, b.name);
    const period = b.from ? { from: b.from, to: b.to ?? b.from } : resolvePeriod(b.period ?? def.period, new Date(), DEFAULT_TIMEZONE);
    const report = await evaluateReport(deps.wh, loadCatalog(), def, period, principalOf(request).scope);
    const content = await renderFormat(report, b.format, b.lang);
    reply.header('content-disposition', `attachment; filename="${def.id.replace(/[^\w.-]/g, '_')}_${period.from}.${b.format}"`);
    return reply.type(contentTypes[b.format]).send(content);
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
}
