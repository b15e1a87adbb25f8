/**
 * Gamma-Gamma spend model (Fader & Hardie, "The Gamma-Gamma model of monetary value",
 * 2013; Colombo & Jiang 1999): a buyer's transaction values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ) across buyers (the note's γ is lifetimes' v). Fitted by maximum likelihood
 * on the buyers with repeat purchases, from x (repeat transactions) and z̄ (their mean value).
 */
import { digamma, lgamma } from './special.js';
import { bfgs } from './bfgs.js';
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
  return gammaGammaGradient(d, par).ll;
}

/**
 * Log-likelihood and gradient in (p, q, v). Terms that depend only on x (lgamma, digamma,
 * ln x) are computed once per distinct x; each row costs one log.
 */
export function gammaGammaGradient(d: SpendSummary, par: GammaGammaParams): { ll: number; grad: [number, number, number] } {
  const { p, q, v } = par;
  const lnV = Math.log(v);
  const common = -lgamma(q) + q * lnV;
  const psiQ = digamma(q);
  const perX = new Map<number, { h: number; hp: number; hq: number; lnx: number }>();
  let ll = 0, gp = 0, gq = 0, gv = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i]!, z = d.zbar[i]!, w = d.weight[i]!;
    let t = perX.get(x);
    if (t === undefined) {
      const lnx = Math.log(x);
      const psiSum = digamma(p * x + q);
      t = { h: lgamma(p * x + q) - lgamma(p * x) + p * x * lnx, hp: x * (psiSum - digamma(p * x)) + x * lnx, hq: psiSum - psiQ + lnV, lnx };
      perX.set(x, t);
    }
    const lnz = Math.log(z);
    const lnxzv = Math.log(x * z + v);
    ll += w * (common + t.h + (p * x - 1) * lnz - (p * x + q) * lnxzv);
    gp += w * (t.hp + x * lnz - x * lnxzv);
    gq += w * (t.hq - lnxzv);
    gv += w * (q / v - (p * x + q) / (x * z + v));
  }
  return { ll, grad: [gp, gq, gv] };
}

/** Only buyers with x > 0 and z̄ > 0 carry information on spend; the caller filters. */
export function fitGammaGamma(d: SpendSummary): GammaGammaFit {
  if (d.x.length === 0) throw new RangeError('Gamma-Gamma needs at least one repeat buyer');
  const fg = (u: number[]) => {
    if (u.some((x) => Math.abs(x) > 15)) return { f: Number.POSITIVE_INFINITY, g: u.map(() => 0) };
    const par = fromLog(u);
    const { ll, grad } = gammaGammaGradient(d, par);
    return { f: -ll, g: [-grad[0] * par.p, -grad[1] * par.q, -grad[2] * par.v] };
  };
  let res: { x: number[]; value: number } = bfgs(fg, [0, 0, 0], { tolerance: 1e-14 });
  if (!Number.isFinite(res.value)) res = minimise((u) => -gammaGammaLogLikelihood(d, fromLog(u)), [0, 0, 0], { step: 1 });
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
