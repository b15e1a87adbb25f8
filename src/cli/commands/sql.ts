import type { Command } from 'commander';
import { fail } from '../../core/errors.js';
import { openDuckDB, resolveDbPath, WarehouseErrors } from '../../warehouse/index.js';
import { parseFormat, type GlobalOptions } from '../context.js';
import { render } from '../output.js';
import { existsSync } from 'node:fs';
import { CliErrors } from '../errors.js';

/** Statements that only read. Anything else is refused before it reaches the engine. */
const READ_ONLY = /^\s*(\(?\s*)(SELECT|WITH|FROM|SHOW|DESCRIBE|SUMMARIZE|EXPLAIN|VALUES|TABLE|PIVOT|UNPIVOT)\b/i;

export function registerSql(program: Command): void {
  program
    .command('sql')
    .argument('<statement>', 'SQL 查询语句 / a SQL query')
    .description('只读即席 SQL(拒绝写入)/ read-only ad-hoc SQL for power users; writes are refused')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (statement: string, opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      const g = cmd.optsWithGlobals<GlobalOptions>();
      if (!READ_ONLY.test(statement)) fail(WarehouseErrors.WAREHOUSE_READ_ONLY, { statement: statement.trim().slice(0, 80) });
      const path = resolveDbPath(g.db);
      if (!existsSync(path)) fail(CliErrors.CLI_STORE_MISSING, { path });
      // The engine itself is opened read-only and without file access: a statement that
      // slips past the check above still cannot write the store or touch other files.
      const wh = await openDuckDB(path, { readOnly: true, noExternalAccess: true });
      try {
        const rows = await wh.query(statement).catch((e) => {
          if (/read-only|read only/i.test((e as Error).message)) fail(WarehouseErrors.WAREHOUSE_READ_ONLY, { statement: statement.trim().slice(0, 80) });
          throw e;
        });
        process.stdout.write(render(rows, format));
      } finally {
        await wh.close();
      }
    });
}
