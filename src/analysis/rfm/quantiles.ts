/**
 * Discrete quantiles from a histogram (value, count) sorted by value — the same pick as
 * DuckDB's quantile_disc: the value at 0-based position max(1, n − ⌊n − q·n⌋) − 1 of the sorted
 * list, the smallest value whose cumulative share reaches q. RFM's recency and frequency take
 * a few hundred distinct values and monetary a few hundred thousand, so grouping them and
 * walking the counts replaces three sorts of millions of rows.
 */
import type { Warehouse } from '../../warehouse/index.js';
import { Params } from '../sql.js';
export interface Bin<V> {
  value: V;
  count: number;
}

export function histogramQuantiles<V>(bins: readonly Bin<V>[], fractions: readonly number[]): V[] {
  const n = bins.reduce((a, b) => a + b.count, 0);
  if (n === 0) throw new Error('quantiles of an empty histogram');
  return fractions.map((q) => {
    const pos = Math.max(1, n - Math.floor(n - q * n)) - 1;
    let seen = 0;
    for (const b of bins) {
      seen += b.count;
      if (seen > pos) return b.value;
    }
    return bins[bins.length - 1]!.value;
  });
}

/**
 * The same quantiles of an integer column with many distinct values, in two cheap passes: a
 * histogram of `floor(col / width)` buckets locates the bucket holding each quantile's
 * position, then the exact values of just those buckets are counted. `rows(p)` is the SELECT
 * the column comes from.
 */
export async function twoPassQuantiles(
  wh: Warehouse, rows: (p: Params) => string, col: string, width: number, fractions: readonly number[],
): Promise<unknown[]> {
  const bucket = `floor(${col} / ${width})`;
  const p1 = new Params(wh);
  const buckets = await wh.query(`SELECT ${bucket} AS b, count(*) AS n FROM (${rows(p1)}) r GROUP BY b ORDER BY b`, p1.values);
  const n = buckets.reduce((a, b) => a + Number(b.n), 0);
  if (n === 0) throw new Error('quantiles of no rows');
  // Each fraction's 0-based position, the bucket holding it and the rows before that bucket.
  const picks = fractions.map((q) => {
    const pos = Math.max(1, n - Math.floor(n - q * n)) - 1;
    let before = 0;
    for (const b of buckets) {
      if (before + Number(b.n) > pos) return { pos, bucket: Number(b.b), before };
      before += Number(b.n);
    }
    throw new Error('position past the last bucket');
  });
  const p2 = new Params(wh);
  const wanted = [...new Set(picks.map((x) => x.bucket))];
  const values = await wh.query(`SELECT ${col} AS v, count(*) AS n FROM (${rows(p2)}) r
    WHERE ${bucket} IN (${wanted.map((b) => p2.add(b)).join(', ')}) GROUP BY v ORDER BY v`, p2.values);
  return picks.map((x) => {
    const inBucket = (v: unknown) => Math.floor(Number(v) / width) === x.bucket;
    const bins = values.filter((v) => inBucket(v.v)).map((v) => ({ value: v.v, count: Number(v.n) }));
    let seen = x.before;
    for (const b of bins) {
      seen += b.count;
      if (seen > x.pos) return b.value;
    }
    throw new Error('position past the bucket');
  });
}
