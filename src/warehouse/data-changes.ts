/**
 * Loads record what they changed (shop, day range) in `data_changes`, inside their own
 * transaction; the metric layer's rollups refresh what changed since they were built.
 */
import type { Warehouse } from './warehouse.js';

export interface DataChange {
  origin: string;
  /** undefined: every shop */
  shopId?: string;
  fromDay?: string;
  toDay?: string;
}

export async function recordDataChange(wh: Warehouse, change: DataChange): Promise<number> {
  const p = wh.dialect.param;
  const [row] = await wh.query<{ n: number | null }>('SELECT max(change_id) AS n FROM data_changes');
  const id = (row?.n ?? 0) + 1;
  await wh.exec(
    `INSERT INTO data_changes VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, CAST(${p(5)} AS DATE), CAST(${p(6)} AS DATE))`,
    [id, new Date(), change.origin, change.shopId ?? '', change.fromDay ?? null, change.toDay ?? null],
  );
  return id;
}

export async function latestDataChange(wh: Warehouse): Promise<number> {
  const [row] = await wh.query<{ n: number | null }>('SELECT max(change_id) AS n FROM data_changes');
  return row?.n ?? 0;
}
