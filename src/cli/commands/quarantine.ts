import type { Command } from 'commander';
import { fail } from '../../core/errors.js';
import { IngestErrors } from '../../ingest/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { parseFormat, withWarehouse, type GlobalOptions } from '../context.js';
import { render } from '../output.js';

/** The run named, or the latest one. */
export async function resolveRun(wh: Warehouse, run: string | undefined): Promise<string> {
  const rows = run
    ? await wh.query<{ run_id: string }>('SELECT run_id FROM import_runs WHERE run_id = $1', [run])
    : await wh.query<{ run_id: string }>('SELECT run_id FROM import_runs ORDER BY started_at DESC, run_id DESC LIMIT 1');
  if (!rows[0]) fail(IngestErrors.INGEST_RUN_UNKNOWN, { run: run ?? '(latest / 最近)' });
  return rows[0].run_id;
}

export function registerQuarantine(program: Command): void {
  program
    .command('quarantine')
    .argument('[run]', '导入批次号,默认最近一次 / import run id, default the latest')
    .description('列出导入时被隔离的行及原因 / list the rows an import set aside, with reasons')
    .option('--format <format>', 'table | json | csv', 'table')
    .option('--limit <n>', '最多显示行数 / rows to show', '200')
    .action(async (run: string | undefined, opts: { format: string; limit: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => {
        const id = await resolveRun(wh, run);
        const rows = await wh.query(
          `SELECT file, row_no AS "row", column_name AS "column", code, value, reason_zh AS 原因, reason_en AS reason
           FROM import_quarantine WHERE run_id = $1 ORDER BY seq LIMIT $2`, [id, Math.max(1, Number(opts.limit) || 200)]);
        if (format === 'table') process.stdout.write(`批次 / run ${id}: ${rows.length} 条 / problems\n`);
        process.stdout.write(render(rows, format));
      }, { mustExist: true });
    });
}
