import type { Command } from 'commander';
import { DEFAULT_DEMO_ORDER_LINES } from '../../demo/index.js';
import { withWarehouse, type GlobalOptions } from '../context.js';
import { runDemo } from '../run-demo.js';
import { renderInfo, storeInfo } from './info.js';
import { serveUntilStopped, withListenOptions, type ServeOptions } from './serve.js';

export function registerStart(program: Command): void {
  withListenOptions(program
    .command('start')
    .description('启动 ShopLens:库为空时先生成演示数据 / start ShopLens; creates the demo store first when the store is empty'))
    .option('--no-serve', '只准备数据,不启动服务 / prepare the store only, do not serve')
    .action(async (opts: ServeOptions & { serve: boolean }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withWarehouse(g, async (wh) => {
        const [row] = await wh.query<{ n: bigint }>('SELECT count(*) AS n FROM shops');
        if (row?.n === 0n) {
          process.stdout.write('库为空,正在生成演示数据 / the store is empty: generating the demo store…\n');
          await runDemo(wh, { orderLines: DEFAULT_DEMO_ORDER_LINES, seed: 42 });
        }
        process.stdout.write(renderInfo(await storeInfo(wh), 'table'));
        if (opts.serve) await serveUntilStopped(wh, g, opts);
      });
    });
}
