/**
 * Special functions the customer-base models need: log-gamma (Lanczos, g = 7, nine
 * coefficients, ~1e-15 relative error), log-beta, and Gauss's hypergeometric 2F1 by its
 * series (only ever evaluated at 0 ≤ z < 1, where the series converges).
 */

const G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (the models never need negative arguments). */
export function lgamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  // Reflection keeps the Lanczos sum in its accurate range for small arguments.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < G + 2; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + G + 0.5;
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/**
 * 2F1(a, b; c; z) for 0 ≤ z < 1 by summing the series until a term stops mattering. Terms
 * can grow before they shrink when z is near 1, so the stop test is relative to the sum.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (z < 0 || z >= 1) throw new RangeError(`hyp2f1 needs 0 <= z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 1_000_000; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    sum += term;
    if (Math.abs(term) < 1e-15 * Math.abs(sum)) return sum;
  }
  return sum;
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to x ≥ 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  // ln x − 1/2x − Σ B₂ₖ / (2k x²ᵏ)
  const series = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
  return acc + Math.log(x) - 0.5 / x - series;
}
