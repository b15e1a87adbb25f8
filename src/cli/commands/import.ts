import type { Command } from 'commander';
import { checkName, importFile, findSource, type ImportResult } from '../../ingest/index.js';
import { demoShopsIn } from '../../demo/index.js';
import { withWarehouse, parseFormat, type GlobalOptions } from '../context.js';
import { jsonReplacer, render } from '../output.js';
import { Progress } from '../progress.js';

interface ImportFlags {
  shop?: string; source?: string; mapping?: string; strict?: boolean; dryRun?: boolean;
  timezone?: string; currency?: string; format: string;
}

export function renderImport(r: ImportResult): string {
  const run = r.run;
  const src = findSource(run.source.split('+')[0] ?? '');
  const lines = [
    `${r.dryRun ? '演练,未写入 / dry run: nothing was written\n' : ''}文件 / file: ${run.file}`,
    `格式 / source: ${run.source}${src ? ` (${src.names.zh} / ${src.names.en})` : ''} · 编码 / encoding: ${run.encoding} · 店铺 / shops: ${run.shop_ids}`,
    `批次 / run: ${run.run_id}`,
    `读取 read ${run.rows_read} · 新增 inserted ${run.rows_inserted} · 更新 updated ${run.rows_updated} · 未变 unchanged ${run.rows_unchanged} · 隔离 quarantined ${run.rows_quarantined} · ${(run.duration_ms / 1000).toFixed(1)} s`,
    '',
    render(r.tables as never, 'table'),
  ];
  if (r.problems.length) {
    lines.push(`隔离的行 / quarantined rows (shoplens quarantine ${run.run_id} 查看全部 / lists all):`);
    for (const p of r.problems.slice(0, 10)) lines.push(`  ${p.file} row ${p.row} [${p.column}] ${p.code} "${p.value}"`);
    lines.push('');
  }
  const found = r.quality.filter((q) => q.found > 0);
  if (found.length) {
    lines.push('质量检查 / quality:');
    for (const q of found) {
      const name = checkName(q.check);
      lines.push(`  ${name.zh} / ${name.en} [${q.check}] (${q.table}): ${q.found}${q.examples.length ? ` — ${q.examples.slice(0, 3).join('; ')}` : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .argument('<files...>', '导出文件(CSV/XLSX)/ export files (CSV/XLSX)')
    .description('导入平台/ERP/报表导出文件,自动识别格式,原子、幂等 / import platform, ERP and report exports: format detected, atomic, idempotent')
    .option('--shop <id>', '文件未写明店铺时使用的店铺 / shop when the file does not name one')
    .option('--source <name>', '指定格式(见 shoplens sources)/ name the format (see shoplens sources)')
    .option('--mapping <file>', '通用 CSV/XLSX 的列映射文件 / column mapping for a generic CSV/XLSX')
    .option('--strict', '有任何错误行则整个文件不导入 / reject the whole file on any bad row')
    .option('--dry-run', '只检查,不写入 / check only, write nothing')
    .option('--timezone <tz>', '店铺时区(默认 Asia/Shanghai)/ shop time zone')
    .option('--currency <code>', '新店铺的币种(默认 CNY)/ currency of a new shop')
    .option('--format <format>', 'table | json', 'table')
    .action(async (files: string[], opts: ImportFlags, cmd: Command) => {
      const format = parseFormat(opts.format);
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => {
        const results: ImportResult[] = [];
        for (const file of files) {
          const progress = new Progress('import', undefined, 'rows');
          let rows = 0;
          const r = await importFile(wh, file, {
            ...(opts.shop ? { shop: opts.shop } : {}), ...(opts.source ? { source: opts.source } : {}), ...(opts.mapping ? { mapping: opts.mapping } : {}),
            strict: opts.strict ?? false, dryRun: opts.dryRun ?? false,
            ...(opts.timezone ? { timezone: opts.timezone } : {}), ...(opts.currency ? { currency: opts.currency } : {}),
            onDetected: (d) => { if (format === 'table') process.stderr.write(`识别为 / detected: ${d.source} · ${d.encoding} — ${file}\n`); },
            onProgress: (p) => { rows = p.rows; progress.update(p.rows, p.phase, p.done); },
          });
          progress.done(rows);
          results.push(r);
          if (format === 'table') process.stdout.write(renderImport(r));
        }
        if (format === 'json') process.stdout.write(JSON.stringify({ runs: results.map(({ problems, ...r }) => ({ ...r, problems: problems.slice(0, 100) })) }, jsonReplacer, 2) + '\n');
        // Imports beside the demo seller count with it in every total: say how to take it out.
        const demo = await demoShopsIn(wh);
        if (demo.length > 0) {
          process.stderr.write(`提示:库中还有演示店铺(${demo.length} 家),会计入各项合计;删除演示数据:shoplens demo --remove\n`
            + `note: the store still holds the demo seller (${demo.length} shops), counted in every total; remove it with: shoplens demo --remove\n`);
        }
      }, { memoryLimit: process.env.SHOPLENS_DUCKDB_MEMORY ?? '384MB' });
    });
}
