/**
 * Nelder–Mead minimiser. Model fits run it on log-parameters (so every parameter stays
 * positive) and restart from the best point with a fresh simplex until a restart no longer
 * improves the objective: a single run can stall on a flat ridge, which the BG/NBD
 * likelihood has along (a, b).
 */

export interface MinimiseResult {
  x: number[];
  value: number;
  evaluations: number;
  restarts: number;
}

export interface MinimiseOptions {
  /** initial step of the simplex in each coordinate */
  step?: number;
  /** stop when the simplex's values differ by less than this */
  tolerance?: number;
  maxEvaluations?: number;
  maxRestarts?: number;
}

function nelderMead(f: (x: number[]) => number, start: number[], step: number, tol: number, maxEval: number) {
  const n = start.length;
  const pts: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i]! += step;
    pts.push(p);
  }
  const vals = pts.map(safe(f));
  let evals = n + 1;
  const g = safe(f);
  while (evals < maxEval) {
    const order = vals.map((_, i) => i).sort((i, j) => vals[i]! - vals[j]!);
    const sp = order.map((i) => pts[i]!);
    const sv = order.map((i) => vals[i]!);
    pts.splice(0, pts.length, ...sp);
    vals.splice(0, vals.length, ...sv);
    if (Math.abs(vals[n]! - vals[0]!) <= tol * (Math.abs(vals[0]!) + tol)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += pts[i]![j]! / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (pts[n]![j]! - c));
    const xr = along(-1);
    const fr = g(xr);
    evals++;
    if (fr < vals[0]!) {
      const xe = along(-2);
      const fe = g(xe);
      evals++;
      if (fe < fr) { pts[n] = xe; vals[n] = fe; } else { pts[n] = xr; vals[n] = fr; }
    } else if (fr < vals[n - 1]!) {
      pts[n] = xr;
      vals[n] = fr;
    } else {
      const xc = fr < vals[n]! ? along(-0.5) : along(0.5);
      const fc = g(xc);
      evals++;
      if (fc < Math.min(fr, vals[n]!)) {
        pts[n] = xc;
        vals[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i]!.map((v, j) => pts[0]![j]! + 0.5 * (v - pts[0]![j]!));
          vals[i] = g(pts[i]!);
        }
        evals += n;
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i]! < vals[best]!) best = i;
  return { x: pts[best]!, value: vals[best]!, evaluations: evals };
}

/** A non-finite objective (overflow far from the optimum) counts as +∞, never as a minimum. */
const safe = (f: (x: number[]) => number) => (x: number[]) => {
  const v = f(x);
  return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
};

export function minimise(f: (x: number[]) => number, start: number[], options: MinimiseOptions = {}): MinimiseResult {
  const step = options.step ?? 0.5;
  const tol = options.tolerance ?? 1e-12;
  const maxEval = options.maxEvaluations ?? 20_000;
  let best = nelderMead(f, start, step, tol, maxEval);
  let evaluations = best.evaluations;
  let restarts = 0;
  for (; restarts < (options.maxRestarts ?? 20); restarts++) {
    const next = nelderMead(f, best.x, step / 4, tol, maxEval);
    evaluations += next.evaluations;
    const gain = best.value - next.value;
    if (next.value < best.value) best = next;
    if (!(gain > tol * (Math.abs(best.value) + tol))) break;
  }
  return { x: best.x, value: best.value, evaluations, restarts };
}
