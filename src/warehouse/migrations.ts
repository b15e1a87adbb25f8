/**
 * Schema migrations are derived from the model: every table and column carries the schema
 * version that added it (`since`, default 1), so version N's migration creates the tables of
 * N and adds the columns of N. The applied versions are recorded in `schema_migrations`.
 */
import { fail } from '../core/errors.js';
import { warehouseTables, type TableDef } from '../model/index.js';
import { WarehouseErrors as E } from './errors.js';
import type { Warehouse } from './warehouse.js';

export const MIGRATIONS_TABLE = 'schema_migrations';

export function latestSchemaVersion(tables: readonly TableDef[] = warehouseTables): number {
  let v = 1;
  for (const t of tables) {
    v = Math.max(v, t.since ?? 1);
    for (const c of Object.values(t.columns)) v = Math.max(v, c.since);
  }
  return v;
}

/** Statements that take a store from version-1 to `version`. */
export function migrationStatements(wh: Pick<Warehouse, 'dialect'>, version: number, tables: readonly TableDef[] = warehouseTables): string[] {
  const d = wh.dialect;
  const out: string[] = [];
  for (const t of tables) {
    const tableSince = t.since ?? 1;
    if (tableSince === version) {
      const cols = Object.fromEntries(Object.entries(t.columns).filter(([, c]) => c.since <= version));
      out.push(d.createTable({ ...t, columns: cols }));
    } else if (tableSince < version) {
      for (const [name, c] of Object.entries(t.columns)) {
        if (c.since === version) out.push(d.addColumn(t.name, name, c));
      }
    }
  }
  return out;
}

export async function currentSchemaVersion(wh: Warehouse): Promise<number> {
  const exists = await wh.query<{ n: bigint }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ${wh.dialect.param(1)}`,
    [MIGRATIONS_TABLE],
  );
  if (exists[0]?.n === 0n) return 0;
  const rows = await wh.query<{ v: number | null }>(`SELECT max(version) AS v FROM ${wh.dialect.quoteIdent(MIGRATIONS_TABLE)}`);
  return rows[0]?.v ?? 0;
}

/** Brings the store to the latest version; idempotent; refuses a store from a newer ShopLens. */
export async function migrate(wh: Warehouse, tables: readonly TableDef[] = warehouseTables): Promise<{ from: number; to: number }> {
  const latest = latestSchemaVersion(tables);
  const from = await currentSchemaVersion(wh);
  if (from > latest) fail(E.WAREHOUSE_SCHEMA_TOO_NEW, { path: wh.location, found: from, supported: latest });
  if (from === latest) return { from, to: latest };
  const q = wh.dialect.quoteIdent;
  await wh.transaction(async (tx) => {
    await tx.exec(`CREATE TABLE IF NOT EXISTS ${q(MIGRATIONS_TABLE)} (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)`);
    for (let v = from + 1; v <= latest; v++) {
      for (const stmt of migrationStatements(tx, v, tables)) await tx.exec(stmt);
      await tx.exec(`INSERT INTO ${q(MIGRATIONS_TABLE)} VALUES (${tx.dialect.param(1)}, ${tx.dialect.param(2)})`, [v, new Date()]);
    }
  });
  return { from, to: latest };
}
