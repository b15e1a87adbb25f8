/**
 * The metadata engines an integration test runs on. PostgreSQL is always included unless the
 * run narrows engines explicitly (ENGINES=sqlite): a missing server fails the test, never skips it.
 * Each PostgreSQL store gets its own schema, dropped on cleanup.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { MetaDialect } from './sql-db.js';

export const DEFAULT_TEST_PG_URL = 'postgres://shoplens:shoplens@127.0.0.1:55432/shoplens_test';

export function metaTestEngines(env: NodeJS.ProcessEnv = process.env): MetaDialect[] {
  const wanted = env.ENGINES?.split(',').map((s) => s.trim());
  const all: MetaDialect[] = ['sqlite', 'postgres'];
  return wanted ? all.filter((e) => wanted.includes(e) || (e === 'postgres' && wanted.includes('postgresql'))) : all;
}

/** A fresh, empty store location for `engine`, and how to remove it. */
export async function freshMetaLocation(engine: MetaDialect): Promise<{ location: string; cleanup: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'shoplens-meta-'));
    return { location: join(dir, 'meta.sqlite'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.SHOPLENS_TEST_PG_URL ?? DEFAULT_TEST_PG_URL;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    location: url.toString(),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
