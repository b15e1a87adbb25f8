/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): each buyer
 * purchases at a Poisson rate λ ~ Gamma(r, α) while alive and drops out after any purchase
 * with probability p ~ Beta(a, b). Fitted by maximum likelihood on (x, t_x, T) where
 * x = repeat purchases, t_x = time of the last purchase and T = time observed, both from the
 * first purchase. Rows carry a weight (how many buyers share them), so the warehouse can
 * hand over grouped rows and a fit on millions of buyers costs a fit on their distinct
 * (x, t_x, T).
 */
import { hyp2f1 } from './special.js';
import { bfgs } from './bfgs.js';
import { minimise } from './nelder-mead.js';

export interface RfmSummary {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** buyers sharing the row; 1 when the rows are single buyers */
  weight: Float64Array;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit extends BgNbdParams {
  /** log-likelihood at the optimum, summed over buyers */
  ll: number;
  buyers: number;
  evaluations: number;
  /** the optimum lies at the parameter box: the data barely identify the model (almost no repeat buying) */
  atBound: boolean;
}

/** Distinct values of a column and each row's index into them. */
function distinct(v: Float64Array): { values: Float64Array; index: Uint32Array } {
  const map = new Map<number, number>();
  const index = new Uint32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    let k = map.get(v[i]!);
    if (k === undefined) {
      k = map.size;
      map.set(v[i]!, k);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(map.keys()), index };
}

/**
 * The data indexed once per fit: x, t_x and T take few distinct values (whole days), so the
 * logs and lgamma terms of an evaluation are computed per distinct value, and each row costs
 * one exp and one log1p.
 */
export interface PreparedRfm {
  data: RfmSummary;
  x: ReturnType<typeof distinct>;
  tx: ReturnType<typeof distinct>;
  T: ReturnType<typeof distinct>;
}

export function prepareRfm(data: RfmSummary): PreparedRfm {
  return { data, x: distinct(data.x), tx: distinct(data.tx), T: distinct(data.T) };
}

/**
 * The x-only terms of each row's log-likelihood (A1 + A2 of the paper) and their derivatives.
 * x is a whole number of repeat purchases, so ln Γ(r+x) − ln Γ(r) = Σⱼ<ₓ ln(r+j) and so on:
 * the sums stay exact where differences of two huge lgammas would cancel catastrophically
 * (b in the millions is a real optimum for shops where drop-out barely varies).
 */
function headTerms(xs: Float64Array, p: BgNbdParams) {
  const { r, alpha, a, b } = p;
  const n = xs.length;
  const head = new Float64Array(n), drop = new Float64Array(n), hr = new Float64Array(n), ha = new Float64Array(n), hb = new Float64Array(n), db = new Float64Array(n);
  const order = Array.from(xs.keys()).sort((i, j) => xs[i]! - xs[j]!);
  let j = 0, lsum = 0, sr = 0, sb = 0, sab = 0;
  const lnAlpha = Math.log(alpha);
  for (const k of order) {
    const x = xs[k]!;
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`repeat purchases must be whole numbers, got ${x}`);
    for (; j < x; j++) {
      lsum += Math.log(r + j) + Math.log(b + j) - Math.log(a + b + j);
      sr += 1 / (r + j);
      sb += 1 / (b + j);
      sab += 1 / (a + b + j);
    }
    head[k] = lsum + r * lnAlpha;
    drop[k] = x > 0 ? Math.log(a) - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
    hr[k] = sr + lnAlpha;
    ha[k] = -sab;
    hb[k] = sb - sab;
    db[k] = x > 0 ? -1 / (b + x - 1) : 0;
  }
  return { head, drop, hr, ha, hb, db };
}

/** Summed log-likelihood of the data at `p`. */
export function bgNbdLogLikelihood(data: RfmSummary | PreparedRfm, p: BgNbdParams): number {
  return bgNbdGradient('data' in data ? data : prepareRfm(data), p, false).ll;
}

/**
 * Log-likelihood and its gradient in (r, α, a, b). With u = ln a − ln(b+x−1) − (r+x)(ln(α+t_x) − ln(α+T))
 * and σ = eᵘ/(1+eᵘ), each row's derivatives are the x-terms' plus σ times u's.
 */
export function bgNbdGradient(d: PreparedRfm, p: BgNbdParams, withGradient = true): { ll: number; grad: [number, number, number, number] } {
  const { r, alpha, a } = p;
  const { head, drop, hr, ha, hb, db } = headTerms(d.x.values, p);
  const logT = d.T.values.map((T) => Math.log(alpha + T)), invT = d.T.values.map((T) => 1 / (alpha + T));
  const logTx = d.tx.values.map((t) => Math.log(alpha + t)), invTx = d.tx.values.map((t) => 1 / (alpha + t));
  const { x, weight } = d.data;
  const xi = d.x.index, ti = d.T.index, txi = d.tx.index;
  let ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;
  for (let i = 0; i < x.length; i++) {
    const k = xi[i]!, w = weight[i]!;
    const rx = r + x[i]!;
    const lT = logT[ti[i]!]!;
    let li = head[k]! - rx * lT;
    let sig = 0, diff = 0;
    if (x[i]! > 0) {
      diff = logTx[txi[i]!]! - lT;
      const e = Math.exp(drop[k]! - rx * diff);
      li += Math.log1p(e);
      sig = e / (1 + e);
    }
    ll += w * li;
    if (!withGradient) continue;
    const iT = invT[ti[i]!]!;
    gr += w * (hr[k]! - lT - sig * diff);
    gal += w * (r / alpha - rx * iT - (sig === 0 ? 0 : sig * rx * (invTx[txi[i]!]! - iT)));
    ga += w * (ha[k]! + sig / a);
    gb += w * (hb[k]! + sig * db[k]!);
  }
  return { ll, grad: [gr, gal, ga, gb] };
}

export function fitBgNbd(data: RfmSummary): BgNbdFit {
  if (data.x.length === 0) throw new RangeError('BG/NBD needs at least one buyer');
  const prepared = prepareRfm(data);
  // On log-parameters θ = e^v: ∂f/∂v = θ · ∂f/∂θ.
  const fg = (v: number[]) => {
    // A box on log-parameters: data with almost no repeat buying pushes a, b toward 0 or ∞
    // where the formulas stop being computable; the optimum then sits on the box (see atBound).
    if (v.some((x) => Math.abs(x) > LOG_BOUND)) return { f: Number.POSITIVE_INFINITY, g: v.map(() => 0) };
    const p = fromLog(v);
    const { ll, grad } = bgNbdGradient(prepared, p);
    return { f: -ll, g: [-grad[0] * p.r, -grad[1] * p.alpha, -grad[2] * p.a, -grad[3] * p.b] };
  };
  // Several starts: on data with little repeat buying the surface has long ridges and one
  // start can stall at the box while another finds the higher likelihood.
  let res: { x: number[]; value: number; evaluations: number } = { x: [0, 0, 0, 0], value: Number.POSITIVE_INFINITY, evaluations: 0 };
  for (const start of [[0, 0, 0, 0], [0, 0, 3, 3], [0, 2, 2, 0]]) {
    const r = bfgs(fg, start, { tolerance: 1e-14 });
    const evaluations = res.evaluations + r.evaluations;
    if (r.value < res.value) res = { ...r, evaluations };
    else res.evaluations = evaluations;
  }
  const bounded = (v: number[]) => (v.some((x) => Math.abs(x) > LOG_BOUND) ? Number.POSITIVE_INFINITY : -bgNbdLogLikelihood(prepared, fromLog(v)));
  const stuck = !Number.isFinite(res.value) || res.x.some((x) => Math.abs(x) > LOG_BOUND - 0.5);
  // Derivative-free polish where BFGS ended on the box, when the data are small enough for it
  // (a large shop with flat drop-out lands on the box too, and there the likelihood is flat).
  if (stuck && data.x.length <= 50_000) {
    for (const start of Number.isFinite(res.value) ? [res.x, [0, 0, 0, 0]] : [[0, 0, 0, 0]]) {
      const nm = minimise(bounded, start, { step: 1, maxEvaluations: 4000, maxRestarts: 4 });
      if (nm.value < res.value) res = { x: nm.x, value: nm.value, evaluations: res.evaluations + nm.evaluations };
    }
  }
  let buyers = 0;
  for (let i = 0; i < data.weight.length; i++) buyers += data.weight[i]!;
  return { ...fromLog(res.x), ll: -res.value, buyers, evaluations: res.evaluations, atBound: res.x.some((x) => Math.abs(x) > LOG_BOUND - 0.5) };
}

/** Parameters stay within e^±15 (3e-7 … 3e6). */
const LOG_BOUND = 15;

const fromLog = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });

/** P(alive | x, t_x, T): the chance the buyer has not dropped out by T. */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 / (1 + (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))));
}

/** E[purchases in (T, T + t] | x, t_x, T] — the paper's equation (10). */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  if (t <= 0) return 0;
  const z = t / (alpha + T + t);
  const tail = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  const num = ((a + b + x - 1) / (a - 1)) * (1 - tail);
  const den = x > 0 ? 1 + (a / (b + x - 1)) * Math.exp((r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))) : 1;
  return num / den;
}
