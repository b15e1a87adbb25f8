/**
 * Differential test of the DuckDB path: the same files imported through the JS path
 * (SHOPLENS_INGEST_ENGINE=js, the reference) and through the DuckDB path into two fresh
 * stores give equal canonical tables (every column), quarantine entries, run counts, quality
 * findings and changed days. Inputs: every CSV fixture of a source with a SQL normalizer, the
 * quirk files, and a few thousand synthetic big-export rows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tempDir, tempStore } from '../../../test/helpers/store.js';
import { importFile, type ImportOptions, type ImportResult } from '../index.js';
import { openTable } from '../read/open-table.js';
import { ShopResolver } from '../run/shops.js';
import { stageFile } from '../run/stage-file.js';
import { detectSource } from '../sources/registry.js';
import { bigExportKinds, writeBigExport } from '../synthetic/big-export.js';
import { FIXTURES, NOW, tableRows } from '../test-fixtures.js';
import { writeQuirkFiles, writeQuirkWorkbooks } from './quirk-files.js';
import { findSqlSource } from './registry.js';

/** table → its columns that differ between runs by nature (run ids, clock times), left out of the comparison */
const TABLES: Record<string, string[]> = {
  shops: [], orders: [], order_lines: [], refunds: [], customers: [], products: [],
  order_status_history: ['seen_at', 'run_id'], import_order_origins: ['run_id'], data_changes: ['change_id', 'changed_at', 'origin'],
  // quality examples are a sample in storage order; the run report compares them where they are complete
  import_quarantine: ['run_id'], import_run_tables: ['run_id'], import_quality: ['run_id', 'examples'],
};

/**
 * What a run reports, without what differs by nature: ids, clock times, and which examples a
 * store check samples when it finds more than it lists (rows in storage order, not a result).
 */
function report(r: ImportResult) {
  const { run_id: _, started_at: _s, finished_at: _f, duration_ms: _d, ...run } = r.run;
  const quality = r.quality.map((f) => ({ ...f, examples: f.found > f.examples.length ? f.examples.length : [...f.examples].sort() }));
  return { run, tables: r.tables, quality, problems: r.problems, dryRun: r.dryRun };
}

type Step = { path: string; options?: ImportOptions };

/** Imports the steps in order into a JS-path store and a DuckDB-path store and compares everything. */
async function sameThroughBothPaths(steps: Step[]): Promise<void> {
  const js = await tempStore();
  const fast = await tempStore();
  try {
    for (const s of steps) {
      const name = relative(FIXTURES, s.path);
      const options = { now: NOW, ...s.options };
      process.env.SHOPLENS_INGEST_ENGINE = 'js';
      const a = await importFile(js.wh, s.path, options).catch((e: Error) => e);
      delete process.env.SHOPLENS_INGEST_ENGINE;
      const b = await importFile(fast.wh, s.path, options).catch((e: Error) => e);
      if (a instanceof Error || b instanceof Error) {
        assert.ok(a instanceof Error && b instanceof Error, `${name}: one path failed: ${String(a instanceof Error ? a : b)}`);
        assert.equal(b.message, a.message, name);
        continue;
      }
      assert.deepEqual(report(b), report(a), `${name}: run report`);
    }
    for (const [t, skip] of Object.entries(TABLES)) assert.equal(await tableRows(fast.wh, t, skip), await tableRows(js.wh, t, skip), `table ${t}`);
  } finally {
    delete process.env.SHOPLENS_INGEST_ENGINE;
    await js.cleanup();
    await fast.cleanup();
  }
}

/** Which way stageFile sends the file (inside a transaction that is rolled back). */
async function engineOf(path: string, timezone = 'Asia/Shanghai'): Promise<string> {
  const s = await tempStore();
  try {
    return await s.wh.transaction(async (tx) => {
      const r = await stageFile(tx, await openTable(path), { path, shop: 'S1', timezone, resolver: await ShopResolver.load(tx) });
      throw Object.assign(new Error('rollback'), { engine: r.engine });
    }).catch((e: { engine?: string }) => e.engine ?? String(e));
  } finally {
    await s.cleanup();
  }
}

function csvFixtures(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? csvFixtures(join(dir, e.name)) : e.name.endsWith('.csv') ? [join(dir, e.name)] : []));
}

async function headerSource(path: string): Promise<string | undefined> {
  try {
    for await (const part of (await openTable(path)).parts) return detectSource(part.header)?.id;
  } catch {
    return undefined;
  }
  return undefined;
}

test('every CSV fixture of a source with a SQL normalizer: both paths agree, and the DuckDB path takes it', async () => {
  const files: string[] = [];
  for (const f of csvFixtures(FIXTURES)) {
    const id = await headerSource(f);
    if (id && findSqlSource(id)) files.push(f);
  }
  assert.ok(files.length >= 5, `fixtures found: ${files.map((f) => relative(FIXTURES, f)).join(', ')}`);
  // bad/ holds files that fail whole (header only…): the same error both ways, checked below.
  for (const f of files.filter((f) => !f.includes('/bad/'))) assert.equal(await engineOf(f), 'duckdb', relative(FIXTURES, f));
  // One store per sequence: later files meet what earlier ones stored (re-import, overlap, newest wins).
  await sameThroughBothPaths([...files, ...files].map((path) => ({ path, options: { shop: 'S1' } })));
});

// Whole files (one numbered copy); pieces of 4 rows (rows of one file meet across pieces: the
// same order twice, shops, problems); every file copied in two parts on two threads, as a big one is.
const copies: [string, 'SHOPLENS_INGEST_PIECE_ROWS' | 'SHOPLENS_INGEST_SPLIT_BYTES' | undefined, string][] = [
  ['', undefined, ''], [' in pieces of 4 rows', 'SHOPLENS_INGEST_PIECE_ROWS', '4'], [' copied in two parts', 'SHOPLENS_INGEST_SPLIT_BYTES', '1'],
];
for (const [how, setting, value] of copies) {
  test(`quirk files${how}: both paths agree; irregular files are declined by the DuckDB path`, async () => {
    const d = tempDir();
    try {
      if (setting) process.env[setting] = value;
      const quirks = writeQuirkFiles(d.dir);
      for (const q of quirks) assert.equal(await engineOf(q.path, q.timezone), q.fast ? 'duckdb' : 'js', q.name);
      for (const q of quirks) await sameThroughBothPaths([{ path: q.path, options: { shop: 'S1', ...(q.timezone ? { timezone: q.timezone } : {}) } }]);
    } finally {
      if (setting) delete process.env[setting];
      d.cleanup();
    }
  });
}

test('workbooks: a sheet whose cells read the same as text takes the DuckDB path, others the JS path; both paths agree', async () => {
  const d = tempDir();
  try {
    const books = await writeQuirkWorkbooks(d.dir);
    for (const b of books) assert.equal(await engineOf(b.path, b.timezone), b.fast ? 'duckdb' : 'js', b.name);
    for (const b of books) await sameThroughBothPaths([{ path: b.path, options: { shop: 'S1', ...(b.timezone ? { timezone: b.timezone } : {}) } }]);
  } finally {
    d.cleanup();
  }
});

test('synthetic big exports (GBK 订单报表, 宝贝报表, 退款报表, 京东 and 旺店通; UTF-8 BOM 抖店 orders and 售后, 拼多多; UTF-8 聚水潭) read in pieces of 700 rows, then the same again: both paths agree', async () => {
  const d = tempDir();
  process.env.SHOPLENS_INGEST_PIECE_ROWS = '700';
  try {
    const files: Step[] = [];
    for (const kind of bigExportKinds) {
      const path = join(d.dir, `${kind}.csv`);
      await writeBigExport(path, kind, 3000);
      assert.equal(await engineOf(path), 'duckdb', kind);
      // 拼多多 exports name no shop
      files.push({ path, options: { shop: 'S1' } });
    }
    await sameThroughBothPaths([...files, ...files]);
  } finally {
    delete process.env.SHOPLENS_INGEST_PIECE_ROWS;
    d.cleanup();
  }
});
