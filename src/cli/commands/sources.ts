import type { Command } from 'commander';
import { sourceFormats } from '../../ingest/index.js';
import { parseFormat } from '../context.js';
import { render } from '../output.js';

export function registerSources(program: Command): void {
  program
    .command('sources')
    .description('列出支持的导入格式 / list the supported import formats')
    .option('--format <format>', 'table | json | csv', 'table')
    .action((opts: { format: string }) => {
      const format = parseFormat(opts.format);
      const rows = sourceFormats.map((s) => ({
        source: s.id, 名称: s.names.zh, name: s.names.en, platform: s.platform, role: s.role,
        files: s.fileKinds.join('/'), 粒度: s.grain.zh, grain: s.grain.en,
      }));
      process.stdout.write(render(rows, format));
      if (format === 'table') process.stdout.write('\n其他平台或手工表格:--mapping 列映射文件 / any other file: --mapping <column mapping .json> (docs/ingest.md)\n');
    });
}
