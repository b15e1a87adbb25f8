import type { Command } from 'commander';
import { generateDemo, DEFAULT_DEMO_ORDER_LINES } from '../../demo/index.js';
import { parsePositiveInt, withWarehouse, type GlobalOptions } from '../context.js';
import { Progress } from '../progress.js';
import { renderInfo, storeInfo } from './info.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('生成演示店铺数据(6 家店铺、24 个月、含预置异常事件;替换库中全部业务数据)/ generate a realistic demo seller: 6 shops, 24 months, planted incidents; replaces all business data in the store')
    .option('--orders <n>', '订单行数 / order lines to generate', parsePositiveInt('--orders'), DEFAULT_DEMO_ORDER_LINES)
    .option('--seed <s>', '随机种子,同一种子生成相同数据 / random seed; the same seed gives the same data', parsePositiveInt('--seed'), 42)
    .option('--end <day>', '最后一天 YYYY-MM-DD,默认昨天 / last day, default yesterday')
    .action(async (opts: { orders: number; seed: number; end?: string }, cmd: Command) => {
      await withWarehouse(cmd.optsWithGlobals<GlobalOptions>(), async (wh) => {
        const progress = new Progress('demo', opts.orders, 'lines');
        const summary = await generateDemo(wh, {
          orderLines: opts.orders,
          seed: opts.seed,
          ...(opts.end ? { endDay: opts.end } : {}),
          onProgress: (n) => progress.update(n),
        });
        progress.done(summary.orderLines);
        process.stdout.write(renderInfo(await storeInfo(wh), 'table'));
      }, { memoryLimit: process.env.SHOPLENS_DUCKDB_MEMORY ?? '2GB' });
    });
}
