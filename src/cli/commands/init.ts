import type { Command } from 'commander';
import { currentSchemaVersion, resolveDbPath } from '../../warehouse/index.js';
import { withWarehouse, type GlobalOptions } from '../context.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('创建或升级数据库 / create the store, or bring its schema up to date')
    .action(async (_opts, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withWarehouse(g, async (wh) => {
        const v = await currentSchemaVersion(wh);
        process.stdout.write(`数据库已就绪 / store ready: ${resolveDbPath(g.db)} (schema v${v})\n`);
      });
    });
}
