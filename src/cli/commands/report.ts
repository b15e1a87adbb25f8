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
import { reportScheduleStore } from '../../reports/schedule.js';
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

  const schedule = report.command('schedule').description('定时发送报表(serve 运行时生效)/ scheduled report runs (run while shoplens serve is up)');

  schedule.command('add <id>').description('新增或替换计划 / add or replace a schedule')
    .requiredOption('--report <name>', '看板、已保存报表或 daily/weekly/monthly / dashboard, saved report or daily/weekly/monthly')
    .requiredOption('--cron <expr>', 'cron(5 段,或 6 段含秒)/ cron, 5 fields or 6 with seconds')
    .requiredOption('--owner <user>', '计划所有者(用户名或 id),报表不超出其权限 / owner (user name or id); the report never exceeds their rights')
    .option('--timezone <tz>', '时区 / time zone', DEFAULT_TIMEZONE)
    .option('--formats <list>', 'xlsx,pdf,html', 'xlsx')
    .option('--channels <list>', '通知渠道 id,逗号分隔 / channel ids, comma separated', '')
    .option('--lang <lang>', 'zh | en', 'zh')
    .option('--disabled', '先不启用 / save it disabled')
    .action(async (id: string, opts: { report: string; cron: string; owner: string; timezone: string; formats: string; channels: string; lang: string; disabled?: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const list = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);
      const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(g.db)));
      try {
        const owner = (await meta.users.byName(opts.owner)) ?? (await meta.users.byId(opts.owner));
        if (!owner) fail(CoreErrors.INVALID_ARGUMENT, { name: '--owner', value: opts.owner, expected: 'shoplens user list' });
        const def = await findReport(meta, opts.report);
        const saved = await reportScheduleStore(meta).put({
          id, report: def.id, cron: opts.cron, timezone: opts.timezone, formats: list(opts.formats) as ['xlsx'], channels: list(opts.channels),
          lang: opts.lang as 'zh', enabled: opts.disabled !== true,
        }, owner.id);
        process.stdout.write(`${saved.id}: ${def.title.zh} / ${def.title.en}, ${saved.cron} (${saved.timezone}), ${saved.formats.join(',')} → ${saved.channels.join(',') || '(归档 / archive only)'}\n`);
      } finally {
        await meta.close();
      }
    });

  schedule.command('list').description('所有计划 / every schedule').option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(g.db)));
      try {
        const rows = (await reportScheduleStore(meta).list()).map(({ schedule: s, ownerId }) => ({
          id: s.id, report: s.report, cron: s.cron, timezone: s.timezone, formats: s.formats.join(','), channels: s.channels.join(','), lang: s.lang, enabled: s.enabled, owner: ownerId ?? '',
        }));
        process.stdout.write(render(rows, parseFormat(opts.format)));
      } finally {
        await meta.close();
      }
    });

  schedule.command('remove <id>').description('删除计划 / remove a schedule')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(g.db)));
      try {
        const store = reportScheduleStore(meta);
        await store.get(id); // a coded "no such schedule" rather than a silent no-op
        await store.remove(id);
        process.stdout.write(`已删除 / removed ${id}\n`);
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
