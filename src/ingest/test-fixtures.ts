/** Paths of the ingest fixtures (test/fixtures/ingest, written by its generate.ts) for tests. */
import { resolve } from 'node:path';
import type { Warehouse } from '../warehouse/index.js';

export const FIXTURES = resolve('test/fixtures/ingest');
export const fixture = (name: string) => resolve(FIXTURES, name);
/** A fixed "now" after every fixture date, so the future-date check is about the data. */
export const NOW = new Date('2026-03-20T00:00:00Z');

/** A fingerprint of every canonical and log table: row counts and an order-independent hash of all rows. */
export async function storeFingerprint(wh: Warehouse, tables: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [r] = await wh.query<{ n: bigint; h: bigint | null }>(`SELECT count(*) AS n, sum(hash(CAST(x AS VARCHAR))) AS h FROM ${t} x`);
    out[t] = `${r!.n}:${r!.h ?? 0n}`;
  }
  return out;
}

/** Every row of a table, all columns but `skip`, in a fixed order, as comparable text. */
export async function tableRows(wh: Warehouse, t: string, skip: readonly string[] = []): Promise<string> {
  const cols = (await wh.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = '${t}' ORDER BY ordinal_position`))
    .map((c) => c.name).filter((c) => !skip.includes(c));
  const rows = await wh.query(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${t} ORDER BY ALL`);
  return JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
}
