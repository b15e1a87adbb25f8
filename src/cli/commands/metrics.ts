import type { Command } from 'commander';
import { loadCatalog } from '../../metrics/index.js';
import { parseFormat } from '../context.js';
import { render } from '../output.js';

const tierNames = { strategic: '战略 strategic', tactical: '战术 tactical', execution: '执行 execution' } as const;

export function registerMetrics(program: Command): void {
  program
    .command('metrics')
    .description('列出指标目录(统一口径)/ list the metric catalog: names, tier, definition')
    .option('--format <format>', 'table | json | csv', 'table')
    .option('--all', '包括辅助指标 / include helper metrics')
    .option('--catalog <path>', '自定义指标目录 JSON / user catalog file (default $SHOPLENS_CATALOG)')
    .action((opts: { format: string; all?: boolean; catalog?: string }) => {
      const format = parseFormat(opts.format);
      const catalog = loadCatalog(opts.catalog ? { userCatalogPath: opts.catalog } : {});
      const rows = catalog.list({ includeHidden: opts.all === true }).map((m) => ({
        id: m.id,
        name_zh: m.name.zh,
        name_en: m.name.en,
        tier: format === 'table' ? tierNames[m.tier] : m.tier,
        unit: m.unit,
        definition_zh: m.definition.zh,
        definition_en: m.definition.en,
        dimensions: [...m.dimensions].join(format === 'csv' ? ' ' : ','),
      }));
      const cols = format === 'table' ? ['id', 'name_zh', 'name_en', 'tier', 'unit', 'definition_zh'] : undefined;
      process.stdout.write(render(rows, format, cols));
    });
}
