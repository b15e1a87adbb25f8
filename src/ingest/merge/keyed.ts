/**
 * Upsert by key for the tables whose rows a later export simply replaces (refunds, daily
 * reports, inventory) or fills (products, customers: a source that lacks a field never
 * blanks what another source gave).
 */
import type { TableDef } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { anyStored, colsOf, countActions, keyJoin, latestPerKeySql, q, shopIn, stagedKeys, tableCounts, type TableCounts } from './sql.js';

export type MergePolicy = 'replace' | 'fill';

/** Column value after merge: `fill` keeps the stored value where the new row has none. */
function merged(t: TableDef, col: string, policy: MergePolicy): string {
  const c = t.columns[col]!;
  if (policy === 'replace' || t.key.includes(col)) return `n.${q(col)}`;
  if (c.isNullable) return `coalesce(n.${q(col)}, o.${q(col)})`;
  if (c.kind === 'string') return `CASE WHEN n.${q(col)} = '' THEN coalesce(o.${q(col)}, '') ELSE n.${q(col)} END`;
  if (c.kind === 'money' || c.kind === 'int') return `CASE WHEN n.${q(col)} = 0 THEN coalesce(o.${q(col)}, 0) ELSE n.${q(col)} END`;
  return `n.${q(col)}`;
}

export interface KeyedResult extends TableCounts {
  /** the table held no row of the run's shops: every row was inserted, none compared */
  allNew: boolean;
}

/**
 * `derive` rewrites the new rows (a SELECT over alias-free columns) when they are all
 * inserted, so a column that follows other tables is right on insert, not fixed by an
 * UPDATE afterwards.
 */
export async function upsertKeyed(tx: Warehouse, t: TableDef, stg: string, policy: MergePolicy, shops: readonly string[]): Promise<TableCounts> {
  const { allNew: _, ...counts } = await mergeKeyed(tx, t, stg, policy, shops);
  return counts;
}

export async function mergeKeyed(
  tx: Warehouse, t: TableDef, stg: string, policy: MergePolicy, shops: readonly string[], derive?: (rows: string) => string,
): Promise<KeyedResult> {
  const cols = colsOf(t);
  const { staged, keys } = await stagedKeys(tx, stg, t.key);
  const latest = latestPerKeySql(stg, t.key, cols, keys === staged);
  const list = cols.map(q).join(', ');
  // A table that holds no row of the run's shops cannot match a key: every row is new.
  if (!(await anyStored(tx, t.name, shops))) {
    await tx.exec(`INSERT INTO ${q(t.name)} (${list}) SELECT ${list} FROM (${derive ? derive(latest) : latest})`);
    return { ...tableCounts(t.name, staged, keys, { insert: keys }), allNew: true };
  }
  const diff = `diff_${t.name}`;
  const k0 = q(t.key[0]!);
  // One pass: the merged row, and whether it is new, equal to the stored one, or changed.
  await tx.exec(`CREATE TEMP TABLE ${q(diff)} AS
    SELECT ${cols.map((c) => `${merged(t, c, policy)} AS ${q(c)}`).join(', ')},
      CASE WHEN o.${k0} IS NULL THEN 'insert'
           WHEN ${cols.map((c) => `${merged(t, c, policy)} IS NOT DISTINCT FROM o.${q(c)}`).join(' AND ')} THEN 'same'
           ELSE 'update' END AS action
    FROM (${latest}) n LEFT JOIN (SELECT * FROM ${q(t.name)} o WHERE ${shopIn('o', shops)}) o ON ${keyJoin('n', 'o', t.key)}`);
  const by = await countActions(tx, diff);
  await applyDiff(tx, t, diff, (by.update ?? 0) > 0);
  return { ...tableCounts(t.name, staged, keys, by), allNew: false };
}

/** Replaces updated rows and adds new ones. */
export async function applyDiff(tx: Warehouse, t: TableDef, diff: string, anyUpdate: boolean): Promise<void> {
  const cols = colsOf(t).map(q).join(', ');
  if (anyUpdate) await tx.exec(`DELETE FROM ${q(t.name)} AS o USING ${q(diff)} d WHERE ${keyJoin('o', 'd', t.key)} AND d.action = 'update'`);
  await tx.exec(`INSERT INTO ${q(t.name)} (${cols}) SELECT ${cols} FROM ${q(diff)} WHERE action IN ('insert', 'update')`);
}
