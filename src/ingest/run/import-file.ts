/**
 * One import run: sniff → detect → stage → prepare, then merge → quality → log in ONE
 * transaction. Staging and preparing (the run's own orders and lines, merge-all.ts) fill
 * TEMP tables on the run's own connection before the transaction begins: they write nothing
 * to the store, and outside a transaction DuckDB frees (or spills) what a statement no
 * longer needs, so memory stays bounded whatever the file size. DuckDB keeps the
 * store as one file with a write-ahead log, so a run killed before COMMIT (even kill -9) leaves
 * the store exactly as it was; a run that fails rolls back whole.
 */
import { collectGarbage, GC_AFTER_ROWS } from '../../core/collect-garbage.js';
import { fail, isShopLensError, ShopLensError } from '../../core/errors.js';
import { DEFAULT_TIMEZONE } from '../../core/time.js';
import { recordDataChange, type Warehouse } from '../../warehouse/index.js';
import { IngestErrors as E } from '../errors.js';
import { genericSource } from '../mapping/generic-source.js';
import { loadLookups, loadMapping } from '../mapping/load-mapping.js';
import type { Mapping } from '../mapping/mapping-schema.js';
import { mergeAll, prepareRun } from '../merge/merge-all.js';
import type { TableCounts } from '../merge/sql.js';
import type { Finding } from '../quality/checks.js';
import { runQuality } from '../quality/report.js';
import { openTable } from '../read/open-table.js';
import { findSource, sourceFormats } from '../sources/registry.js';
import type { SourceFormat } from '../sources/types.js';
import { reasonOf, recordRun, type ImportRunRow } from './record.js';
import { ImportMeter, PHASE_ENDS, type ImportProgress } from './progress.js';
import { newRunId, sha256File } from './run-id.js';
import { ShopResolver } from './shops.js';
import { stageFile, type QuarantineEntry } from './stage-file.js';

export interface ImportOptions {
  shop?: string;
  /** a source format id (shoplens sources) */
  source?: string;
  /** a column mapping file (generic CSV/XLSX) */
  mapping?: string;
  strict?: boolean;
  dryRun?: boolean;
  timezone?: string;
  currency?: string;
  now?: Date;
  /** the phase under way, its rows, and how far the whole import is (progress.ts) */
  onProgress?: (p: ImportProgress) => void;
  /** called once the format is known, before rows are read */
  onDetected?: (info: { source: string; encoding: string }) => void;
}

export interface ImportResult {
  run: ImportRunRow;
  tables: TableCounts[];
  quality: Finding[];
  problems: QuarantineEntry[];
  dryRun: boolean;
}

class DryRunDone extends Error {
  constructor(readonly result: ImportResult) { super('dry run'); }
}

export async function importFile(wh: Warehouse, path: string, o: ImportOptions = {}): Promise<ImportResult> {
  const started = new Date();
  const now = o.now ?? started;
  let source: SourceFormat | undefined;
  let mapping: Mapping | undefined;
  if (o.mapping) {
    mapping = await loadMapping(o.mapping);
    source = genericSource(mapping, await loadLookups(mapping, path));
  } else if (o.source) {
    source = findSource(o.source) ?? fail(E.INGEST_SOURCE_UNKNOWN, { source: o.source, known: sourceFormats.map((s) => s.id).join(', ') });
  }
  const opened = await openTable(path, mapping ? { delimiter: mapping.delimiter } : {});
  // hashed on another thread while the file is read; awaited where the log needs it
  const hashing = sha256File(path);
  hashing.catch(() => undefined);
  const shop = o.shop ?? mapping?.shop;
  const resolver = await ShopResolver.load(wh);
  const timezone = o.timezone ?? mapping?.timezone ?? (shop ? resolver.zones.get(shop) : undefined) ?? DEFAULT_TIMEZONE;
  const runId = newRunId(started);
  const meter = new ImportMeter(o.onProgress, opened.kind === 'xlsx' ? PHASE_ENDS.workbook : PHASE_ENDS.text);
  try {
    return await wh.session(async (s) => {
      // Nothing an import writes needs a row order (row numbers are in the data): DuckDB then
      // writes on every thread (merge/sql.ts execInOrder, for a statement that needs less memory).
      await s.exec('SET preserve_insertion_order = false');
      if (o.onProgress) await s.trackProgress();
      const staged = await stageFile(s, opened, {
        path, ...(source ? { source } : {}), ...(shop ? { shop } : {}), timezone, resolver, meter,
        onPart: (f, part) => o.onDetected?.({ source: f.id + (part ? ` (${part})` : ''), encoding: opened.encoding }),
      });
      const sourceName = [...new Set(staged.sources.map((f) => f.id))].join('+');
      if (o.strict && staged.badRows > 0) {
        const p = staged.problems[0]!;
        fail(E.INGEST_STRICT_REJECTED, { file: path, count: staged.badRows, first: `row ${p.row} ${p.column}: ${reasonOf(p).en}` }, { file: p.file, row: p.row, column: p.column });
      }
      // Measured shares of the merge at 1 M rows: preparing ~30 %, the orders and lines ~55 %, the rest and the checks ~15 %.
      const merging = (done: number) => meter.report('merging', staged.rowsRead, done);
      merging(0);
      // The JS cleaners leave their dead rows on the heap; the merge's peak would come on top.
      if (staged.engine === 'js' && staged.rowsRead >= GC_AFTER_ROWS) collectGarbage();
      const prepared = await prepareRun(s, staged.staged, staged.sources.some((f) => f.orderPerLine === true));
      merging(0.3);
      return s.transaction(async (tx) => {
        const role = staged.sources[0]!.role;
        await resolver.createMissing(tx, timezone, o.currency ?? mapping?.currency ?? 'CNY');
        const shops = [...resolver.seen.keys()].sort();
        const tables = await mergeAll(tx, {
          runId, source: sourceName, role, amountsFromLines: mapping?.amountsFromLines ?? false,
          seenAt: started, staged: staged.staged, shops, prepared, progress: (done) => merging(0.3 + 0.55 * done),
        });
        merging(0.85);
        const quality = await runQuality(tx, shops, tables, staged.problems, staged.collector.unknownStatuses, now);
        const sum = (k: 'inserted' | 'updated' | 'unchanged') => tables.reduce((a, t) => a + t[k], 0);
        const run: ImportRunRow = {
          run_id: runId, started_at: started, finished_at: new Date(), file: path, sha256: await hashing, source: sourceName, encoding: opened.encoding,
          shop_ids: shops.join(','), status: 'committed', strict: o.strict ?? false, rows_read: staged.rowsRead,
          rows_inserted: sum('inserted'), rows_updated: sum('updated'), rows_unchanged: sum('unchanged'),
          rows_quarantined: staged.badRows, duration_ms: Date.now() - started.getTime(),
        };
        await recordRun(tx, run, tables, staged.problems, quality);
        if (run.rows_inserted + run.rows_updated > 0) {
          for (const [shopId, r] of staged.collector.dayRange) {
            await recordDataChange(tx, { origin: `import:${runId}`, shopId, fromDay: r.from, toDay: r.to });
          }
        }
        const result: ImportResult = { run, tables, quality, problems: staged.problems, dryRun: o.dryRun ?? false };
        merging(0.97);
        // A dry run does all the work, then rolls it back.
        if (o.dryRun) throw new DryRunDone(result);
        return result;
      });
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.result;
    if (isShopLensError(e) && e.code === E.INGEST_STRICT_REJECTED.code) await recordRejected(wh, runId, path, await hashing, opened.encoding, started, o, e);
    throw e;
  }
}

/** A file --strict rejected still leaves a line in the import log (nothing else). */
async function recordRejected(wh: Warehouse, runId: string, path: string, sha256: string, encoding: string, started: Date, o: ImportOptions, e: ShopLensError): Promise<void> {
  await wh.transaction(async (tx) => {
    await recordRun(tx, {
      run_id: runId, started_at: started, finished_at: new Date(), file: path, sha256, source: o.source ?? '', encoding, shop_ids: o.shop ?? '',
      status: 'rejected', strict: true, rows_read: 0, rows_inserted: 0, rows_updated: 0, rows_unchanged: 0,
      rows_quarantined: Number((e.params as { count?: number }).count ?? 0), duration_ms: Date.now() - started.getTime(),
    }, [], [], []);
  });
}
