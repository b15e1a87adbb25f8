/**
 * One condition checked for one entity on one day. Pure: the series carries every number,
 * so live evaluation and backtests run the same code.
 */
import { shiftDay as addDays } from '../days.js';
import type { AlertRule, Condition } from '../rules/schema.js';
import type { EntitySeries } from './series.js';
import { MAD_TO_SIGMA, MEAN_AD_TO_SIGMA, mad, median, weekday } from './stats.js';

export interface Check {
  readonly breached: boolean;
  readonly value: number | null;
  /** what the value is judged against: threshold, previous value or seasonal baseline */
  readonly baseline: number | null;
  /** value − baseline */
  readonly delta: number | null;
  /** (value − baseline) / |baseline|, null when the baseline is 0 */
  readonly deltaRatio: number | null;
  /** modified z-score, anomaly rules only */
  readonly z?: number;
}

const none = (value: number | null): Check => ({ breached: false, value, baseline: null, delta: null, deltaRatio: null });

function judged(value: number, baseline: number, breached: boolean, z?: number): Check {
  const delta = value - baseline;
  return { breached, value, baseline, delta, deltaRatio: baseline === 0 ? null : delta / Math.abs(baseline), ...(z !== undefined ? { z } : {}) };
}

/** Values of the `n` days before `day` that are usable (not skipped, not null). */
function history(s: EntitySeries, day: string, n: number, skip: (d: string) => boolean): { day: string; value: number }[] {
  const out: { day: string; value: number }[] = [];
  for (let i = 1; i <= n; i++) {
    const d = addDays(day, -i);
    if (skip(d)) continue;
    const v = s.points.get(d)?.value;
    if (v !== null && v !== undefined) out.push({ day: d, value: v });
  }
  return out;
}

/**
 * σ estimate of the residuals: 1.4826·MAD; when more than half the residuals are equal (MAD 0,
 * e.g. a SKU with no refund most weeks) 1.2533·mean absolute deviation, the fallback Iglewicz &
 * Hoaglin give for the modified z-score (√(π/2) turns a mean absolute deviation into σ).
 */
export function robustScale(residuals: readonly number[]): number {
  const m = mad(residuals);
  if (m > 0) return MAD_TO_SIGMA * m;
  const centre = median(residuals);
  return MEAN_AD_TO_SIGMA * (residuals.reduce((t, r) => t + Math.abs(r - centre), 0) / residuals.length);
}

function anomaly(c: Extract<Condition, { kind: 'anomaly' }>, s: EntitySeries, day: string, value: number, skip: (d: string) => boolean): Check {
  const hist = history(s, day, c.historyDays, skip);
  // fewer than half the history usable: too little to call anything abnormal
  if (hist.length < Math.max(7, c.historyDays / 2)) return none(value);
  let baseline: number;
  let residuals: number[];
  if (c.method === 'seasonal') {
    const byWeekday = new Map<number, number[]>();
    for (const h of hist) byWeekday.set(weekday(h.day), [...(byWeekday.get(weekday(h.day)) ?? []), h.value]);
    const profile = new Map([...byWeekday].map(([w, xs]) => [w, median(xs)]));
    const own = byWeekday.get(weekday(day));
    if (!own || own.length < 3) return none(value);
    baseline = profile.get(weekday(day))!;
    residuals = hist.map((h) => h.value - profile.get(weekday(h.day))!);
  } else {
    const xs = hist.map((h) => h.value);
    baseline = median(xs);
    residuals = xs.map((x) => x - baseline);
  }
  const scale = robustScale(residuals);
  const dev = value - baseline;
  const z = scale > 0 ? dev / scale : dev === 0 ? 0 : Math.sign(dev) * Infinity;
  const bigEnough = Math.abs(dev) >= c.minRelativeChange * Math.abs(baseline) && Math.abs(dev) >= c.minAbsoluteChange;
  const directionOk = c.direction === 'both' || (c.direction === 'up' ? z > 0 : z < 0);
  return judged(value, baseline, bigEnough && directionOk && Math.abs(z) >= c.sensitivity, z);
}

export function checkCondition(rule: AlertRule, s: EntitySeries, day: string, skip: (d: string) => boolean = () => false): Check {
  const point = s.points.get(day);
  const c = rule.condition;
  if (c.kind === 'freshness') {
    const value = point?.value ?? 0;
    const typical = median(history(s, day, c.lookbackDays, skip).map((h) => h.value));
    if (!(typical >= c.minTypical) || c.minTypical <= 0) return none(value);
    return judged(value, typical, value <= 0);
  }
  const value = point?.value ?? null;
  if (value === null) return none(null);
  if (rule.minVolume && !((point?.volume ?? 0) >= rule.minVolume.value)) return none(value);
  switch (c.kind) {
    case 'threshold': {
      const limit = c.againstMetric === undefined ? c.value : point?.against ?? null;
      if (limit === null) return none(value);
      return judged(value, limit, c.op === 'above' ? value > limit : value < limit);
    }
    case 'change': {
      const back = c.basis === 'previous_period' ? rule.windowDays : 364;
      const before = s.points.get(addDays(day, -back))?.value ?? null;
      if (before === null || before === 0) return none(value);
      const ratio = (value - before) / Math.abs(before);
      return judged(value, before, c.direction === 'up' ? ratio >= c.percent / 100 : ratio <= -c.percent / 100);
    }
    case 'anomaly':
      return anomaly(c, s, day, value, skip);
  }
}
