/**
 * Loads the real public datasets (../shared/data/public) into a store for validation tests
 * and docs/validation.md. CDNOW is whitespace-separated text that the generic CSV mapping
 * import does not cover, so it is read here line by line; every row becomes one paid order.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decimalToFen } from '../../core/money.js';
import { orders, shops } from '../../model/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { order, shop } from './rows.js';

export const PUBLIC_DATA = fileURLToPath(new URL('../../../../shared/data/public/', import.meta.url));

/** CDNOW_sample.txt (id, old id, yyyymmdd, CDs, dollars) or CDNOW_master.txt (id, yyyymmdd, CDs, dollars). */
export async function loadCdnow(wh: Warehouse, file: 'CDNOW_sample.txt' | 'CDNOW_master.txt', shopId = 'cdnow'): Promise<number> {
  const text = readFileSync(`${PUBLIC_DATA}cdnow/${file}`, 'utf8');
  const dateCol = file === 'CDNOW_sample.txt' ? 2 : 1;
  const rows = text.split(/\r?\n/).map((l) => l.trim().split(/\s+/)).filter((c) => /^\d{8}$/.test(c[dateCol] ?? ''));
  await wh.bulkLoad(shops, [shop(shopId, 'other')]);
  return wh.bulkLoad(orders, rows.map((c, i) => {
    const ymd = c[dateCol]!;
    return order({
      shop: shopId, id: String(i + 1), customer: c[0]!, day: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
      fen: decimalToFen(c[dateCol + 2]!)!,
    });
  }));
}
