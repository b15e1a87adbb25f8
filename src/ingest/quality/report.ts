/** The quality report of one run: run-level findings plus the store checks on its shops. */
import type { Warehouse } from '../../warehouse/index.js';
import type { TableCounts } from '../merge/sql.js';
import type { QuarantineEntry } from '../run/stage-file.js';
import { runStoreChecks, type Finding } from './checks.js';

export async function runQuality(
  tx: Warehouse,
  shops: readonly string[],
  tables: readonly TableCounts[],
  problems: readonly QuarantineEntry[],
  unknownStatuses: ReadonlyMap<string, number>,
  now: Date,
): Promise<Finding[]> {
  const out: Finding[] = [];
  // Buyers and SKUs repeat across orders by nature: only fact tables count duplicates.
  for (const t of tables.filter((t) => t.table !== 'customers' && t.table !== 'products')) out.push({ check: 'duplicates_removed', table: t.table, found: t.duplicates, examples: [] });
  const nulls = new Map<string, number>();
  for (const p of problems) if (p.code === 'INGEST_REQUIRED_MISSING') nulls.set(p.column, (nulls.get(p.column) ?? 0) + 1);
  out.push({ check: 'null_required', table: 'source', found: [...nulls.values()].reduce((a, b) => a + b, 0), examples: [...nulls].map(([c, n]) => `${c}: ${n}`) });
  out.push({
    check: 'unknown_status', table: 'source', found: [...unknownStatuses.values()].reduce((a, b) => a + b, 0),
    examples: [...unknownStatuses].slice(0, 5).map(([s, n]) => `${s}: ${n}`),
  });
  out.push(...(await runStoreChecks(tx, shops, now)));
  return out;
}
