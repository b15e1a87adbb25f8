/**
 * `npm run bench:demo`: generates the demo store at 1 M and 10 M order lines, each in a fresh
 * temp store through the built CLI under /usr/bin/time -v, and reports order lines per second
 * and peak RSS (the whole process: Node heap plus DuckDB's buffers). Each size runs in its own
 * process so one size's heap does not inflate the next one's peak. The ratio column compares
 * each size's throughput with the first size's, measured in the same run.
 * DEMO_BENCH_SIZES=200000,1000000 picks other sizes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/shoplens.js');
const TIME = '/usr/bin/time';
const sizes = (process.env.DEMO_BENCH_SIZES ?? '1000000,10000000').split(',').map((s) => Number(s.trim()));

interface Result {
  asked: number;
  lines: number;
  seconds: number;
  peakRssMiB: number | null;
  storeMiB: number;
}

function runOne(asked: number): Result {
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-bench-demo-'));
  const db = join(dir, 'demo.duckdb');
  const args = [BIN, 'demo', '--orders', String(asked), '--seed', '42', '--end', '2026-06-30', '--db', db];
  const withTime = existsSync(TIME);
  const started = process.hrtime.bigint();
  const r = withTime
    ? spawnSync(TIME, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  try {
    if (r.status !== 0) throw new Error(`demo --orders ${asked} failed (${r.status}):\n${r.stderr}`);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
    // The info table printed after the load: "order_lines │ <rows>".
    const lines = /order_lines\D+?(\d[\d,]*)/.exec(r.stdout ?? '');
    return {
      asked,
      lines: lines ? Number(lines[1]!.replace(/,/g, '')) : asked,
      seconds,
      peakRssMiB: rss ? Number(rss[1]) / 1024 : null,
      storeMiB: statSync(db).size / 2 ** 20,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Result[] = [];
for (const n of sizes) {
  process.stderr.write(`demo bench: ${n.toLocaleString('en-US')} order lines …\n`);
  const r = runOne(n);
  results.push(r);
  // Print each size as it finishes: a 10 M run takes many minutes on a busy machine.
  process.stderr.write(`  ${r.lines} lines in ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMiB === null ? 'n/a' : Math.round(r.peakRssMiB)} MiB\n`);
}
const base = results[0]!;
const rate = (r: Result) => r.lines / r.seconds;
const table = results.map((r) => ({
  'order lines': r.lines.toLocaleString('en-US'),
  seconds: r.seconds.toFixed(1),
  'lines/s': Math.round(rate(r)).toLocaleString('en-US'),
  'vs first size': (rate(r) / rate(base)).toFixed(2),
  'peak RSS MiB': r.peakRssMiB === null ? 'n/a' : Math.round(r.peakRssMiB).toLocaleString('en-US'),
  'store MiB': Math.round(r.storeMiB).toLocaleString('en-US'),
}));
console.table(table);
