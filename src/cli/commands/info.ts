import type { Command } from 'commander';
import { warehouseTables } from '../../model/index.js';
import type { ResultRow, Warehouse } from '../../warehouse/index.js';
import { parseFormat, withWarehouse, type GlobalOptions } from '../context.js';
import { jsonReplacer, render, type OutputFormat } from '../output.js';

export interface StoreInfo {
  tables: ResultRow[];
  shops: ResultRow[];
  incidents: ResultRow[];
}

export async function storeInfo(wh: Warehouse): Promise<StoreInfo> {
  const q = wh.dialect.quoteIdent;
  const counts = await Promise.all(
    warehouseTables.map(async (t) => {
      const [row] = await wh.query<{ n: bigint }>(`SELECT count(*) AS n FROM ${q(t.name)}`);
      return { table: t.name, rows: row?.n ?? 0n, grain: t.grain };
    }),
  );
  const shops = await wh.query(`
    SELECT s.shop_id AS shop, s.platform, s.name, s.timezone,
           count(o.order_id) AS orders, min(o.created_day) AS first_day, max(o.created_day) AS last_day,
           sum(o.paid_amount) AS paid_fen
    FROM shops s LEFT JOIN orders o ON o.shop_id = s.shop_id
    GROUP BY ALL ORDER BY s.shop_id`);
  const incidents = await wh.query(
    `SELECT kind, shop_id AS shop, sku_id AS sku, source, start_day, end_day, description FROM incidents ORDER BY start_day, kind`,
  );
  return {
    tables: counts,
    shops: shops.map(({ paid_fen, ...r }) => ({ ...r, paid_amount: fenText(paid_fen as bigint | null) })),
    incidents,
  };
}

const fenText = (f: bigint | null) => (f === null ? null : `${f / 100n}.${(f % 100n).toString().padStart(2, '0')}`);

export function renderInfo(info: StoreInfo, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(info, jsonReplacer, 2) + '\n';
  if (format === 'csv') return render(info.tables, 'csv');
  return [
    '表 / Tables\n' + render(info.tables, 'table'),
    '店铺 / Shops\n' + render(info.shops, 'table'),
    '已知事件 / Incidents\n' + render(info.incidents, 'table'),
  ].join('\n');
}

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('数据库概况:各表行数、各店铺日期范围、已知事件 / tables, row counts, date range per shop, incidents')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => {
        process.stdout.write(renderInfo(await storeInfo(wh), format));
      }, { mustExist: true });
    });
}
