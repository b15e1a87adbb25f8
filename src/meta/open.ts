import { dirname, join, resolve } from 'node:path';
import { fail } from '../core/errors.js';
import { MetaErrors } from './errors.js';
import { metaStoreOn, type MetaStore } from './meta-store.js';
import { migrateMeta } from './migrations.js';
import { PostgresDb } from './postgres-db.js';
import { SqliteDb } from './sqlite-db.js';
import type { SqlDb } from './sql-db.js';

export const META_FILE_NAME = 'shoplens-meta.sqlite';

/**
 * Where the metadata lives: SHOPLENS_META_URL (postgres://…) wins, then SHOPLENS_META_DB (a
 * SQLite path), then `shoplens-meta.sqlite` beside the warehouse file.
 */
export function resolveMetaLocation(warehousePath: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SHOPLENS_META_URL) return env.SHOPLENS_META_URL;
  if (env.SHOPLENS_META_DB) return resolve(env.SHOPLENS_META_DB);
  return join(dirname(resolve(warehousePath)), META_FILE_NAME);
}

const isPgUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/** Opens (and migrates) a store: a postgres:// URL, a file path, or ':memory:'. */
export async function openMetaStore(location: string): Promise<MetaStore> {
  let db: SqlDb;
  if (isPgUrl(location)) {
    try {
      new URL(location);
    } catch {
      fail(MetaErrors.META_BAD_URL, { url: location.replace(/\/\/[^@/]*@/, '//***@') });
    }
    db = await PostgresDb.open(location).catch((e: Error) =>
      fail(MetaErrors.META_UNREACHABLE, { location: location.replace(/\/\/[^@/]*@/, '//***@'), reason: e.message }, undefined, e),
    );
  } else if (/^[a-z]+:\/\//i.test(location)) {
    fail(MetaErrors.META_BAD_URL, { url: location });
  } else {
    db = SqliteDb.open(location);
  }
  try {
    await migrateMeta(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return metaStoreOn(db);
}
