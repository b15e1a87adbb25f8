/**
 * Rendered reports are archived as files under `<data dir>/reports/<report id>/`, named by the
 * period and the run, so every past 日报 stays downloadable. Reads go through `readArchived`,
 * which refuses any path that would leave the archive.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fail } from '../core/errors.js';
import { ReportErrors } from './errors.js';

export const reportFormats = ['pdf', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const contentTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

export interface ArchivedFile {
  readonly reportId: string;
  /** path relative to the archive root, with forward slashes: `<report>/<file>` */
  readonly path: string;
  readonly format: ReportFormat;
  readonly bytes: number;
  readonly createdAt: string;
}

export function archiveRoot(dataDir: string): string {
  return resolve(dataDir, 'reports');
}

const safeName = (s: string) => s.replace(/[^\w.-]+/g, '_');

export function archiveFile(dataDir: string, reportId: string, stem: string, format: ReportFormat, content: Buffer): ArchivedFile {
  const dir = join(archiveRoot(dataDir), safeName(reportId));
  mkdirSync(dir, { recursive: true });
  const name = `${safeName(stem)}.${format}`;
  writeFileSync(join(dir, name), content, { mode: 0o640 });
  return { reportId, path: `${safeName(reportId)}/${name}`, format, bytes: content.length, createdAt: new Date().toISOString() };
}

/** Newest first. */
export function listArchive(dataDir: string, reportId?: string): ArchivedFile[] {
  const root = archiveRoot(dataDir);
  if (!existsSync(root)) return [];
  const dirs = reportId === undefined ? readdirSync(root) : [safeName(reportId)];
  const out: ArchivedFile[] = [];
  for (const d of dirs) {
    const dir = join(root, d);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir)) {
      const ext = f.split('.').pop() as ReportFormat;
      if (!(reportFormats as readonly string[]).includes(ext)) continue;
      const st = statSync(join(dir, f));
      out.push({ reportId: d, path: `${d}/${f}`, format: ext, bytes: st.size, createdAt: st.mtime.toISOString() });
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.path.localeCompare(a.path));
}

export function readArchived(dataDir: string, path: string): { content: Buffer; format: ReportFormat } {
  const root = archiveRoot(dataDir);
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel.startsWith('..') || rel.includes(`..${sep}`) || !existsSync(full) || !statSync(full).isFile()) {
    fail(ReportErrors.REPORT_ARCHIVE_NOT_FOUND, { file: path });
  }
  const format = full.split('.').pop() as ReportFormat;
  if (!(reportFormats as readonly string[]).includes(format)) fail(ReportErrors.REPORT_ARCHIVE_NOT_FOUND, { file: path });
  return { content: readFileSync(full), format };
}

export function formatOfFile(file: string): ReportFormat {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  if ((reportFormats as readonly string[]).includes(ext)) return ext as ReportFormat;
  return fail(ReportErrors.REPORT_FORMAT_UNKNOWN, { file });
}
