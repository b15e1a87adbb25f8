/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): each buyer
 * purchases at a Poisson rate λ ~ Gamma(r, α) while alive and drops out after any purchase
 * with probability p ~ Beta(a, b). Fitted by maximum likelihood on (x, t_x, T) where
 * x = repeat purchases, t_x = time of the last purchase and T = time observed, both from the
 * first purchase. Rows carry a weight (how many buyers share them), so the warehouse can
 * hand over grouped rows and a fit on millions of buyers costs a fit on their distinct
 * (x, t_x, T).
 */
import { hyp2f1, lgamma } from './special.js';
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
}

/** Indexes rows by their distinct x so lgamma terms are computed once per x, not per buyer. */
function distinctX(x: Float64Array): { values: number[]; index: Uint32Array } {
  const map = new Map<number, number>();
  const index = new Uint32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    let k = map.get(x[i]!);
    if (k === undefined) {
      k = map.size;
      map.set(x[i]!, k);
    }
    index[i] = k;
  }
  return { values: [...map.keys()], index };
}

/** Summed log-likelihood of the data at `p`. */
export function bgNbdLogLikelihood(data: RfmSummary, p: BgNbdParams, xs = distinctX(data.x)): number {
  const { r, alpha, a, b } = p;
  // Per distinct x: A1 + A2 of the paper's closed form, and ln a − ln(b + x − 1).
  const head = xs.values.map(
    (x) => lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + lgamma(a + b) + lgamma(b + x) - lgamma(b) - lgamma(a + b + x),
  );
  const dropTerm = xs.values.map((x) => (x > 0 ? Math.log(a) - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY));
  let ll = 0;
  const n = data.x.length;
  for (let i = 0; i < n; i++) {
    const k = xs.index[i]!;
    const rx = r + data.x[i]!;
    const a3 = -rx * Math.log(alpha + data.T[i]!);
    let li = head[k]! + a3;
    if (data.x[i]! > 0) li += Math.log1p(Math.exp(dropTerm[k]! - rx * Math.log(alpha + data.tx[i]!) - a3));
    ll += data.weight[i]! * li;
  }
  return ll;
}

export function fitBgNbd(data: RfmSummary): BgNbdFit {
  if (data.x.length === 0) throw new RangeError('BG/NBD needs at least one buyer');
  const xs = distinctX(data.x);
  const nll = (v: number[]) => -bgNbdLogLikelihood(data, fromLog(v), xs);
  const res = minimise(nll, [0, 0, 0, 0], { step: 1 });
  let buyers = 0;
  for (let i = 0; i < data.weight.length; i++) buyers += data.weight[i]!;
  return { ...fromLog(res.x), ll: -res.value, buyers, evaluations: res.evaluations };
}

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
