/**
 * A change as data_changes records it (shop, day range; '' / null for "all") and the SQL
 * condition that restricts a rollup statement to it.
 */
import type { Warehouse } from '../../warehouse/index.js';

export interface Change {
  shop_id: string;
  from_day: string | null;
  to_day: string | null;
}

/** Everything: the first build, a load that did not say what it changed, a definitions upgrade. */
export const EVERYTHING: Change = { shop_id: '', from_day: null, to_day: null };

export type SliceWhere = (shopCol: string, dayCol: string) => string;

/** One statement restricted to a change's shop and days; placeholders numbered as they appear. */
export function sliced(wh: Pick<Warehouse, 'dialect'>, c: Change, build: (where: SliceWhere) => string): { sql: string; params: string[] } {
  const d = wh.dialect;
  const params: string[] = [];
  const where: SliceWhere = (shopCol, dayCol) => {
    const out: string[] = [];
    if (c.shop_id !== '') out.push(`${shopCol} = ${d.param(params.push(c.shop_id))}`);
    if (c.from_day !== null) out.push(`${dayCol} >= ${d.dayParam(params.push(c.from_day))}`);
    if (c.to_day !== null) out.push(`${dayCol} <= ${d.dayParam(params.push(c.to_day))}`);
    return out.length > 0 ? out.join(' AND ') : 'TRUE';
  };
  return { sql: build(where), params };
}
