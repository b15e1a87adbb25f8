import type { Command } from 'commander';
import { fail, CoreErrors } from '../../core/errors.js';
import { compareKinds, loadCatalog, runMetricQuery, timeGrains, type MetricQuery, type MetricResult } from '../../metrics/index.js';
import { parseFormat, parsePositiveInt, withWarehouse, type GlobalOptions } from '../context.js';
import { jsonReplacer, render } from '../output.js';

const collect = (v: string, acc: string[]) => [...acc, v];

/** `dim=value` flags → filters; the same dimension twice means either value (IN). */
export function parseWhere(items: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const item of items) {
    const i = item.indexOf('=');
    if (i <= 0) fail(CoreErrors.INVALID_ARGUMENT, { name: '--where', value: item, expected: 'dimension=value, e.g. shop=tm1 / 维度=值' });
    (out[item.slice(0, i).trim()] ??= []).push(item.slice(i + 1));
  }
  return out;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) fail(CoreErrors.INVALID_ARGUMENT, { name, value, expected: allowed.join(' | ') });
  return value as T;
}

/** Terminal display only: ratios to 4 places, changes in %, JSON and CSV keep full precision. */
function forDisplay(row: MetricResult['rows'][number], columns: MetricResult['columns']): MetricResult['rows'][number] {
  const out = { ...row };
  for (const c of columns) {
    const v = out[c.name];
    if (typeof v !== 'number' || Number.isInteger(v)) continue;
    out[c.name] = c.kind === 'change_pct' ? `${(v * 100).toFixed(1)}%` : c.unit === 'ratio' ? v.toFixed(4) : v.toFixed(2);
  }
  return out;
}

interface QueryFlags {
  by?: string;
  grain?: string;
  from?: string;
  to?: string;
  where: string[];
  compare?: string;
  sort?: string;
  limit?: number;
  format: string;
  showSql?: boolean;
  catalog?: string;
}

export function registerQuery(program: Command): void {
  program
    .command('query')
    .argument('<metric...>', '指标 id(见 shoplens metrics)/ metric ids (see shoplens metrics)')
    .description('按维度、时间粒度查询指标,可做环比/同比 / query metrics by dimensions and time grain, with 环比 / 同比')
    .option('--by <dims>', '维度,逗号分隔 / dimensions, comma separated (platform,shop,category_l1,sku,source …)')
    .option('--grain <grain>', timeGrains.join(' | '))
    .option('--from <day>', '开始日 YYYY-MM-DD(店铺时区)/ first day, shop time zone')
    .option('--to <day>', '结束日(含)/ last day, inclusive')
    .option('--where <dim=value>', '筛选,可重复 / filter, repeatable', collect, [])
    .option('--compare <kind>', 'mom (环比) | yoy (同比) | yoy_campaign (按活动对齐的同比)')
    .option('--sort <col[:desc]>', '排序 / sort by a metric or dimension')
    .option('--limit <n>', '行数上限 / row limit', parsePositiveInt('--limit'))
    .option('--format <format>', 'table | json | csv', 'table')
    .option('--show-sql', '显示生成的 SQL / show the generated SQL')
    .option('--catalog <path>', '自定义指标目录 JSON / user catalog file')
    .action(async (metrics: string[], opts: QueryFlags, cmd: Command) => {
      const format = parseFormat(opts.format);
      const catalog = loadCatalog(opts.catalog ? { userCatalogPath: opts.catalog } : {});
      const grain = oneOf('--grain', timeGrains, opts.grain);
      const compare = oneOf('--compare', compareKinds, opts.compare);
      const [sortBy, dir] = (opts.sort ?? '').split(':');
      const query: MetricQuery = {
        metrics,
        ...(opts.by ? { dimensions: opts.by.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
        ...(grain ? { grain } : {}),
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
        ...(opts.where.length > 0 ? { filters: parseWhere(opts.where) } : {}),
        ...(compare ? { compare } : {}),
        ...(sortBy ? { sort: [{ by: sortBy, desc: dir === 'desc' }] } : {}),
        ...(opts.limit ? { limit: opts.limit } : {}),
      };
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => {
        const r = await runMetricQuery(wh, catalog, query);
        const sqlText = `-- SQL\n${r.sql}\n-- params ${JSON.stringify(r.params, jsonReplacer)}\n`;
        if (opts.showSql && format !== 'table') process.stderr.write(sqlText);
        const rows = format === 'table' ? r.rows.map((row) => forDisplay(row, r.columns)) : r.rows;
        process.stdout.write(render(rows, format, r.columns.map((c) => c.name)));
        if (opts.showSql && format === 'table') process.stdout.write(`\n${sqlText}`);
      }, { mustExist: true });
    });
}
