import { existsSync } from 'node:fs';
import { fail } from '../core/errors.js';
import { openMetaStore, resolveMetaLocation, type MetaStore } from '../meta/index.js';
import { openWarehouse, resolveDbPath, type OpenOptions, type Warehouse } from '../warehouse/index.js';
import { CliErrors } from './errors.js';
import { outputFormats, type OutputFormat } from './output.js';
import { CoreErrors } from '../core/errors.js';

export interface GlobalOptions {
  db?: string;
  debug?: boolean;
}

/** Opens the store named by --db / SHOPLENS_DB, runs `fn`, and always closes it. */
export async function withWarehouse<T>(
  opts: GlobalOptions,
  fn: (wh: Warehouse) => Promise<T>,
  open: OpenOptions & { mustExist?: boolean } = {},
): Promise<T> {
  const path = resolveDbPath(opts.db);
  if (open.mustExist && !existsSync(path)) fail(CliErrors.CLI_STORE_MISSING, { path });
  const wh = await openWarehouse(path, open);
  try {
    return await fn(wh);
  } finally {
    await wh.close();
  }
}

/** Opens the metadata store beside the store (users, rules, actions …), runs `fn`, and always closes it. */
export async function withMeta<T>(opts: GlobalOptions, fn: (meta: MetaStore) => Promise<T>): Promise<T> {
  const meta = await openMetaStore(resolveMetaLocation(resolveDbPath(opts.db)));
  try {
    return await fn(meta);
  } finally {
    await meta.close();
  }
}

export function parseFormat(value: string): OutputFormat {
  if ((outputFormats as readonly string[]).includes(value)) return value as OutputFormat;
  fail(CoreErrors.INVALID_ARGUMENT, { name: '--format', value, expected: outputFormats.join(' | ') });
}

export function parsePositiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value.replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n <= 0) fail(CoreErrors.INVALID_ARGUMENT, { name, value, expected: 'a positive integer / 正整数' });
    return n;
  };
}
