import type { Command } from 'commander';
import { openMetaStore, resolveMetaLocation } from '../../meta/index.js';
import { buildServer } from '../../server/app.js';
import { serverConfig } from '../../server/config.js';
import type { Warehouse } from '../../warehouse/index.js';
import { resolveDbPath } from '../../warehouse/index.js';
import { parsePositiveInt, withWarehouse, type GlobalOptions } from '../context.js';

export interface ServeOptions {
  host: string;
  port: number;
  trustProxy?: boolean;
}

/** Serves the API and the web app on `wh` until SIGINT/SIGTERM; prints the URL once listening. */
export async function serveUntilStopped(wh: Warehouse, g: GlobalOptions, opts: ServeOptions): Promise<void> {
  const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(g.db)));
  try {
    const app = await buildServer({ wh, meta, config: serverConfig({ host: opts.host, port: opts.port, trustProxy: opts.trustProxy ?? false, logger: g.debug === true }) });
    const address = await app.listen({ host: opts.host, port: opts.port });
    const url = address.replace('//[::1]', '//localhost');
    const needsSetup = (await meta.users.count()) === 0;
    process.stdout.write(`ShopLens 已启动 / ShopLens is running: ${url}\n`);
    if (needsSetup) process.stdout.write(`首次使用:打开网页完成设置,或运行 shoplens user add <名字> --role owner --password-stdin\nFirst run: open the page to create the admin, or run shoplens user add <name> --role owner --password-stdin\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    process.stdout.write('正在停止 / stopping…\n');
    await app.close();
  } finally {
    await meta.close();
  }
}

export const hostOption = ['--host <host>', '监听地址 / address to listen on', process.env.SHOPLENS_HOST ?? '127.0.0.1'] as const;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('启动 HTTP API 与网页应用 / serve the HTTP API and the web app (default http://127.0.0.1:8787)')
    .option(...hostOption)
    .option('--port <port>', '端口 / port', parsePort, Number(process.env.SHOPLENS_PORT ?? 8787))
    .option('--trust-proxy', '信任反向代理的 X-Forwarded-* 头 / trust X-Forwarded-* from a reverse proxy (https detection, client IP)')
    .action(async (opts: ServeOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withWarehouse(g, (wh) => serveUntilStopped(wh, g, opts));
    });
}

/** 0 asks the system for a free port (tests); otherwise 1–65535. */
export function parsePort(value: string): number {
  return value === '0' ? 0 : parsePositiveInt('--port')(value);
}
