import { resolve } from 'node:path';
import { openDuckDB, type DuckDBOptions } from './duckdb/engine.js';
import { migrate } from './migrations.js';
import type { Warehouse } from './warehouse.js';

export const DEFAULT_DB_PATH = './data/shoplens.duckdb';

/** --db wins, then SHOPLENS_DB, then ./data/shoplens.duckdb. */
export function resolveDbPath(flag?: string): string {
  return resolve(flag ?? process.env.SHOPLENS_DB ?? DEFAULT_DB_PATH);
}

export interface OpenOptions extends DuckDBOptions {
  /** skip migrations (read-only tools on a store that is already current) */
  migrate?: boolean;
}

/** Opens the store and brings its schema up to date. */
export async function openWarehouse(path: string, options: OpenOptions = {}): Promise<Warehouse> {
  const wh = await openDuckDB(path, options);
  if (options.migrate !== false && !options.readOnly) {
    try {
      await migrate(wh);
    } catch (e) {
      await wh.close();
      throw e;
    }
  }
  return wh;
}
