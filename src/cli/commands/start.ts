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
        // Only a store that never held data: one whose demo was removed stays empty for the seller's own.
        const [row] = await wh.query<{ shops: bigint; changes: bigint }>('SELECT (SELECT count(*) FROM shops) AS shops, (SELECT count(*) FROM data_changes) AS changes');
        if (row?.shops === 0n && row.changes === 0n) {
          process.stdout.write('库为空,正在生成演示数据 / the store is empty: generating the demo store…\n');
          await runDemo(wh, { orderLines: DEFAULT_DEMO_ORDER_LINES, seed: 42 });
        }
        process.stdout.write(renderInfo(await storeInfo(wh), 'table'));
        if (opts.serve) await serveUntilStopped(wh, g, opts);
      });
    });
}
