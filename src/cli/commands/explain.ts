import type { Command } from 'commander';
import { fail, CoreErrors } from '../../core/errors.js';
import { explainMetric, loadCatalog, type Explanation } from '../../metrics/index.js';
import { parseFormat, withWarehouse, type GlobalOptions } from '../context.js';
import { jsonReplacer, render } from '../output.js';
import { parseWhere } from './query.js';

const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)}%`);

function renderText(x: Explanation): string {
  const out = [
    `${x.metric}: ${x.period.from} … ${x.period.to} = ${x.current}; 对比 / vs ${x.previous.from} … ${x.previous.to} = ${x.previousValue}`,
    `变化 / change: ${x.change} (${pct(x.changePct)})`,
  ];
  if (x.drivers) out.push('', '驱动因子 / drivers', render(x.drivers.map((d) => ({ ...d, sign: d.sign === 1 ? '+' : '−' })), 'table'));
  for (const b of x.breakdowns) {
    out.push(`按 ${b.dimension} 贡献排名 / top contributors by ${b.dimension}${b.additive ? '' : '(非可加指标,各行变化不相加 / not additive)'}`);
    out.push(render(b.rows.map(({ drivers, ...r }) => ({
      ...r, ...(drivers ? Object.fromEntries(drivers.map((d) => [`Δ ${d.metric}`, d.contribution])) : {}),
    })), 'table'));
  }
  return out.join('\n') + '\n';
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .argument('<metric>', '指标 id / metric id')
    .description('解释指标变化:驱动因子分解与贡献排名 / explain a change: driver decomposition and top contributors')
    .requiredOption('--from <day>', '开始日 / first day')
    .requiredOption('--to <day>', '结束日(含)/ last day, inclusive')
    .option('--vs <period>', 'previous (环比) | last-year (同比)', 'previous')
    .option('--by <dims>', '排名维度 / dimensions to rank (default shop,source,category_l1,sku)')
    .option('--where <dim=value>', '筛选,可重复 / filter, repeatable', (v: string, acc: string[]) => [...acc, v], [])
    .option('--format <format>', 'table | json', 'table')
    .option('--catalog <path>', '自定义指标目录 JSON / user catalog file')
    .action(async (metric: string, opts: { from: string; to: string; vs: string; by?: string; where: string[]; format: string; catalog?: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      if (opts.vs !== 'previous' && opts.vs !== 'last-year') fail(CoreErrors.INVALID_ARGUMENT, { name: '--vs', value: opts.vs, expected: 'previous | last-year' });
      const catalog = loadCatalog(opts.catalog ? { userCatalogPath: opts.catalog } : {});
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => {
        const x = await explainMetric(wh, catalog, {
          metric, from: opts.from, to: opts.to, vs: opts.vs as 'previous' | 'last-year',
          ...(opts.by ? { by: opts.by.split(',').map((s) => s.trim()) } : {}),
          ...(opts.where.length > 0 ? { filters: parseWhere(opts.where) } : {}),
        });
        process.stdout.write(format === 'table' ? renderText(x) : JSON.stringify(x, jsonReplacer, 2) + '\n');
      }, { mustExist: true });
    });
}
