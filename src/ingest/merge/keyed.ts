/**
 * Upsert by key for the tables whose rows a later export simply replaces (refunds, daily
 * reports, inventory) or fills (products, customers: a source that lacks a field never
 * blanks what another source gave).
 */
import type { TableDef } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { actionCounts, colsOf, count, keyJoin, latestPerKeySql, q, sameRow, type TableCounts } from './sql.js';

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

export async function upsertKeyed(tx: Warehouse, t: TableDef, stg: string, policy: MergePolicy): Promise<TableCounts> {
  const cols = colsOf(t);
  const staged = await count(tx, `SELECT count(*) AS n FROM ${q(stg)}`);
  const nw = `new_${t.name}`;
  const diff = `diff_${t.name}`;
  await tx.exec(`CREATE TEMP TABLE ${q(nw)} AS ${await latestPerKeySql(tx, stg, t.key, cols, staged)}`);
  const deduped = await count(tx, `SELECT count(*) AS n FROM ${q(nw)}`);
  const k0 = q(t.key[0]!);
  await tx.exec(`CREATE TEMP TABLE ${q(diff)} AS
    SELECT ${cols.map((c) => `${merged(t, c, policy)} AS ${q(c)}`).join(', ')},
      CASE WHEN o.${k0} IS NULL THEN 'insert' ELSE 'pending' END AS action
    FROM ${q(nw)} n LEFT JOIN ${q(t.name)} o ON ${keyJoin('n', 'o', t.key)}`);
  // A merged row equal to the stored one is unchanged.
  await tx.exec(`UPDATE ${q(diff)} AS d SET action = CASE WHEN ${sameRow('d', 'o', cols)} THEN 'same' ELSE 'update' END
    FROM ${q(t.name)} o WHERE ${keyJoin('d', 'o', t.key)} AND d.action = 'pending'`);
  await applyDiff(tx, t, diff);
  return actionCounts(tx, t.name, diff, staged, deduped);
}

/** Replaces updated rows and adds new ones. */
export async function applyDiff(tx: Warehouse, t: TableDef, diff: string): Promise<void> {
  const cols = colsOf(t).map(q).join(', ');
  await tx.exec(`DELETE FROM ${q(t.name)} AS o USING ${q(diff)} d WHERE ${keyJoin('o', 'd', t.key)} AND d.action = 'update'`);
  await tx.exec(`INSERT INTO ${q(t.name)} (${cols}) SELECT ${cols} FROM ${q(diff)} WHERE action IN ('insert', 'update')`);
}
