/**
 * Additive Holt–Winters with a weekly season, fitted by least squares on one-step errors
 * (Nelder–Mead on logit-parameters). Known campaign days do not update the level, trend or
 * season (a 双11 spike is not the new normal); their ratio to the model's forecast is learnt
 * per campaign phase and applied to the same phase ahead.
 */
import { minimise } from '../ltv/nelder-mead.js';

const M = 7;

export interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
}

interface State { level: number; trend: number; season: number[] }

function init(y: readonly number[]): State {
  const w1 = y.slice(0, M), w2 = y.slice(M, 2 * M);
  const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const level = mean(w1);
  const trend = w2.length === M ? (mean(w2) - level) / M : 0;
  return { level, trend, season: w1.map((v) => v - level) };
}

/** Runs the filter; returns one-step forecasts and the final state. `skip[i]` marks campaign days. */
export function filter(y: readonly number[], skip: readonly boolean[], p: HwParams): { fitted: number[]; state: State } {
  const s = init(y);
  const fitted: number[] = [];
  for (let i = 0; i < y.length; i++) {
    const k = i % M;
    const f = s.level + s.trend + s.season[k]!;
    fitted.push(f);
    const obs = skip[i] ? f : y[i]!;
    const level = p.alpha * (obs - s.season[k]!) + (1 - p.alpha) * (s.level + s.trend);
    s.trend = p.beta * (level - s.level) + (1 - p.beta) * s.trend;
    s.season[k] = p.gamma * (obs - level) + (1 - p.gamma) * s.season[k]!;
    s.level = level;
  }
  return { fitted, state: s };
}

const logistic = (v: number) => 1 / (1 + Math.exp(-v));

export function fitHoltWinters(y: readonly number[], skip: readonly boolean[]): HwParams {
  if (y.length < 2 * M) return { alpha: 0.3, beta: 0.05, gamma: 0.2 };
  const sse = (v: number[]) => {
    const p = { alpha: logistic(v[0]!), beta: logistic(v[1]!), gamma: logistic(v[2]!) };
    const { fitted } = filter(y, skip, p);
    let e = 0;
    for (let i = M; i < y.length; i++) if (!skip[i]) e += (y[i]! - fitted[i]!) ** 2;
    return e;
  };
  const r = minimise(sse, [-1, -3, -1.5], { step: 1, maxEvaluations: 2000, maxRestarts: 3 });
  return { alpha: logistic(r.x[0]!), beta: logistic(r.x[1]!), gamma: logistic(r.x[2]!) };
}

/** h-step forecasts from the end of `y` (day index continues the season). */
export function forecast(y: readonly number[], skip: readonly boolean[], p: HwParams, h: number): number[] {
  const { state } = filter(y, skip, p);
  return Array.from({ length: h }, (_, j) => Math.max(0, state.level + (j + 1) * state.trend + state.season[(y.length + j) % M]!));
}

/** Mean absolute percentage error over days with a positive actual; null when there are none. */
export function mape(actual: readonly number[], predicted: readonly number[]): number | null {
  let sum = 0, n = 0;
  actual.forEach((a, i) => {
    if (a > 0) { sum += Math.abs(a - predicted[i]!) / a; n++; }
  });
  return n === 0 ? null : sum / n;
}
