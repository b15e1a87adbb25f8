/**
 * Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma model of monetary value",
 * 2013; Colombo & Jiang 1999): a buyer's transaction values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ) across buyers (the note's γ is lifetimes' v). Fitted by maximum likelihood
 * on the buyers with repeat purchases, from x (repeat transactions) and z̄ (their mean value).
 */
import { lgamma } from './special.js';
import { minimise } from './nelder-mead.js';

export interface SpendSummary {
  x: Float64Array;
  zbar: Float64Array;
  weight: Float64Array;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  ll: number;
  buyers: number;
}

export function gammaGammaLogLikelihood(d: SpendSummary, par: GammaGammaParams): number {
  const { p, q, v } = par;
  const common = -lgamma(q) + q * Math.log(v);
  const byX = new Map<number, number>();
  let ll = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i]!;
    const z = d.zbar[i]!;
    let h = byX.get(x);
    if (h === undefined) {
      h = lgamma(p * x + q) - lgamma(p * x) + p * x * Math.log(x);
      byX.set(x, h);
    }
    ll += d.weight[i]! * (common + h + (p * x - 1) * Math.log(z) - (p * x + q) * Math.log(x * z + v));
  }
  return ll;
}

/** Only buyers with x > 0 and z̄ > 0 carry information on spend; the caller filters. */
export function fitGammaGamma(d: SpendSummary): GammaGammaFit {
  if (d.x.length === 0) throw new RangeError('Gamma-Gamma needs at least one repeat buyer');
  const nll = (v: number[]) => -gammaGammaLogLikelihood(d, fromLog(v));
  const res = minimise(nll, [0, 0, 0], { step: 1 });
  let buyers = 0;
  for (let i = 0; i < d.weight.length; i++) buyers += d.weight[i]!;
  return { ...fromLog(res.x), ll: -res.value, buyers };
}

const fromLog = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), v: Math.exp(v[2]!) });

/**
 * E[Z | x, z̄]: a buyer's expected mean transaction value, shrunk from z̄ toward the
 * population mean pν/(q − 1) the fewer transactions the buyer has.
 */
export function expectedAverageSpend(par: GammaGammaParams, x: number, zbar: number): number {
  const { p, q, v } = par;
  return (p * (v + x * zbar)) / (p * x + q - 1);
}
