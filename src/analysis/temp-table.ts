/**
 * Analyses that read a per-buyer (or per-SKU) table several times build it once as a temp
 * table and drop it after, even when a query in between fails.
 */
import type { SqlValue, Warehouse } from '../warehouse/index.js';

let next = 0;

export async function withTempTable<T>(
  wh: Warehouse, prefix: string, select: string, params: readonly SqlValue[], fn: (name: string) => Promise<T>,
): Promise<T> {
  const name = wh.dialect.quoteIdent(`sl_${prefix}_${process.pid}_${next++}`);
  await wh.exec(`CREATE TEMP TABLE ${name} AS ${select}`, params);
  try {
    return await fn(name);
  } finally {
    await wh.exec(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
  }
}
