import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../../core/time.js';
import { parseRule } from '../rules/parse.js';
import type { AlertRuleInput } from '../rules/schema.js';
import { checkCondition } from './check.js';
import type { DayPoint, EntitySeries } from './series.js';

const MONDAY = '2026-03-02';
const series = (points: Record<string, DayPoint>): EntitySeries => ({ key: '*', entity: {}, points: new Map(Object.entries(points)) });
const rule = (condition: AlertRuleInput['condition'], extra: Partial<AlertRuleInput> = {}) =>
  parseRule({ id: 'r', name: { zh: '规则', en: 'rule' }, metric: 'm', condition, ...extra });

/** 28 days before `day`: Mondays ≈ 100, other days ≈ 10, each ±1 (two of each sign per weekday). */
function weekly(day: string, value: number): EntitySeries {
  const pts: Record<string, DayPoint> = { [day]: { value } };
  for (let i = 1; i <= 28; i++) {
    const d = addDays(day, -i);
    const monday = new Date(`${d}T00:00:00Z`).getUTCDay() === 1;
    pts[d] = { value: (monday ? 100 : 10) + (i % 2 === 0 ? 1 : -1) };
  }
  return series(pts);
}

describe('anomaly', () => {
  it('robust z: median 11, MAD 1 → scale 1.4826; 20 is z ≈ 6.07, 15 is z ≈ 2.70', () => {
    const base: Record<string, DayPoint> = {};
    for (let i = 1; i <= 14; i++) base[addDays(MONDAY, -i)] = { value: i % 2 === 0 ? 10 : 12 };
    const r = rule({ kind: 'anomaly', method: 'robust_z', historyDays: 14 });
    const high = checkCondition(r, series({ ...base, [MONDAY]: { value: 20 } }), MONDAY);
    assert.equal(high.breached, true);
    assert.equal(high.baseline, 11);
    assert.ok(Math.abs(high.z! - 9 / 1.4826) < 1e-9);
    const mild = checkCondition(r, series({ ...base, [MONDAY]: { value: 15 } }), MONDAY);
    assert.equal(mild.breached, false);
    assert.ok(Math.abs(mild.z! - 4 / 1.4826) < 1e-9);
    const down = checkCondition(rule({ kind: 'anomaly', method: 'robust_z', historyDays: 14, direction: 'up' }), series({ ...base, [MONDAY]: { value: 2 } }), MONDAY);
    assert.equal(down.breached, false, 'direction up ignores a drop');
  });

  it('seasonal: a normal Monday peak is not an anomaly, though robust z would call it one', () => {
    const seasonal = rule({ kind: 'anomaly', method: 'seasonal', historyDays: 28 });
    const plain = rule({ kind: 'anomaly', method: 'robust_z', historyDays: 28 });
    const normal = checkCondition(seasonal, weekly(MONDAY, 100), MONDAY);
    assert.deepEqual([normal.breached, normal.baseline, normal.z], [false, 100, 0]);
    assert.equal(checkCondition(plain, weekly(MONDAY, 100), MONDAY).breached, true);
    // +10 is z ≈ 6.7 but only 10 % of the baseline: under minRelativeChange 20 %
    assert.equal(checkCondition(seasonal, weekly(MONDAY, 110), MONDAY).breached, false);
    const spike = checkCondition(seasonal, weekly(MONDAY, 130), MONDAY);
    assert.equal(spike.breached, true);
    assert.ok(Math.abs(spike.deltaRatio! - 0.3) < 1e-12);
    // Tuesday: baseline 10; 4 is a 60 % drop and z = −6 / 1.4826
    const tue = addDays(MONDAY, 1);
    const drop = checkCondition(seasonal, weekly(tue, 4), tue);
    assert.equal(drop.baseline, 10);
    assert.equal(drop.breached, true);
  });

  it('skipped days (campaigns) leave the baseline and too little history never alerts', () => {
    const r = rule({ kind: 'anomaly', method: 'robust_z', historyDays: 14 });
    const pts: Record<string, DayPoint> = { [MONDAY]: { value: 50 } };
    for (let i = 1; i <= 14; i++) pts[addDays(MONDAY, -i)] = { value: i <= 3 ? 50 : 10 + (i % 2) };
    const skip = (d: string) => d >= addDays(MONDAY, -3);
    // days −1..−3 are a campaign at 50: skipping them leaves a baseline near 10
    assert.equal(checkCondition(r, series(pts), MONDAY, skip).breached, true);
    const sparse = series({ [MONDAY]: { value: 50 }, [addDays(MONDAY, -1)]: { value: 10 } });
    assert.equal(checkCondition(r, sparse, MONDAY).breached, false);
  });
});

describe('threshold, change, freshness, volume', () => {
  it('threshold below a constant or another metric', () => {
    assert.equal(checkCondition(rule({ kind: 'threshold', op: 'below', value: 7 }), series({ [MONDAY]: { value: 3 } }), MONDAY).breached, true);
    assert.equal(checkCondition(rule({ kind: 'threshold', op: 'below', value: 7 }), series({ [MONDAY]: { value: 7 } }), MONDAY).breached, false);
    const against = rule({ kind: 'threshold', op: 'below', value: 0, againstMetric: 'target' });
    const c = checkCondition(against, series({ [MONDAY]: { value: 2.5, against: 3 } }), MONDAY);
    assert.deepEqual([c.breached, c.baseline, c.delta], [true, 3, -0.5]);
  });

  it('change against the previous window and the same weekday 52 weeks ago', () => {
    const prev = rule({ kind: 'change', basis: 'previous_period', direction: 'down', percent: 30 }, { windowDays: 7 });
    const s = series({ [MONDAY]: { value: 69 }, [addDays(MONDAY, -7)]: { value: 100 }, [addDays(MONDAY, -364)]: { value: 50 } });
    const c = checkCondition(prev, s, MONDAY);
    assert.deepEqual([c.breached, c.baseline], [true, 100]);
    assert.ok(Math.abs(c.deltaRatio! + 0.31) < 1e-12);
    assert.equal(checkCondition(rule({ kind: 'change', basis: 'previous_period', direction: 'down', percent: 32 }, { windowDays: 7 }), s, MONDAY).breached, false);
    const yoy = checkCondition(rule({ kind: 'change', basis: 'same_period_last_year', direction: 'up', percent: 38 }), s, MONDAY);
    assert.deepEqual([yoy.breached, yoy.baseline], [true, 50]);
  });

  it('freshness: a shop that usually has orders and has none today', () => {
    const r = rule({ kind: 'freshness', lookbackDays: 7, minTypical: 5 });
    const pts: Record<string, DayPoint> = {};
    for (let i = 1; i <= 7; i++) pts[addDays(MONDAY, -i)] = { value: 30 };
    const gap = checkCondition(r, series(pts), MONDAY);
    assert.deepEqual([gap.breached, gap.value, gap.baseline], [true, 0, 30]);
    assert.equal(checkCondition(r, series({ ...pts, [MONDAY]: { value: 1 } }), MONDAY).breached, false);
    const quiet: Record<string, DayPoint> = {};
    for (let i = 1; i <= 7; i++) quiet[addDays(MONDAY, -i)] = { value: i % 3 === 0 ? 5 : 0 };
    assert.equal(checkCondition(r, series(quiet), MONDAY).breached, false, 'a shop that is usually quiet is not stale');
  });

  it('entities below the minimum volume are not judged', () => {
    const r = rule({ kind: 'threshold', op: 'above', value: 0.1 }, { minVolume: { metric: 'paid_orders', value: 5 } });
    assert.equal(checkCondition(r, series({ [MONDAY]: { value: 0.5, volume: 4 } }), MONDAY).breached, false);
    assert.equal(checkCondition(r, series({ [MONDAY]: { value: 0.5, volume: 5 } }), MONDAY).breached, true);
  });
});
