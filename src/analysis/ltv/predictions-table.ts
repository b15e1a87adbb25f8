/** Loads per-(x, t_x, T) predictions into a temp table so SQL can join them to buyers. */
import { defineTable, float, int } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';

let next = 0;

export interface GroupPrediction {
  x: number;
  tx_days: number;
  t_days: number;
  p_alive: number;
  n6: number;
  n12: number;
}

export async function loadPredictions<T>(wh: Warehouse, rows: GroupPrediction[], fn: (table: string) => Promise<T>): Promise<T> {
  const def = defineTable({
    name: `sl_ltv_pred_${process.pid}_${next++}`,
    grain: 'one row per distinct (x, t_x, T)',
    key: ['x', 'tx_days', 't_days'],
    columns: { x: int('repeat days'), tx_days: int('days to last'), t_days: int('days observed'), p_alive: float('P(alive)'), n6: float('6 months'), n12: float('12 months') },
  });
  const name = wh.dialect.quoteIdent(def.name);
  await wh.exec(wh.dialect.createTable(def, { temporary: true }));
  try {
    await wh.bulkLoad(def, rows);
    return await fn(name);
  } finally {
    await wh.exec(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
  }
}
