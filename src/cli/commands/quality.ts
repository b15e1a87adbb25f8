import type { Command } from 'commander';
import { checkName, runStoreChecks } from '../../ingest/index.js';
import { parseFormat, withWarehouse, type GlobalOptions } from '../context.js';
import { render } from '../output.js';
import { resolveRun } from './quarantine.js';

export function registerQuality(program: Command): void {
  program
    .command('quality')
    .argument('[run]', '导入批次号,默认最近一次 / import run id, default the latest')
    .description('数据质量报告:重复、空值、未知状态、缺行、金额不符、未来日期、断档 / data quality report per run and table')
    .option('--store', '对整个库重新检查(所有店铺)/ re-check the whole store (all shops) now')
    .option('--runs', '列出导入日志(最近 50 次)/ list the import log (latest 50 runs)')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (run: string | undefined, opts: { format: string; store?: boolean; runs?: boolean }, cmd: Command) => {
      const format = parseFormat(opts.format);
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => {
        if (opts.runs) {
          process.stdout.write(render(await wh.query(`SELECT run_id, started_at, file, sha256, source, encoding, shop_ids, status, rows_read, rows_inserted,
            rows_updated, rows_unchanged, rows_quarantined, duration_ms FROM import_runs ORDER BY started_at DESC, run_id DESC LIMIT 50`), format));
          return;
        }
        if (opts.store) {
          const shops = (await wh.query<{ shop_id: string }>('SELECT shop_id FROM shops ORDER BY 1')).map((r) => r.shop_id);
          const found = await runStoreChecks(wh, shops, new Date());
          process.stdout.write(render(found.map((f) => named(format, { check: f.check, table: f.table, found: f.found, examples: f.examples.join('; ') })), format));
          return;
        }
        const id = await resolveRun(wh, run);
        const [r] = await wh.query(`SELECT run_id, file, source, encoding, status, rows_read, rows_inserted, rows_updated, rows_unchanged, rows_quarantined, duration_ms FROM import_runs WHERE run_id = $1`, [id]);
        const tables = await wh.query(`SELECT table_name AS "table", staged, duplicates, inserted, updated, unchanged, linked FROM import_run_tables WHERE run_id = $1 ORDER BY table_name`, [id]);
        const checks = await wh.query(`SELECT check_name AS "check", table_name AS "table", found, examples FROM import_quality WHERE run_id = $1 ORDER BY check_name, table_name`, [id]);
        if (format === 'json') {
          process.stdout.write(render([{ run: r ?? null, tables, checks } as never], 'json'));
          return;
        }
        if (format === 'table') process.stdout.write(`批次 / run\n${render(r ? [r] : [], 'table')}\n各表 / tables\n${render(tables, 'table')}\n检查 / checks\n`);
        process.stdout.write(render(checks.map((c) => named(format, c as { check: string })), format));
      }, { mustExist: true });
    });
}

/** A table for people names each check in words (订单无明细 / orders without lines); json and csv keep the code alone. */
function named<T extends { check: string }>(format: string, row: T): T | ({ name: string } & T) {
  if (format !== 'table') return row;
  const n = checkName(row.check);
  return { name: `${n.zh} / ${n.en}`, ...row };
}
