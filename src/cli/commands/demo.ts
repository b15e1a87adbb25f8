import type { Command } from 'commander';
import { DEFAULT_DEMO_ORDER_LINES, removeDemo } from '../../demo/index.js';
import { forgetShops } from '../../server/services/forget-shops.js';
import { parsePositiveInt, withMeta, withWarehouse, type GlobalOptions } from '../context.js';
import { runDemo } from '../run-demo.js';
import { renderInfo, storeInfo } from './info.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('生成演示店铺数据(6 家店铺、24 个月、含预置异常事件;替换库中全部业务数据)/ generate a realistic demo seller: 6 shops, 24 months, planted incidents; replaces all business data in the store')
    .option('--orders <n>', '订单行数 / order lines to generate', parsePositiveInt('--orders'), DEFAULT_DEMO_ORDER_LINES)
    .option('--seed <s>', '随机种子,同一种子生成相同数据 / random seed; the same seed gives the same data', parsePositiveInt('--seed'), 42)
    .option('--end <day>', '最后一天 YYYY-MM-DD,默认昨天 / last day, default yesterday')
    .option('--remove', '删除演示店铺数据,保留自己导入的数据 / remove the demo seller, keep what you imported')
    .action(async (opts: { orders: number; seed: number; end?: string; remove?: boolean }, cmd: Command) => {
      if (opts.remove) {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        const r = await withWarehouse(g, removeDemo, { mustExist: true });
        const total = Object.values(r.rows).reduce((a, n) => a + n, 0);
        const f = await withMeta(g, (meta) => forgetShops(meta, r.shops));
        process.stdout.write(r.shops.length === 0
          ? '库中没有演示店铺 / the store holds no demo shop\n'
          : `已删除演示店铺 ${r.shops.join(', ')} 的 ${total} 行数据,及 ${f.alerts} 条告警、${f.actions} 个行动 / removed ${total} rows of the demo shops ${r.shops.join(', ')}, ${f.alerts} alerts and ${f.actions} actions about them\n`);
        return;
      }
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => {
        await runDemo(wh, { orderLines: opts.orders, seed: opts.seed, ...(opts.end ? { endDay: opts.end } : {}) });
        process.stdout.write(renderInfo(await storeInfo(wh), 'table'));
      }, { memoryLimit: process.env.SHOPLENS_DUCKDB_MEMORY ?? '2GB' });
    });
}
