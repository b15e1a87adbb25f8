import { Option, type Command } from 'commander';
import { dirname } from 'node:path';
import { openMetaStore, resolveMetaLocation } from '../../meta/index.js';
import { loadCatalog } from '../../metrics/index.js';
import { buildServer } from '../../server/app.js';
import { defaultServerConfig, serverConfig } from '../../server/config.js';
import { startScheduler, type Scheduler } from '../../server/scheduler.js';
import { isLoopback, LOOPBACK_HINT } from '../../server/link-base.js';
import { alertStore } from '../../alerts/store.js';
import type { Warehouse } from '../../warehouse/index.js';
import { resolveDbPath } from '../../warehouse/index.js';
import { parsePositiveInt, withWarehouse, type GlobalOptions } from '../context.js';

export interface ServeOptions {
  host: string;
  port: number;
  /** largest file the data page takes, MB */
  maxUploadMb: number;
  trustProxy?: boolean;
}

/** Serves the API and the web app on `wh` until SIGINT/SIGTERM; prints the URL once listening. */
export async function serveUntilStopped(wh: Warehouse, g: GlobalOptions, opts: ServeOptions): Promise<void> {
  const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(g.db)));
  // alert rules and report schedules run by the clock while the server is up (src/server/scheduler.ts)
  let scheduler: Scheduler | undefined;
  let linkBase: string | undefined;
  try {
    const app = await buildServer({
      wh, meta, config: serverConfig({
        host: opts.host, port: opts.port, trustProxy: opts.trustProxy ?? false, logger: g.debug === true,
        upload: { ...defaultServerConfig.upload, maxFileBytes: opts.maxUploadMb * MB },
      }),
      onImported: () => scheduler?.afterImport() ?? Promise.resolve(),
      linkBase: () => linkBase,
    });
    const address = await app.listen({ host: opts.host, port: opts.port });
    const url = address.replace('//[::1]', '//localhost');
    linkBase = process.env.SHOPLENS_BASE_URL ?? url;
    scheduler = await startScheduler({ wh, meta, catalog: loadCatalog(), dataDir: dirname(resolveDbPath(g.db)), baseUrl: linkBase,
      // without --debug fastify's logger is silent, and a failing schedule must still be seen: stderr
      ...(g.debug === true ? { log: app.log } : {}) });
    const needsSetup = (await meta.users.count()) === 0;
    process.stdout.write(`ShopLens 已启动 / ShopLens is running: ${url}\n`);
    if (process.env.SHOPLENS_BASE_URL) process.stdout.write(`消息中的链接 / links in messages: ${linkBase}\n`);
    // messages will carry links only this machine can open: say so where channels exist
    if (isLoopback(linkBase) && (await alertStore(meta).listChannels()).length > 0) process.stdout.write(`${LOOPBACK_HINT.zh(linkBase)}\n${LOOPBACK_HINT.en(linkBase)}\n`);
    if (needsSetup) process.stdout.write(`首次使用:打开网页完成设置,或运行 shoplens user add <名字> --role owner --password-stdin\nFirst run: open the page to create the admin, or run shoplens user add <name> --role owner --password-stdin\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    process.stdout.write('正在停止 / stopping…\n');
    scheduler.stop();
    await app.close();
    await scheduler.idle();
  } finally {
    scheduler?.stop();
    await meta.close();
  }
}

const MB = 1024 * 1024;

/** --host, --port and --max-upload-mb, shared by serve and start. */
export function withListenOptions(cmd: Command): Command {
  return cmd
    .option('--host <host>', '监听地址 / address to listen on', process.env.SHOPLENS_HOST ?? '127.0.0.1')
    .option('--port <port>', '端口 / port', parsePort, Number(process.env.SHOPLENS_PORT ?? 8787))
    .addOption(new Option('--max-upload-mb <MB>', '数据页上传单个文件的上限 / the largest file the data page takes (MB)')
      .argParser(parsePositiveInt('--max-upload-mb')).default(defaultServerConfig.upload.maxFileBytes / MB).env('SHOPLENS_MAX_UPLOAD_MB'));
}

export function registerServe(program: Command): void {
  withListenOptions(program
    .command('serve')
    .description('启动 HTTP API 与网页应用 / serve the HTTP API and the web app (default http://127.0.0.1:8787)'))
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
