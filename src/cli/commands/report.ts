import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CoreErrors, fail } from '../../core/errors.js';
import { DEFAULT_TIMEZONE, dayTextToNumber } from '../../core/time.js';
import { openMetaStore, resolveMetaLocation } from '../../meta/index.js';
import { loadCatalog } from '../../metrics/index.js';
import { formatOfFile, listArchive } from '../../reports/archive.js';
import { builtInReports, findReport } from '../../reports/definition.js';
import { reportPeriods, resolvePeriod, type ReportPeriod } from '../../reports/period.js';
import { runReport } from '../../reports/run.js';
import { resolveDbPath } from '../../warehouse/index.js';
import { parseFormat, withWarehouse, type GlobalOptions } from '../context.js';
import { render } from '../output.js';

export function registerReport(program: Command): void {
  const report = program.command('report').description('经营日报/周报/月报与报表导出 / scheduled reports and exports');

  report.command('run <name>').description('生成报表(看板、已保存报表或 daily/weekly/monthly)/ render a dashboard, saved report or daily/weekly/monthly')
    .requiredOption('--out <file>', '输出文件 .pdf | .xlsx | .html / output file')
    .option('--period <p>', reportPeriods.join(' | '))
    .option('--from <day>', '开始日 / first day (instead of --period)')
    .option('--to <day>', '结束日 / last day (with --from)')
    .option('--lang <lang>', 'zh | en', 'zh')
    .action(async (name: string, opts: { out: string; period?: string; from?: string; to?: string; lang: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const format = formatOfFile(opts.out);
      if (opts.lang !== 'zh' && opts.lang !== 'en') fail(CoreErrors.INVALID_ARGUMENT, { name: '--lang', value: opts.lang, expected: 'zh | en' });
      if (opts.period && !(reportPeriods as readonly string[]).includes(opts.period)) fail(CoreErrors.INVALID_ARGUMENT, { name: '--period', value: opts.period, expected: reportPeriods.join(' | ') });
      for (const [flag, v] of [['--from', opts.from], ['--to', opts.to]] as const) {
        if (v !== undefined && dayTextToNumber(v) === undefined) fail(CoreErrors.INVALID_ARGUMENT, { name: flag, value: v, expected: 'YYYY-MM-DD' });
      }
      const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(g.db)));
      try {
        const def = await findReport(meta, name);
        const period = opts.from ? { from: opts.from, to: opts.to ?? opts.from } : resolvePeriod((opts.period ?? def.period) as ReportPeriod, new Date(), DEFAULT_TIMEZONE);
        const catalog = loadCatalog();
        const r = await withWarehouse(g, (wh) => runReport(wh, catalog, def, period, {
          formats: [format], lang: opts.lang as 'zh' | 'en', scope: { shopIds: 'all' }, dataDir: dirname(resolveDbPath(g.db)),
        }), { mustExist: true });
        writeFileSync(opts.out, r.files[0]!.content);
        process.stdout.write(`${opts.out}: ${def.title.zh} / ${def.title.en}, ${period.from} ~ ${period.to}, ${r.files[0]!.content.length} bytes\n`);
      } finally {
        await meta.close();
      }
    });

  report.command('list').description('可生成的报表 / reports that can be run').option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(g.db)));
      try {
        const rows = [
          ...builtInReports.map((id) => ({ id, kind: 'built-in', name: id })),
          ...(await meta.documents.list<{ name: string }>('dashboard')).map((d) => ({ id: d.id, kind: 'dashboard', name: d.body.name })),
          ...(await meta.documents.list<{ name: string }>('saved_report')).map((d) => ({ id: d.id, kind: 'saved_report', name: d.body.name })),
        ];
        process.stdout.write(render(rows, parseFormat(opts.format)));
      } finally {
        await meta.close();
      }
    });

  report.command('archive').description('已归档的报表文件 / archived report files').option('--report <id>').option('--format <format>', 'table | json | csv', 'table')
    .action((opts: { report?: string; format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      process.stdout.write(render(listArchive(dirname(resolveDbPath(g.db)), opts.report).map((f) => ({ ...f })), parseFormat(opts.format)));
    });
}
