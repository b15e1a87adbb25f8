/** Analytic gradients against central finite differences of the log-likelihoods (an independent computation). */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bgNbdGradient, bgNbdLogLikelihood, prepareRfm } from './bg-nbd.js';
import { gammaGammaGradient, gammaGammaLogLikelihood } from './gamma-gamma.js';
import { digamma, lgamma } from './special.js';

const rfm = prepareRfm({
  x: Float64Array.of(0, 1, 2, 5, 0, 3), tx: Float64Array.of(0, 3.5, 10, 20, 0, 7), T: Float64Array.of(30, 30, 25, 22, 8, 40), weight: Float64Array.of(3, 1, 2, 1, 5, 1),
});
const spend = { x: Float64Array.of(1, 2, 5, 2), zbar: Float64Array.of(20, 35.5, 12, 80), weight: Float64Array.of(2, 1, 1, 3) };

function numeric(f: (v: number[]) => number, at: number[]): number[] {
  return at.map((_, i) => {
    const h = 1e-6 * Math.max(1, Math.abs(at[i]!));
    const up = at.slice(), dn = at.slice();
    up[i]! += h;
    dn[i]! -= h;
    return (f(up) - f(dn)) / (2 * h);
  });
}
const near = (a: readonly number[], b: readonly number[]) => a.forEach((v, i) => assert.ok(Math.abs(v - b[i]!) < 1e-5 * Math.max(1, Math.abs(b[i]!)), `${a} vs ${b}`));

it('digamma is the derivative of lgamma and ψ(1) = −γ', () => {
  assert.ok(Math.abs(digamma(1) + 0.5772156649015329) < 1e-12);
  for (const x of [0.3, 2.5, 40]) near([digamma(x)], numeric(([v]) => lgamma(v!), [x]));
});

it('BG/NBD gradient matches finite differences', () => {
  for (const p of [[0.24, 4.4, 0.79, 2.4], [1.5, 0.7, 3, 0.9]]) {
    const at = { r: p[0]!, alpha: p[1]!, a: p[2]!, b: p[3]! };
    near(bgNbdGradient(rfm, at).grad, numeric(([r, alpha, a, b]) => bgNbdLogLikelihood(rfm, { r: r!, alpha: alpha!, a: a!, b: b! }), p));
  }
});

it('Gamma-Gamma gradient matches finite differences', () => {
  const p = [6.25, 3.74, 15.45];
  near(gammaGammaGradient(spend, { p: p[0]!, q: p[1]!, v: p[2]! }).grad, numeric(([a, b, c]) => gammaGammaLogLikelihood(spend, { p: a!, q: b!, v: c! }), p));
});
