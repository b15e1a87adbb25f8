/**
 * One report run: evaluate the blocks for the period with the reader's scope, render the
 * formats asked for, archive them under `<data dir>/reports/`, and (when channels are given)
 * send the HTML body with the files attached to e-mail and a short card to chat channels.
 */
import type { ChannelConfig, DeliveryLog, DeliveryRecord, KeySource } from '../alerts/notify/index.js';
import { createNotifiers, deliver } from '../alerts/notify/index.js';
import type { Lang } from '../alerts/notify/types.js';
import type { Catalog, Scope } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { archiveFile, contentTypes, type ArchivedFile, type ReportFormat } from './archive.js';
import type { ReportDef } from './definition.js';
import { evaluateReport } from './evaluate.js';
import { headlineFacts } from './headline.js';
import { renderHtml } from './html.js';
import { renderPdf } from './pdf.js';
import type { DayRange } from './period.js';
import type { RenderedReport } from './table.js';
import { renderXlsx } from './xlsx.js';

export async function renderFormat(r: RenderedReport, format: ReportFormat, lang: Lang): Promise<Buffer> {
  switch (format) {
    case 'xlsx':
      return renderXlsx(r, lang);
    case 'html':
      return Buffer.from(renderHtml(r, lang), 'utf8');
    case 'pdf':
      return renderPdf(renderHtml(r, lang));
  }
}

export interface ReportRunOptions {
  readonly formats: readonly ReportFormat[];
  readonly lang: Lang;
  readonly scope: Scope;
  /** archive root's parent (the data directory); no archive when absent */
  readonly dataDir?: string;
  readonly channels?: readonly ChannelConfig[];
  readonly keys?: KeySource;
  readonly log?: DeliveryLog;
  readonly baseUrl?: string;
}

export interface ReportRunResult {
  readonly report: RenderedReport;
  readonly files: { format: ReportFormat; content: Buffer }[];
  readonly archived: ArchivedFile[];
  readonly deliveries: DeliveryRecord[];
}

export async function runReport(wh: Warehouse, catalog: Catalog, def: ReportDef, period: DayRange, o: ReportRunOptions): Promise<ReportRunResult> {
  const report = await evaluateReport(wh, catalog, def, period, o.scope);
  const files: { format: ReportFormat; content: Buffer }[] = [];
  for (const f of o.formats) files.push({ format: f, content: await renderFormat(report, f, o.lang) });
  const stem = `${period.from}_${period.to}_${report.generatedAt.toISOString().replace(/[:.]/g, '-')}`;
  const archived = o.dataDir ? files.map((f) => archiveFile(o.dataDir!, def.id, stem, f.format, f.content)) : [];
  let deliveries: DeliveryRecord[] = [];
  if (o.channels && o.channels.length > 0 && o.keys) {
    // the report of this period, as the reader's page shows it (robots carry no attachments)
    const link = o.baseUrl ? `${o.baseUrl.replace(/\/$/, '')}/reports/${encodeURIComponent(def.id)}?from=${period.from}&to=${period.to}` : undefined;
    const message = {
      kind: 'report' as const, id: `${def.id}:${period.from}:${period.to}`, severity: 'info' as const,
      title: { zh: `${def.title.zh} ${period.from}${period.to !== period.from ? ` 至 ${period.to}` : ''}`, en: `${def.title.en} ${period.from}${period.to !== period.from ? ` to ${period.to}` : ''}` },
      // the key figures in the message itself; the whole report behind the link (and attached to e-mail)
      lines: [link
        ? { zh: `共 ${report.blocks.length} 个板块,点「查看报表」打开完整报表(邮件另附文件)。`, en: `${report.blocks.length} blocks: open the report for all of them (e-mail also attaches the files).` }
        : { zh: `共 ${report.blocks.length} 个板块,附件为完整报表。`, en: `${report.blocks.length} blocks; the full report is attached.` }],
      facts: headlineFacts(report),
      html: { zh: renderHtml(report, 'zh', link ? { link } : {}), en: renderHtml(report, 'en', link ? { link } : {}) },
      attachments: files.filter((f) => f.format !== 'html').map((f) => ({ filename: `${def.id}_${period.from}.${f.format}`, contentType: contentTypes[f.format], content: f.content })),
      ...(link ? { link: { url: link, label: { zh: '查看报表', en: 'Open the report' } } } : {}),
    };
    deliveries = await deliver(message, createNotifiers(o.channels, o.keys), o.log ? { log: o.log } : {});
  }
  return { report, files, archived, deliveries };
}
