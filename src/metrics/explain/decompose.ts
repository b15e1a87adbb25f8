/**
 * Splitting a change into driver contributions that add up exactly to it.
 * - sum drivers (net profit = net sales − COGS − expenses): each term's signed change;
 * - product drivers (paid amount = visitors × conversion × AOV): Shapley values — each factor's
 *   effect averaged over every order of switching factors from old to new. They telescope to
 *   new − old exactly in exact arithmetic; rounding is settled by largest remainder on fen.
 */

/** Shapley contributions of each factor to Π new − Π old. */
export function shapleyProduct(prev: readonly number[], cur: readonly number[]): number[] {
  const n = prev.length;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const value = (mask: number) => prev.reduce((p, x, j) => p * ((mask >> j) & 1 ? cur[j]! : x), 1);
  const out = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let mask = 0; mask < 1 << n; mask++) {
      if ((mask >> i) & 1) continue;
      const size = bitCount(mask);
      const weight = (fact(size) * fact(n - size - 1)) / fact(n);
      out[i]! += weight * (value(mask | (1 << i)) - value(mask));
    }
  }
  return out;
}

function bitCount(m: number): number {
  let c = 0;
  for (let x = m; x; x &= x - 1) c++;
  return c;
}

/**
 * Rounds contributions to whole units (fen) so they add up to `total` exactly: floor each, then
 * give the remaining units to the largest fractional parts.
 */
export function roundToTotal(parts: readonly number[], total: bigint): bigint[] {
  const floors = parts.map((p) => BigInt(Math.floor(p)));
  let left = total - floors.reduce((s, x) => s + x, 0n);
  const order = parts.map((p, i) => ({ i, frac: p - Math.floor(p) })).sort((a, b) => b.frac - a.frac);
  const step = left >= 0n ? 1n : -1n;
  for (let k = 0; left !== 0n; k = (k + 1) % order.length) {
    floors[order[k]!.i]! += step;
    left -= step;
  }
  return floors;
}

/** Float contributions made to add up to `total`: the last absorbs the rounding residue. */
export function settleFloat(parts: readonly number[], total: number): number[] {
  const out = [...parts];
  out[out.length - 1] = total - out.slice(0, -1).reduce((s, x) => s + x, 0);
  return out;
}
