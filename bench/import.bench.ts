/**
 * npm run bench:import — end-to-end import speed and memory on 1 M-row exports in real
 * layouts (Taobao 订单报表 GBK, 抖店 orders UTF-8 with BOM), next to DuckDB's own read_csv of
 * the same file (the floor: parse only, into an all-VARCHAR table). The floor runs in a child
 * process so its memory does not count in ours; peak RSS is sampled during our import, with
 * the processes that copy a big file (copy-part.ts) counted in. Both
 * run on the same file one after the other, so the ratio is fair when the load is steady.
 *
 *   npm run bench:import                        (builds, then 1 M rows per file)
 *   node dist/bench/import.bench.js [--rows 1000000] [--keep] [--js] [--xlsx] [--kinds taobao-gbk,taobao-items-gbk,taobao-refunds-gbk,
 *                                                 douyin-bom,douyin-aftersales-bom,jd-gbk,pdd-bom,wdt-gbk,jst-utf8]
 *
 * `--kinds` picks the files (default: the two of the goal); 淘宝 宝贝报表 (GBK, two items per
 * order), 京东 POP (GBK, two SKU rows per order), 拼多多 (UTF-8 BOM), 旺店通 (GBK, two goods
 * lines per order) and 聚水潭 (UTF-8, two goods lines per order) exports take the same DuckDB path.
 * Prints per file: size, floor (s, rows/s), our import (s, rows/s, rows written, peak RSS),
 * the ratio to the floor and whether each goal (≥ 200,000 rows/s, ≤ 3× floor, RSS < 1 GiB) is
 * met, plus the time per phase (staging = transcode + scan + numbered copy, then read_csv +
 * cleaning SQL + staging inserts; merging = the rest: preparing the run's orders and lines,
 * then the run's transaction) and `uptime`.
 * `--xlsx` also writes each file as a workbook (one sheet, shared strings, as Excel saves it;
 * exceljs takes ~80 s per 1 M rows to write it, so try `--rows 200000`) and imports that too,
 * next to the CSV's import in the same process (DuckDB has no xlsx reader without an extension).
 * `--js` measures the JS path (SHOPLENS_INGEST_ENGINE=js) for comparison. DuckDB
 * memory_limit: SHOPLENS_DUCKDB_MEMORY (default 384MB, as the CLI). `--rows 3000000` shows
 * that peak RSS does not grow with the file.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { collectGarbage } from '../src/core/collect-garbage.js';
import { importFile, type ImportProgress } from '../src/ingest/index.js';
import { csvToWorkbook } from '../src/ingest/fast/quirk-files.js';
import { writeBigExport, type BigExportKind } from '../src/ingest/synthetic/big-export.js';
import { openWarehouse } from '../src/warehouse/index.js';

const args = process.argv.slice(2);
const rows = Number(args[args.indexOf('--rows') + 1] ?? 0) || 1_000_000;
const keep = args.includes('--keep');
const xlsx = args.includes('--xlsx');
/** file name and encoding of each kind */
const FILES: Record<BigExportKind, [string, string]> = {
  'taobao-gbk': ['ExportOrderList-bench.csv', 'gb18030'], 'taobao-items-gbk': ['ExportOrderDetailList-bench.csv', 'gb18030'], 'douyin-bom': ['douyin-orders-bench.csv', 'utf-8'],
  'jd-gbk': ['jd-orders-bench.csv', 'gb18030'], 'pdd-bom': ['pdd-orders-bench.csv', 'utf-8'], 'wdt-gbk': ['wdt-orders-bench.csv', 'gb18030'],
  'jst-utf8': ['jst-orders-bench.csv', 'utf-8'],
  'taobao-refunds-gbk': ['refunds-bench.csv', 'gb18030'], 'douyin-aftersales-bom': ['douyin-aftersales-bench.csv', 'utf-8'],
};
const kinds = (args.includes('--kinds') ? args[args.indexOf('--kinds') + 1]!.split(',') : ['taobao-gbk', 'douyin-bom']) as BigExportKind[];
for (const k of kinds) if (!(k in FILES)) throw new Error(`--kinds: ${k} is not one of ${Object.keys(FILES).join(', ')}`);
if (args.includes('--js')) process.env.SHOPLENS_INGEST_ENGINE = 'js';
const MiB = 1024 * 1024;
const uptime = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;

async function floor(path: string, encoding: string): Promise<{ ms: number; rows: number; note: string }> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const read = (enc: string) => `CREATE TABLE t AS SELECT * FROM read_csv('${path}', header = true, all_varchar = true${enc ? `, encoding = '${enc}'` : ''})`;
  const t0 = performance.now();
  let note = '';
  try {
    await conn.run(read(encoding));
  } catch (e) {
    // DuckDB reads GBK only through the `encodings` extension, which needs a download.
    // latin-1 maps every byte to a character: the same bytes parsed, without GBK decoding.
    note = `read_csv cannot decode ${encoding} without the encodings extension (${((e as Error).message.split('\n')[0] ?? '').slice(0, 80)}); floor = read_csv(encoding = 'latin-1') of the same bytes`;
    await conn.run(read('latin-1'));
  }
  const ms = performance.now() - t0;
  const r = await conn.runAndReadAll('SELECT count(*) FROM t');
  const n = Number(r.getRows()[0]![0]);
  conn.closeSync();
  db.closeSync();
  return { ms, rows: n, note };
}

async function ours(path: string, dir: string): Promise<{ ms: number; rows: number; peakRss: number; inserted: number; phases: string }> {
  const dbPath = join(dir, `store-${Date.now()}.duckdb`);
  const wh = await openWarehouse(dbPath, { memoryLimit: process.env.SHOPLENS_DUCKDB_MEMORY ?? '384MB' });
  let peak = rssWithChildren();
  const timer = setInterval(() => (peak = Math.max(peak, rssWithChildren())), 50);
  const t0 = performance.now();
  // when each phase was first and last reported (the DuckDB path reads, then cleans; the JS path cleans as it reads)
  const first: Record<string, number> = {};
  const last: Record<string, number> = {};
  try {
    const onProgress = (p: ImportProgress) => { first[p.phase] ??= performance.now() - t0; last[p.phase] = performance.now() - t0; };
    const r = await importFile(wh, path, { shop: 'bench', onProgress });
    const ms = performance.now() - t0;
    const clean = first.merging ?? ms;
    // Reading (transcode, scan, numbered copy: two processes on a big file) ends before DuckDB
    // reads and cleans the copy; `reading` is reported until the copy is done.
    const phases = last.reading !== undefined
      ? `staging (read + clean) ${(clean / 1000).toFixed(2)} s, of which reading ended at ${(last.reading / 1000).toFixed(2)} s · merging ${((ms - clean) / 1000).toFixed(2)} s`
      : `JS path: reading+cleaning ${(clean / 1000).toFixed(2)} s · merging ${((ms - clean) / 1000).toFixed(2)} s`;
    return { ms, rows: r.run.rows_read, peakRss: Math.max(peak, rssWithChildren()), inserted: r.run.rows_inserted, phases };
  } finally {
    clearInterval(timer);
    await wh.close();
    rmSync(dbPath, { force: true });
    rmSync(`${dbPath}.wal`, { force: true });
  }
}

/**
 * This process's RSS plus its child processes' (a big file is copied by two, copy-part.ts):
 * the import's memory, whichever process holds it. Linux /proc; elsewhere this process alone.
 */
function rssWithChildren(): number {
  let bytes = process.memoryUsage.rss();
  try {
    for (const task of readdirSync('/proc/self/task')) {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) {
        const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        bytes += Number(kb ?? 0) * 1024;
      }
    }
  } catch {
    // a child that just exited, or no /proc
  }
  return bytes;
}

/** `--floor <path> <encoding>`: run only the floor and print it as JSON (child process). */
async function floorInChild(path: string, encoding: string): Promise<{ ms: number; rows: number; note: string }> {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--floor', path, encoding], { encoding: 'utf8' });
  return JSON.parse(out) as { ms: number; rows: number; note: string };
}

async function main(): Promise<void> {
  if (args[0] === '--floor') {
    process.stdout.write(JSON.stringify(await floor(args[1]!, args[2]!)));
    return;
  }
  if (args[0] === '--workbook') {
    await csvToWorkbook(args[1]!, args[2]!);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-bench-import-'));
  console.log(`import benchmark: ${rows.toLocaleString('en-US')} rows per file, files in ${dir}`);
  const cases = kinds.map((kind) => [kind, ...FILES[kind]] as const);
  try {
    for (const [kind, name, enc] of cases) {
      const path = join(dir, name);
      await writeBigExport(path, kind, rows);
      // the generator's garbage is not the import's memory
      collectGarbage();
      const mb = statSync(path).size / MiB;
      const f = await floorInChild(path, enc);
      const o = await ours(path, dir);
      const rate = o.rows / (o.ms / 1000);
      console.log([
        `\n${kind}: ${mb.toFixed(0)} MiB`,
        `  DuckDB read_csv (floor): ${(f.ms / 1000).toFixed(2)} s, ${Math.round(f.rows / (f.ms / 1000)).toLocaleString('en-US')} rows/s${f.note ? `\n    note: ${f.note}` : ''}`,
        `  shoplens import:         ${(o.ms / 1000).toFixed(2)} s, ${Math.round(rate).toLocaleString('en-US')} rows/s, ${o.inserted.toLocaleString('en-US')} rows written, peak RSS ${(o.peakRss / MiB).toFixed(0)} MiB`,
        `  phases: ${o.phases}`,
        `  ratio to floor: ${(o.ms / f.ms).toFixed(2)}×  (goal ≤ 3×) · rows/s goal ≥ 200,000: ${rate >= 200_000 ? 'met' : 'NOT met'} · RSS goal < 1024 MiB: ${o.peakRss < 1024 * MiB ? 'met' : 'NOT met'}`,
        `  uptime: ${uptime()}`,
      ].join('\n'));
      if (xlsx) {
        const book = path.replace(/\.csv$/, '.xlsx');
        // written by a child process: exceljs's memory is not the import's
        execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--workbook', path, book]);
        const x = await ours(book, dir);
        console.log([
          `  as xlsx: ${(statSync(book).size / MiB).toFixed(0)} MiB, ${(x.ms / 1000).toFixed(2)} s, ${Math.round(x.rows / (x.ms / 1000)).toLocaleString('en-US')} rows/s, ${x.inserted.toLocaleString('en-US')} rows written, peak RSS ${(x.peakRss / MiB).toFixed(0)} MiB · ${(x.ms / o.ms).toFixed(2)}× the CSV's import`,
          `  phases: ${x.phases}`,
        ].join('\n'));
        if (!keep) rmSync(book, { force: true });
      }
      if (!keep) rmSync(path, { force: true });
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
