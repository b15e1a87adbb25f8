#!/usr/bin/env node
/** The `shoplens` command. Each subcommand lives in commands/<name>.ts. */
import { Command, CommanderError } from 'commander';
import { isShopLensError } from '../core/errors.js';
import { registerCommands } from './commands/index.js';
import { CliErrors } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { ShopLensError } from '../core/errors.js';

export function buildProgram(): Command {
  const program = new Command('shoplens')
    .description('ShopLens 电商数据运营平台 — self-hosted data operations for online sellers')
    .option('--db <path>', '数据库文件 / store file (default ./data/shoplens.duckdb or $SHOPLENS_DB)')
    .option('--debug', '出错时显示堆栈 / show stack traces on errors')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令帮助 / show help for a command')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  registerCommands(program);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeErr: () => undefined });
  return program;
}

function printError(e: ShopLensError, debug: boolean): void {
  const loc = e.location;
  const where = loc ? [loc.file, loc.row !== undefined ? `row ${loc.row}` : '', loc.column ? `column ${loc.column}` : ''].filter(Boolean).join(', ') : '';
  process.stderr.write(`错误 [${e.code}] ${e.messageZh}\nError [${e.code}] ${e.messageEn}\n${where ? `  at ${where}\n` : ''}`);
  if (debug && e.cause) process.stderr.write(`${(e.cause as Error).stack ?? String(e.cause)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return ExitCode.ok;
      const detail = e.message.replace(/^error: /, '');
      printError(new ShopLensError(CliErrors.CLI_USAGE, { detail }), false);
      return ExitCode.usage;
    }
    if (isShopLensError(e)) {
      printError(e, debug);
      if (debug) process.stderr.write(`${e.stack}\n`);
      return e.userCaused ? (e.code === 'INVALID_ARGUMENT' ? ExitCode.usage : ExitCode.input) : ExitCode.internal;
    }
    const err = e as Error;
    process.stderr.write(`错误 [INTERNAL] 意外错误:${err.message}\nError [INTERNAL] unexpected error: ${err.message}\n`);
    if (debug) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write('  (--debug 显示堆栈 / --debug shows the stack trace)\n');
    return ExitCode.internal;
  }
}
