/**
 * Same seed and end day → identical data; a second run replaces the first instead of adding
 * to it. Compared with a row-hash checksum of every canonical table.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { isShopLensError } from '../core/errors.js';
import { canonicalTables } from '../model/index.js';
import type { Warehouse } from '../warehouse/index.js';
import { tempStore } from '../../test/helpers/store.js';
import { generateDemo } from './generate.js';

const OPTIONS = { orderLines: 20_000, endDay: '2026-06-30' };
let a: Awaited<ReturnType<typeof tempStore>>;
let b: Awaited<ReturnType<typeof tempStore>>;

async function checksums(wh: Warehouse): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of canonicalTables) {
    const [r] = await wh.query<{ n: bigint; h: bigint | null }>(`SELECT count(*) AS n, sum(hash(x)) AS h FROM "${t.name}" x`);
    out[t.name] = `${r!.n}:${r!.h}`;
  }
  return out;
}

before(async () => {
  a = await tempStore();
  b = await tempStore();
});
after(async () => {
  await a.cleanup();
  await b.cleanup();
});

it('gives identical tables for the same seed, even over an earlier demo with another seed', async () => {
  await generateDemo(a.wh, { ...OPTIONS, seed: 7 });
  await generateDemo(b.wh, { ...OPTIONS, seed: 8 });
  const seed8 = await checksums(b.wh);
  await generateDemo(b.wh, { ...OPTIONS, seed: 7 });
  const [first, second] = [await checksums(a.wh), await checksums(b.wh)];
  assert.deepEqual(second, first);
  assert.notEqual(seed8.orders, first.orders, 'another seed gives other orders');
  assert.notEqual(seed8.order_lines, first.order_lines);
  // Replacing, not adding: one data change per run, but the rows of one run only.
  const [n] = await b.wh.query<{ n: bigint }>(`SELECT count(*) AS n FROM data_changes WHERE origin = 'demo'`);
  assert.equal(n!.n, 2n);
});

it('refuses a bad end day, seed or size with a coded error', async () => {
  const cases = [
    [{ ...OPTIONS, seed: 1, endDay: '2026-02-30' }, 'DEMO_BAD_END_DAY'],
    [{ ...OPTIONS, seed: -1 }, 'DEMO_BAD_SEED'],
    [{ ...OPTIONS, seed: 1, orderLines: 10 }, 'DEMO_BAD_SIZE'],
  ] as const;
  for (const [options, code] of cases) {
    await assert.rejects(generateDemo(a.wh, options), (e) => isShopLensError(e) && e.code === code, code);
  }
});
