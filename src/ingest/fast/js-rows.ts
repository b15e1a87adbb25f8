/**
 * The rows the SQL cleaners cannot decide exactly (a character NFKC might fold differently, a
 * number past BIGINT fen or INTEGER): their raw cells go through the JS cleaners and
 * normalizer (stage/row-stager.ts), as on the JS path. Usually none; never the whole file's
 * worth in memory (batches of BATCH rows).
 */
import type { Warehouse } from '../../warehouse/index.js';
import type { Collector } from '../stage/collector.js';
import type { RowStager, RowTally } from '../stage/row-stager.js';
import { stageNames, stageTables, type StageName } from '../stage/staging-tables.js';

const BATCH = 8192;

export interface JsRowsResult {
  /** rows that went this way */
  rows: number;
  /** products or customers were staged (they may repeat keys the SQL staged) */
  masters: boolean;
}

/** The JS-way rows of the piece in `cln`; unknown statuses are added to `unknown`. */
export async function stageJsRows(
  tx: Warehouse, stager: RowStager, collector: Collector, tally: RowTally, indexes: readonly number[], width: number, short: ReadonlyMap<number, number>,
  unknown: Map<string, [number, number]>,
): Promise<JsRowsResult> {
  let after = -1;
  let count = 0;
  let masters = false;
  const load = async (final: boolean) => {
    const n = await flush(tx, collector, final);
    masters ||= n.products + n.customers > 0;
  };
  for (;;) {
    const rows = await tx.query(`SELECT c.rn, c.raw_cells FROM cln c
      WHERE c.js AND c.rn > ${tx.dialect.param(1)} ORDER BY c.rn LIMIT ${BATCH}`, [after]);
    if (rows.length === 0) break;
    for (const row of rows) {
      const rn = Number(row.rn);
      after = rn;
      count++;
      const n = rn + 2; // the header is record 1
      const cells: string[] = new Array<string>(short.get(n) ?? width).fill('');
      const raw = row.raw_cells as (string | null)[];
      indexes.forEach((i, k) => { if (i < cells.length) cells[i] = raw[k] ?? ''; });
      const before = collector.unknownStatuses.size;
      stager.row({ n, cells }, rn + 1, tally);
      // A wording seen first on this row: remember where, to order the report as the file does.
      for (const s of [...collector.unknownStatuses.keys()].slice(before)) {
        const had = unknown.get(s);
        if (had) had[1] = Math.min(had[1], rn);
        else unknown.set(s, [0, rn]);
      }
    }
    await load(false);
  }
  await load(true);
  for (const [s, n] of collector.unknownStatuses) {
    const had = unknown.get(s)!;
    had[0] += n;
  }
  collector.unknownStatuses.clear();
  return { rows: count, masters };
}

async function flush(tx: Warehouse, collector: Collector, final: boolean): Promise<Record<StageName, number>> {
  const batch = collector.takeBatch(final);
  const counts = {} as Record<StageName, number>;
  for (const t of stageNames) {
    counts[t] = batch[t].length ? await tx.bulkLoad(stageTables[t], batch[t] as never, { into: stageTables[t].name }) : 0;
  }
  return counts;
}
