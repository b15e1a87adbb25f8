/**
 * Discrete quantiles from a histogram (value, count) sorted by value — the same pick as
 * DuckDB's quantile_disc: the value at 0-based position max(1, n − ⌊n − q·n⌋) − 1 of the sorted
 * list, the smallest value whose cumulative share reaches q. RFM's recency and frequency take
 * a few hundred distinct values and monetary a few hundred thousand, so grouping them and
 * walking the counts replaces three sorts of millions of rows.
 */
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
