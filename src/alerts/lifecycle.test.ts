import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isShopLensError } from '../core/errors.js';
import type { Check } from './detect/check.js';
import { advance, applyUserAction, isMuted, type AlertEvent, type DayResult } from './lifecycle.js';

const rule = { id: 'r', metric: 'refund_rate', severity: 'critical' as const, recoveryDays: 2 };
const chk = (breached: boolean, value = breached ? 0.4 : 0.05): Check => ({ breached, value, baseline: 0.05, delta: value - 0.05, deltaRatio: (value - 0.05) / 0.05 });
const res = (key: string, breached: boolean, sustained = breached, value?: number): DayResult => ({ entityKey: key, entity: { sku: key }, check: chk(breached, value), sustained, shopIds: ['s1'] });

describe('de-duplication and recovery', () => {
  it('opens once per entity, keeps the peak, resolves after two clear days, then can open again', () => {
    const open = new Map<string, AlertEvent>();
    const id = (k: string) => `${k}#${open.size}`;
    const d1 = advance(rule, open, [res('A', true), res('B', true, false)], '2026-05-01', id);
    assert.deepEqual(d1.opened.map((e) => e.entityKey), ['A'], 'B breached but not sustained yet');
    const d2 = advance(rule, open, [res('A', true, true, 0.6), res('B', true)], '2026-05-02', id);
    assert.deepEqual(d2.opened.map((e) => e.entityKey), ['B'], 'A is already open: not opened again');
    assert.equal(open.get('A')!.peakValue, 0.6);
    assert.equal(open.get('A')!.value, 0.4, 'the opening numbers stay');
    const d3 = advance(rule, open, [res('A', false), res('B', true)], '2026-05-03', id);
    assert.equal(d3.resolved.length, 0, 'one clear day is not recovery');
    const d4 = advance(rule, open, [res('A', true), res('B', true)], '2026-05-04', id);
    assert.equal(d4.opened.length, 0, 'a breach resets the clear streak without a new alert');
    advance(rule, open, [res('A', false)], '2026-05-05', id);
    const d6 = advance(rule, open, [res('A', false)], '2026-05-06', id);
    // B had no data on 05 and 06: two clear days for it too
    assert.deepEqual(d6.resolved.map((e) => [e.entityKey, e.resolvedDay, e.resolvedBy]).sort(), [['A', '2026-05-06', 'recovered'], ['B', '2026-05-06', 'recovered']]);
    assert.equal(open.size, 0);
    const d7 = advance(rule, open, [res('A', true)], '2026-05-07', id);
    assert.equal(d7.opened.length, 1);
    assert.equal(d7.opened[0]!.openedDay, '2026-05-07');
  });
});

describe('user actions', () => {
  const ev = (): AlertEvent => ({
    id: 'x', ruleId: 'r', entityKey: 'A', entity: {}, metric: 'm', severity: 'warning', status: 'open', openedDay: '2026-05-01',
    lastBreachDay: '2026-05-01', clearStreak: 0, value: 1, baseline: 0, deltaRatio: null, peakValue: 1, shopIds: ['s1'],
  });

  it('acknowledge, snooze (muted until the time), resolve; a resolved alert cannot be snoozed', () => {
    const a = applyUserAction(ev(), { kind: 'acknowledge', by: 'u1' }, '2026-05-02');
    assert.deepEqual([a.status, a.acknowledgedBy], ['acknowledged', 'u1']);
    const s = applyUserAction(a, { kind: 'snooze', until: '2026-05-03T00:00:00.000Z' }, '2026-05-02');
    assert.equal(isMuted(s, new Date('2026-05-02T12:00:00Z')), true);
    assert.equal(isMuted(s, new Date('2026-05-03T00:00:01Z')), false);
    const r = applyUserAction(s, { kind: 'resolve' }, '2026-05-02');
    assert.deepEqual([r.status, r.resolvedBy, r.resolvedDay], ['resolved', 'user', '2026-05-02']);
    assert.throws(() => applyUserAction(r, { kind: 'snooze', until: 'x' }, '2026-05-02'), (e) => isShopLensError(e) && e.code === 'ALERT_BAD_TRANSITION');
  });
});
