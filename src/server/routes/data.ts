/**
 * Imports over HTTP: upload several export files at once, follow the upload's progress by
 * polling, read the import log, the quality report and the quarantined rows; load the demo
 * store into an empty warehouse. Imports run one at a time (one writer on the store), each file
 * in its own atomic run (src/ingest).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { defineErrors, fail, isShopLensError } from '../../core/errors.js';
import { checkName, coverageKinds, dataCoverage, importFile } from '../../ingest/index.js';
import type { Principal } from '../../auth/principal.js';
import { AuthErrors } from '../../auth/errors.js';
import { paramList, type Warehouse } from '../../warehouse/index.js';
import { needs } from '../access.js';
import { audit } from '../audit.js';
import { queueWrite } from '../write-queue.js';
import { ServerErrors } from '../errors.js';
import { principalOf, type ServerDeps } from '../types.js';

export const DataRouteErrors = defineErrors({
  WEB_UPLOAD_EMPTY: {
    http: 400, userCaused: true,
    zh: () => '没有收到文件:请选择或拖入至少一个导出文件', en: () => 'no file received: choose or drop at least one export file',
  },
  WEB_IMPORT_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { id: string }) => `没有导入批次 ${p.id}`, en: (p: { id: string }) => `no import run ${p.id}`,
  },
});

const ACCEPTED = ['.csv', '.txt', '.tsv', '.xlsx', '.xls'];
const bilingual = z.object({ zh: z.string(), en: z.string() });
const fileView = z.object({
  file: z.string(), format: z.string().nullable(), status: z.string(), runId: z.string().nullable(),
  rowsRead: z.number(), rowsLoaded: z.number(), rowsQuarantined: z.number(),
  /** while running: the import's phase (reading | cleaning | merging) and how far the file is, 0–1 */
  phase: z.string().nullable(), progress: z.number(),
  error: z.object({ code: z.string(), message: bilingual }).optional(),
});
type FileView = z.infer<typeof fileView>;
const runView = z.object({
  id: z.string(), status: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(), progress: z.number(), files: z.array(fileView),
});
type RunView = z.infer<typeof runView>;

/** Uploads in flight and recently finished, by upload id; the import log itself is in the store. */
const uploads = new Map<string, RunView & { ownerId: string; runIds: string[] }>();

/** A size as the limit is given (`--max-upload-mb`): 1024 MB, 0.1 MB. */
const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

async function saveParts(request: FastifyRequest, dir: string): Promise<{ files: Array<{ name: string; path: string }>; shop?: string }> {
  const files: Array<{ name: string; path: string }> = [];
  let shop: string | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname === 'shop' && typeof part.value === 'string' && part.value) shop = part.value;
      continue;
    }
    const name = basename(part.filename || 'upload');
    if (!ACCEPTED.includes(extname(name).toLowerCase())) {
      part.file.resume();
      fail(ServerErrors.SERVER_UPLOAD_TYPE, { file: name, allowed: ACCEPTED.join(' ') });
    }
    // Each file in its own folder: two uploads may share a name, and the import log shows the name.
    const path = join(mkdtempSync(join(dir, 'f-')), name);
    await pipeline(part.file, createWriteStream(path));
    if (part.file.truncated) fail(ServerErrors.SERVER_UPLOAD_TOO_LARGE, { file: name, limit: megabytes(request.server.deps.config.upload.maxFileBytes) });
    files.push({ name, path });
  }
  return { files, ...(shop ? { shop } : {}) };
}

async function runUpload(wh: Warehouse, id: string, files: Array<{ name: string; path: string }>, shop: string | undefined, dir: string): Promise<void> {
  const u = uploads.get(id)!;
  try {
    for (const [i, f] of files.entries()) {
      const view = u.files[i]!;
      view.status = 'running';
      try {
        const r = await importFile(wh, f.path, {
          ...(shop ? { shop } : {}),
          onDetected: (d) => { view.format = d.source; },
          onProgress: (p) => {
            // rows read: the reading phase counts them, cleaning then counts again from 0
            Object.assign(view, { phase: p.phase, progress: p.done, rowsRead: Math.max(view.rowsRead, p.rows) });
            u.progress = (i + p.done) / files.length;
          },
        });
        view.format = r.run.source;
        view.runId = r.run.run_id;
        u.runIds.push(r.run.run_id);
        Object.assign(view, { status: r.run.rows_quarantined > 0 ? 'partial' : 'done', rowsRead: r.run.rows_read, rowsLoaded: r.run.rows_inserted + r.run.rows_updated, rowsQuarantined: r.run.rows_quarantined });
      } catch (e) {
        view.status = 'failed';
        view.error = isShopLensError(e) ? { code: e.code, message: { zh: e.messageZh, en: e.messageEn } } : { code: 'INTERNAL', message: { zh: String(e), en: String(e) } };
      }
      Object.assign(view, { phase: null, progress: 1 });
      u.progress = (i + 1) / files.length;
    }
    u.status = u.files.every((f) => f.status === 'failed') ? 'failed' : 'done';
  } finally {
    u.finishedAt = new Date().toISOString();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The ingest run ids behind an id the app holds: an upload's runs, or one run id itself. */
function runIdsOf(id: string, principal: Principal): string[] {
  const u = uploads.get(id);
  if (u && u.ownerId !== principal.userId) fail(DataRouteErrors.WEB_IMPORT_NOT_FOUND, { id });
  return u ? u.runIds : [id];
}


/** Runs whose shops all lie in the principal's scope (an agency never sees another shop's log). */
function scopeFilter<T extends { shop_ids: string }>(principal: Principal, runs: T[]): T[] {
  const s = principal.scope.shopIds;
  return s === 'all' ? runs : runs.filter((r) => r.shop_ids.split(',').filter(Boolean).every((x) => s.includes(x)));
}

export function registerDataRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { wh } = deps;

  app.post('/api/import', {
    config: { access: needs('import', { shops: 'filtered' }) },
    schema: {
      summary: '上传导出文件并导入(可多个,multipart 字段 files;可选字段 shop)/ upload export files to import (several; multipart field files, optional field shop)',
      tags: ['data'], consumes: ['multipart/form-data'], response: { 200: z.object({ runId: z.string() }) },
    },
  }, async (request) => {
    const principal = principalOf(request);
    const dir = mkdtempSync(join(tmpdir(), 'shoplens-upload-'));
    let saved: Awaited<ReturnType<typeof saveParts>>;
    try {
      saved = await saveParts(request, dir);
      if (saved.files.length === 0) fail(DataRouteErrors.WEB_UPLOAD_EMPTY, {});
      // A user limited to some shops imports only into a named shop of theirs.
      if (principal.scope.shopIds !== 'all' && !(saved.shop && principal.scope.shopIds.includes(saved.shop))) {
        fail(AuthErrors.AUTH_SHOP_FORBIDDEN, { shopId: saved.shop ?? '(?)' });
      }
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    const id = `u-${randomUUID()}`;
    uploads.set(id, {
      id, ownerId: principal.userId, runIds: [], status: 'running', startedAt: new Date().toISOString(), finishedAt: null, progress: 0,
      files: saved.files.map((f) => ({ file: f.name, format: null, status: 'queued', runId: null, rowsRead: 0, rowsLoaded: 0, rowsQuarantined: 0, phase: null, progress: 0 })),
    });
    await audit(deps, request, { action: 'import', target: id, detail: { files: saved.files.map((f) => f.name) } });
    queueWrite(async () => { await runUpload(wh, id, saved.files, saved.shop, dir); await deps.onImported?.(); }).catch((e: unknown) => request.log.error({ err: e }, 'upload failed'));
    return { runId: id };
  });

  app.get('/api/import/runs/:id', {
    config: { access: needs('page:data', { example: () => ({ params: { id: 'u-x' } }) }) },
    schema: { summary: '上传/导入进度 / an upload’s progress', tags: ['data'], params: z.strictObject({ id: z.string().max(100) }), response: { 200: runView } },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const u = uploads.get(id);
    if (!u || u.ownerId !== principalOf(request).userId) fail(DataRouteErrors.WEB_IMPORT_NOT_FOUND, { id });
    const { ownerId: _o, runIds: _r, ...view } = u;
    return view;
  });

  const kindCoverage = z.object({ rows: z.number(), from: z.string().nullable(), to: z.string().nullable() });
  app.get('/api/data/coverage', {
    config: { access: needs('page:data', { shops: 'filtered' }) },
    schema: {
      summary: '各店铺已有的数据:每类数据的行数与起止日 / what the store holds per shop: rows and first and last day of each kind of data', tags: ['data'],
      response: { 200: z.object({
        kinds: z.array(z.object({ kind: z.string(), name: bilingual })),
        shops: z.array(z.object({ shopId: z.string(), name: z.string(), platform: z.string(), kinds: z.record(z.string(), kindCoverage) })),
      }) },
    },
  }, async (request) => ({
    kinds: coverageKinds.map((k) => ({ kind: k.kind, name: { zh: k.zh, en: k.en } })),
    shops: await dataCoverage(wh, principalOf(request).scope.shopIds),
  }));

  app.get('/api/import/runs', {
    config: { access: needs('page:data', { shops: 'filtered' }) },
    schema: { summary: '导入记录 / the import log', tags: ['data'], querystring: z.strictObject({ limit: z.coerce.number().int().positive().max(500).optional() }), response: { 200: z.object({ runs: z.array(runView) }) } },
  }, async (request) => {
    const { limit = 100 } = request.query as { limit?: number };
    const rows = await wh.query<{ run_id: string; started_at: Date; finished_at: Date | null; file: string; source: string; shop_ids: string; status: string; rows_read: number; rows_inserted: number; rows_updated: number; rows_quarantined: number }>(
      `SELECT run_id, started_at, finished_at, file, source, shop_ids, status, rows_read, rows_inserted, rows_updated, rows_quarantined FROM import_runs ORDER BY started_at DESC LIMIT ${wh.dialect.param(1)}`, [limit]);
    return {
      runs: scopeFilter(principalOf(request), rows).map((r) => ({
        id: r.run_id, status: r.status, startedAt: iso(r.started_at), finishedAt: r.finished_at ? iso(r.finished_at) : null, progress: 1,
        files: [{ file: basename(r.file), format: r.source, status: r.status, runId: r.run_id, rowsRead: Number(r.rows_read), rowsLoaded: Number(r.rows_inserted) + Number(r.rows_updated), rowsQuarantined: Number(r.rows_quarantined), phase: null, progress: 1 }] satisfies FileView[],
      })),
    };
  });

  app.get('/api/quality', {
    config: { access: needs('page:data', { example: () => ({ query: { run: 'r-x' } }) }) },
    schema: {
      summary: '导入批次的质量报告 / the quality report of an import', tags: ['data'], querystring: z.strictObject({ run: z.string().max(100) }),
      response: { 200: z.object({ issues: z.array(z.object({ table: z.string(), check: z.string(), severity: z.string(), count: z.number(), examples: z.array(z.string()), message: bilingual })) }) },
    },
  }, async (request) => {
    const ids = await visibleRuns(wh, principalOf(request), runIdsOf((request.query as { run: string }).run, principalOf(request)));
    if (ids.length === 0) return { issues: [] };
    const rows = await wh.query<{ check_name: string; table_name: string; found: number; examples: string | null }>(
      `SELECT check_name, table_name, found, examples FROM import_quality WHERE run_id IN (${paramList(wh.dialect, ids.length)}) ORDER BY found DESC, check_name`, ids);
    return {
      issues: rows.map((r) => {
        const examples = parseExamples(r.examples);
        const n = Number(r.found);
        const name = checkName(r.check_name);
        return {
          table: r.table_name, check: r.check_name, severity: n > 0 ? 'warning' : 'ok', count: n, examples,
          message: {
            zh: `${name.zh}(${r.table_name}):${n} 行${examples.length ? `(如 ${examples.slice(0, 3).join(';')})` : ''}`,
            en: `${name.en} (${r.table_name}): ${n} rows${examples.length ? ` (e.g. ${examples.slice(0, 3).join('; ')})` : ''}`,
          },
        };
      }),
    };
  });

  app.get('/api/quarantine/:run', {
    config: { access: needs('page:data', { example: () => ({ params: { run: 'r-x' } }) }) },
    schema: {
      summary: '导入批次的隔离行(文件、行、列、原因)/ quarantined rows of an import, with file, row, column and reason', tags: ['data'],
      params: z.strictObject({ run: z.string().max(100) }), querystring: z.strictObject({ limit: z.coerce.number().int().positive().max(5000).optional() }),
      response: { 200: z.object({ rows: z.array(z.object({ file: z.string(), row: z.number().nullable(), column: z.string().nullable(), code: z.string(), value: z.string().nullable(), reason: bilingual })) }) },
    },
  }, async (request) => {
    const { limit = 1000 } = request.query as { limit?: number };
    const ids = await visibleRuns(wh, principalOf(request), runIdsOf((request.params as { run: string }).run, principalOf(request)));
    if (ids.length === 0) return { rows: [] };
    const rows = await wh.query<{ file: string; row_no: number | null; column_name: string | null; code: string; value: string | null; reason_zh: string; reason_en: string }>(
      `SELECT file, row_no, column_name, code, value, reason_zh, reason_en FROM import_quarantine WHERE run_id IN (${paramList(wh.dialect, ids.length)}) ORDER BY run_id, seq LIMIT ${wh.dialect.param(ids.length + 1)}`, [...ids, limit]);
    return { rows: rows.map((r) => ({ file: basename(r.file), row: r.row_no === null ? null : Number(r.row_no), column: r.column_name, code: r.code, value: r.value, reason: { zh: r.reason_zh, en: r.reason_en } })) };
  });
}

/** Keeps only runs whose shops are all in scope. */
async function visibleRuns(wh: Warehouse, principal: Principal, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await wh.query<{ run_id: string; shop_ids: string }>(`SELECT run_id, shop_ids FROM import_runs WHERE run_id IN (${paramList(wh.dialect, ids.length)})`, ids);
  if (rows.length === 0 && !ids.some((id) => uploads.has(id))) fail(DataRouteErrors.WEB_IMPORT_NOT_FOUND, { id: ids[0]! });
  return scopeFilter(principal, rows).map((r) => r.run_id);
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

function parseExamples(v: unknown): string[] {
  const arr = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  return Array.isArray(arr) ? arr.map(String) : [];
}
