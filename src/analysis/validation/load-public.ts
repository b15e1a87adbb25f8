/**
 * Imports the real public datasets through the generic mapping import (`shoplens import
 * --mapping`), exactly as a user would: the mapping files beside this module are the ones
 * docs/validation.md shows. CDNOW_sample.txt has no header line, so a copy with the master's
 * header is imported instead (the only change made to any file).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../../ingest/index.js';
import type { Warehouse } from '../../warehouse/index.js';
import { PUBLIC_DATA } from '../testing/public-data.js';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url)).replace(/\/dist\/src\//, '/src/');

export const publicShops = { cdnow: 'cdnow', cdnowSample: 'cdnow-sample', olist: 'olist', tianchi: 'tianchi' } as const;

export async function importPublicData(wh: Warehouse, which: readonly (keyof typeof publicShops)[] = ['cdnow', 'cdnowSample', 'olist', 'tianchi']): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'shoplens-public-'));
  try {
    const run = (file: string, mapping: string) => importFile(wh, file, { mapping: here(mapping) });
    if (which.includes('cdnow')) await run(join(PUBLIC_DATA, 'cdnow/CDNOW_master.txt'), 'cdnow-master.mapping.json');
    if (which.includes('cdnowSample')) {
      const sample = join(tmp, 'CDNOW_sample.txt');
      writeFileSync(sample, 'customer_id sample_id date number_of_cds dollar_value\n' + readFileSync(join(PUBLIC_DATA, 'cdnow/CDNOW_sample.txt'), 'utf8'));
      await run(sample, 'cdnow-sample.mapping.json');
    }
    if (which.includes('olist')) {
      await run(join(PUBLIC_DATA, 'olist/subset_2017_10k/orders.csv'), 'olist-orders.mapping.json');
      await run(join(PUBLIC_DATA, 'olist/subset_2017_10k/order_items.csv'), 'olist-items.mapping.json');
    }
    if (which.includes('tianchi')) await run(join(PUBLIC_DATA, 'tianchi_mum_baby/tianchi_mum_baby_trade_history.csv'), 'tianchi-trades.mapping.json');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
