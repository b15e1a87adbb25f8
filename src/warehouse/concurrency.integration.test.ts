/**
 * The server answers several requests at once on one warehouse, and an analysis may load a temp
 * table while another request queries: a DuckDB connection runs one statement at a time, so
 * the warehouse must queue them rather than let a second statement close the first one's
 * pending result.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { defineTable, str, bigint } from '../model/index.js';
import { tempStore } from '../../test/helpers/store.js';
import type { Warehouse } from './warehouse.js';

const scratch = defineTable({
  name: 'concurrency_scratch',
  grain: 'one row per number',
  key: ['n'],
  columns: { n: bigint('a number'), label: str('its text') },
});

describe('DuckDB warehouse under concurrent use', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let wh: Warehouse;
  before(async () => {
    store = await tempStore();
    wh = store.wh;
  });
  after(async () => store.cleanup());

  it('answers many overlapping queries and bulk loads on one warehouse, each correctly', async () => {
    // Σ 1..n = n(n+1)/2, worked out independently of DuckDB for every n below.
    const sizes = Array.from({ length: 24 }, (_, i) => 3_000_000 + i * 1_000);
    const loads = [0, 1, 2].map(async (k) => {
      const name = `concurrency_scratch_${k}`;
      await wh.exec(`CREATE TEMP TABLE ${name} (n BIGINT NOT NULL, label VARCHAR NOT NULL)`);
      async function* rows() {
        for (let i = 1; i <= 200_000; i++) {
          if (i % 2_048 === 0) await new Promise((r) => setImmediate(r)); // let the queries interleave
          yield { n: BigInt(i), label: String(i) };
        }
      }
      const written = await wh.bulkLoad(scratch, rows(), { into: name });
      const [row] = await wh.query<{ s: bigint }>(`SELECT sum(n) AS s FROM ${name}`);
      return { written, sum: row!.s };
    });
    const sums = sizes.map((n) => wh.query<{ s: bigint }>(`SELECT sum(i) AS s FROM range(1, CAST($1 AS BIGINT) + 1) t(i)`, [n]).then((r) => r[0]!.s));
    const [loaded, answers] = await Promise.all([Promise.all(loads), Promise.all(sums)]);
    assert.deepEqual(answers, sizes.map((n) => BigInt(n) * BigInt(n + 1) / 2n));
    for (const l of loaded) assert.deepEqual(l, { written: 200_000, sum: 200_000n * 200_001n / 2n });
  });
});
