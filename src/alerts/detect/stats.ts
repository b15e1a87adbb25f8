/** Robust statistics the detectors share. Median/MAD ignore the outliers a mean would chase. */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from the median. */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** 1.4826 · MAD estimates the standard deviation of normal data (1 / Φ⁻¹(3/4)). */
export const MAD_TO_SIGMA = 1.4826;

/** √(π/2): mean absolute deviation → σ for normal data. */
export const MEAN_AD_TO_SIGMA = 1.253314;

/** ISO weekday 1 (Mon) … 7 (Sun) of a 'YYYY-MM-DD' day. */
export function weekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
