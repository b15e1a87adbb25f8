import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { fail } from '../../core/errors.js';
import { builtinRoleIds } from '../../auth/roles.js';
import { openMetaStore, resolveMetaLocation, type MetaStore } from '../../meta/index.js';
import { changeAccount, createAccount, deleteAccount, ownedBy, userView } from '../../server/services/accounts.js';
import { resolveDbPath } from '../../warehouse/index.js';
import type { GlobalOptions } from '../context.js';
import { CliErrors } from '../errors.js';
import { render } from '../output.js';

async function withMeta<T>(g: GlobalOptions, fn: (meta: MetaStore) => Promise<T>): Promise<T> {
  // Only the metadata store: a running `shoplens serve` holds the warehouse, not this file.
  const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(g.db)));
  try {
    return await fn(meta);
  } finally {
    await meta.close();
  }
}

async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  if (!fromStdin) fail(CliErrors.CLI_USAGE, { detail: 'give the password on standard input with --password-stdin / 用 --password-stdin 从标准输入提供密码' });
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  // One trailing newline (echo, heredoc) is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const cliActor = () => ({ actorId: null, actorName: `cli:${userInfo().username}`, ip: null });
const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

export function registerUser(program: Command): void {
  const user = program.command('user').description('管理用户 / manage users');

  user
    .command('add')
    .argument('<name>', '登录名 / login name')
    .description(`创建用户;第一位用户应为 owner / create a user; the first should be an owner. Roles: ${builtinRoleIds.join(', ')} or a custom role`)
    .requiredOption('--role <role>', '角色 / role')
    .option('--shops <ids>', '可见店铺,逗号分隔;省略为全部 / shops the user may see, comma separated; all when omitted')
    .option('--platforms <ids>', '可见平台(其全部店铺)/ platforms whose shops the user may see, comma separated')
    .option('--display-name <text>', '显示名 / display name')
    .option('--password-stdin', '从标准输入读取密码 / read the password from standard input')
    .action(async (name: string, opts: { role: string; shops?: string; platforms?: string; displayName?: string; passwordStdin?: boolean }, cmd: Command) => {
      const password = await readPassword(opts.passwordStdin);
      await withMeta(cmd.optsWithGlobals<GlobalOptions>(), async (meta) => {
        const u = await createAccount(meta, {
          name, password, role: opts.role,
          shops: opts.shops === undefined ? (opts.platforms ? [] : 'all') : list(opts.shops),
          platforms: opts.platforms ? list(opts.platforms) : [],
          ...(opts.displayName ? { displayName: opts.displayName } : {}),
        }, cliActor());
        process.stdout.write(`已创建用户 / created user ${u.name} (${u.role}, ${u.shops === 'all' ? 'all shops / 全部店铺' : u.shops.join(',')})\n`);
      });
    });

  user
    .command('list')
    .description('列出用户 / list users')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { format: 'table' | 'json' | 'csv' }, cmd: Command) => {
      await withMeta(cmd.optsWithGlobals<GlobalOptions>(), async (meta) => {
        const rows = (await meta.users.list()).map((u) => {
          const v = userView(u);
          return { name: v.name, role: v.role, shops: v.shops === 'all' ? 'all' : v.shops.join(','), platforms: v.platforms.join(','), disabled: v.disabled, locked: v.locked };
        });
        process.stdout.write(render(rows, opts.format === 'json' || opts.format === 'csv' ? opts.format : 'table'));
      });
    });

  user
    .command('set')
    .argument('<name>', '登录名 / login name')
    .description('修改角色、店铺或停用(其会话全部退出)/ change role, shops, or disable (ends the user’s sessions)')
    .option('--role <role>', '角色 / role')
    .option('--shops <ids>', '可见店铺,逗号分隔,或 all / shops, comma separated, or all')
    .option('--platforms <ids>', '可见平台,逗号分隔 / platforms, comma separated')
    .option('--disable', '停用 / disable the account')
    .option('--enable', '启用并解除锁定 / enable and unlock the account')
    .action(async (name: string, opts: { role?: string; shops?: string; platforms?: string; disable?: boolean; enable?: boolean }, cmd: Command) => {
      if (opts.disable && opts.enable) fail(CliErrors.CLI_USAGE, { detail: '--disable and --enable together / 不能同时使用 --disable 和 --enable' });
      await withMeta(cmd.optsWithGlobals<GlobalOptions>(), async (meta) => {
        const u = await meta.users.byName(name);
        if (!u) fail(CliErrors.CLI_USAGE, { detail: `no user ${name} / 没有用户 ${name}` });
        const changed = await changeAccount(meta, u.id, {
          ...(opts.role ? { role: opts.role } : {}),
          ...(opts.shops ? { shops: opts.shops === 'all' ? 'all' : list(opts.shops) } : {}),
          ...(opts.platforms !== undefined ? { platforms: list(opts.platforms) } : {}),
          ...(opts.disable ? { disabled: true } : opts.enable ? { disabled: false } : {}),
        }, cliActor());
        const v = userView(changed);
        process.stdout.write(`已修改 / changed ${v.name}: ${v.role}, ${v.shops === 'all' ? 'all shops / 全部店铺' : v.shops.join(',')}${v.disabled ? ', disabled / 已停用' : ''}\n`);
      });
    });

  user
    .command('passwd')
    .argument('<name>', '登录名 / login name')
    .description('重置密码并解除锁定(其会话全部退出)/ reset a password and unlock the account (ends its sessions)')
    .option('--password-stdin', '从标准输入读取密码 / read the password from standard input')
    .action(async (name: string, opts: { passwordStdin?: boolean }, cmd: Command) => {
      const password = await readPassword(opts.passwordStdin);
      await withMeta(cmd.optsWithGlobals<GlobalOptions>(), async (meta) => {
        const u = await meta.users.byName(name);
        if (!u) fail(CliErrors.CLI_USAGE, { detail: `no user ${name} / 没有用户 ${name}` });
        await changeAccount(meta, u.id, { password }, cliActor());
        process.stdout.write(`已重置 / password reset: ${name}\n`);
      });
    });

  user
    .command('remove')
    .argument('<name>', '登录名 / login name')
    .description('删除用户;--transfer-to 把其看板、报表、告警规则与定时报表转给另一位成员 / delete a user; --transfer-to hands their dashboards, reports, alert rules and schedules to another member')
    .option('--transfer-to <name>', '接收其工作的成员 / the member who takes their work')
    .action(async (name: string, opts: { transferTo?: string }, cmd: Command) => {
      await withMeta(cmd.optsWithGlobals<GlobalOptions>(), async (meta) => {
        const byName = async (n: string) => (await meta.users.byName(n)) ?? fail(CliErrors.CLI_USAGE, { detail: `no user ${n} / 没有用户 ${n}` });
        const u = await byName(name);
        const heir = opts.transferTo === undefined ? undefined : await byName(opts.transferTo);
        const owned = await ownedBy(meta, u.id);
        await deleteAccount(meta, u.id, cliActor(), heir?.id);
        const left = Object.entries(owned).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ');
        process.stdout.write(`已删除 / removed ${name}${left ? (heir ? `; 已转给 / handed to ${heir.name}: ${left}` : `; 未转交,定时报表将停止发送 / not handed on, their schedules stop: ${left}`) : ''}\n`);
      });
    });
}
