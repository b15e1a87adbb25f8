/**
 * Erasing a buyer's personal information on request (PIPL art. 47). Every warehouse table that
 * holds PII columns and a customer_id gets those columns cleared for the buyer; business facts
 * (orders, amounts) stay, so totals do not change. The list of tables comes from the model, so a
 * PII column added later is purged without editing this file.
 */
import { warehouseTables, type TableDef } from '../model/index.js';

/** The part of a Warehouse the purge needs (auth does not depend on the warehouse layer). */
export interface PurgeTarget {
  readonly dialect: { quoteIdent(name: string): string; param(index: number): string };
  query(sql: string, params?: readonly (string | number | null)[]): Promise<Record<string, unknown>[]>;
  exec(sql: string, params?: readonly (string | number | null)[]): Promise<void>;
}

export interface PurgedTable {
  table: string;
  columns: string[];
  rows: number;
}

export function piiTables(tables: readonly TableDef[] = warehouseTables): { table: TableDef; columns: string[] }[] {
  return tables
    .filter((t) => 'customer_id' in t.columns && 'shop_id' in t.columns)
    .map((t) => ({ table: t, columns: Object.entries(t.columns).filter(([, c]) => c.pii !== undefined).map(([n]) => n) }))
    .filter((t) => t.columns.length > 0);
}

export async function purgeBuyerPii(wh: PurgeTarget, shopId: string, customerId: string): Promise<PurgedTable[]> {
  const q = wh.dialect.quoteIdent;
  const p = wh.dialect.param;
  const out: PurgedTable[] = [];
  for (const { table, columns } of piiTables()) {
    const where = `${q('shop_id')} = ${p(1)} AND ${q('customer_id')} = ${p(2)}`;
    const [row] = await wh.query(`SELECT count(*) AS n FROM ${q(table.name)} WHERE ${where}`, [shopId, customerId]);
    const rows = Number(row?.n ?? 0); // bigint on DuckDB
    if (rows > 0) {
      const sets = columns.map((c) => `${q(c)} = ${table.columns[c]!.isNullable ? 'NULL' : "''"}`).join(', ');
      await wh.exec(`UPDATE ${q(table.name)} SET ${sets} WHERE ${where}`, [shopId, customerId]);
    }
    out.push({ table: table.name, columns, rows });
  }
  return out;
}
