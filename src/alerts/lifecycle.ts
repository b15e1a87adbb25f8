/**
 * Alert events and their life: one open alert per rule × entity until it recovers.
 *   breach (held `consecutiveDays`)  → open (new event, notified)
 *   still breaching                  → same event, lastBreachDay and peak updated, not re-sent
 *   clear for `recoveryDays` in a row → resolved (by 'recovered')
 * acknowledged and snoozed events are still open for de-duplication; a snooze only mutes
 * notifications until it ends. Users resolve by hand too (resolvedBy 'user').
 */
import { fail } from '../core/errors.js';
import type { Check } from './detect/check.js';
import { AlertErrors } from './errors.js';
import type { Severity } from './notify/types.js';

export const alertStatuses = ['open', 'acknowledged', 'snoozed', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

export interface Contributor {
  readonly dimension: string;
  readonly value: string;
  /** this member's share of the move (its change / the total change) */
  readonly share: number;
  readonly current: number | null;
  readonly previous: number | null;
}

export interface AlertEvent {
  readonly id: string;
  readonly ruleId: string;
  readonly entityKey: string;
  readonly entity: Readonly<Record<string, string>>;
  readonly metric: string;
  readonly severity: Severity;
  status: AlertStatus;
  readonly openedDay: string;
  lastBreachDay: string;
  /** clear days in a row since the last breach */
  clearStreak: number;
  resolvedDay?: string;
  resolvedBy?: 'recovered' | 'user';
  /** numbers of the day it opened */
  readonly value: number | null;
  readonly baseline: number | null;
  readonly deltaRatio: number | null;
  readonly z?: number;
  /** the furthest value from the baseline while open */
  peakValue: number | null;
  contributors?: readonly Contributor[];
  /** shops the alert is about: who may receive it */
  readonly shopIds: readonly string[];
  snoozedUntil?: string;
  acknowledgedBy?: string;
}

export interface DayResult {
  readonly entityKey: string;
  readonly entity: Readonly<Record<string, string>>;
  readonly check: Check;
  /** breached on this day and the `consecutiveDays − 1` evaluated days before */
  readonly sustained: boolean;
  readonly shopIds: readonly string[];
}

export interface Transition {
  readonly opened: AlertEvent[];
  readonly resolved: AlertEvent[];
}

const further = (a: number | null, b: number | null, base: number | null) =>
  a === null ? b : b === null || base === null ? a : Math.abs(b - base) > Math.abs(a - base) ? b : a;

/** Advances the open events of one rule by one evaluated day. Mutates `open` (keyed by entity). */
export function advance(
  rule: { id: string; metric: string; severity: Severity; recoveryDays: number },
  open: Map<string, AlertEvent>,
  results: readonly DayResult[],
  day: string,
  newId: (entityKey: string) => string,
): Transition {
  const opened: AlertEvent[] = [];
  const resolved: AlertEvent[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    seen.add(r.entityKey);
    const ev = open.get(r.entityKey);
    if (ev) {
      if (r.check.breached) {
        ev.lastBreachDay = day;
        ev.clearStreak = 0;
        ev.peakValue = further(ev.peakValue, r.check.value, ev.baseline);
      } else if (++ev.clearStreak >= rule.recoveryDays) {
        ev.status = 'resolved';
        ev.resolvedDay = day;
        ev.resolvedBy = 'recovered';
        open.delete(r.entityKey);
        resolved.push(ev);
      }
      continue;
    }
    if (!r.sustained) continue;
    const ev2: AlertEvent = {
      id: newId(r.entityKey), ruleId: rule.id, entityKey: r.entityKey, entity: r.entity, metric: rule.metric, severity: rule.severity,
      status: 'open', openedDay: day, lastBreachDay: day, clearStreak: 0,
      value: r.check.value, baseline: r.check.baseline, deltaRatio: r.check.deltaRatio, ...(r.check.z !== undefined ? { z: r.check.z } : {}),
      peakValue: r.check.value, shopIds: r.shopIds,
    };
    open.set(r.entityKey, ev2);
    opened.push(ev2);
  }
  // an entity with no data today (a SKU that stopped selling) counts as clear
  for (const [key, ev] of open) {
    if (seen.has(key)) continue;
    if (++ev.clearStreak >= rule.recoveryDays) {
      ev.status = 'resolved';
      ev.resolvedDay = day;
      ev.resolvedBy = 'recovered';
      open.delete(key);
      resolved.push(ev);
    }
  }
  return { opened, resolved };
}

export type UserAction = { kind: 'acknowledge'; by: string } | { kind: 'snooze'; until: string } | { kind: 'resolve' } | { kind: 'reopen' };

/** A person acts on an alert; returns the changed event or fails with ALERT_BAD_TRANSITION. */
export function applyUserAction(ev: AlertEvent, action: UserAction, today: string): AlertEvent {
  const bad = (to: string) => fail(AlertErrors.ALERT_BAD_TRANSITION, { id: ev.id, from: ev.status, to });
  switch (action.kind) {
    case 'acknowledge':
      if (ev.status === 'resolved') bad('acknowledged');
      return { ...ev, status: 'acknowledged', acknowledgedBy: action.by };
    case 'snooze':
      if (ev.status === 'resolved') bad('snoozed');
      return { ...ev, status: 'snoozed', snoozedUntil: action.until };
    case 'resolve':
      if (ev.status === 'resolved') bad('resolved');
      return { ...ev, status: 'resolved', resolvedDay: today, resolvedBy: 'user' };
    case 'reopen':
      if (ev.status !== 'snoozed' && ev.status !== 'acknowledged') bad('open');
      return { ...ev, status: 'open' };
  }
}

/** Whether a still-open event should be (re-)notified now. */
export function isMuted(ev: AlertEvent, now: Date): boolean {
  return ev.status === 'snoozed' && ev.snoozedUntil !== undefined && new Date(ev.snoozedUntil) > now;
}
