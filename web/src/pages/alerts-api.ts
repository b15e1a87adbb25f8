/** The shapes the alert and PDCA routes answer with (src/alerts, src/actions), as the pages read them. */
import { getJson, postJson } from '../api/client';

export type L = { zh: string; en: string };
export interface Contributor { dimension: string; value: string; share: number; current: number | null; previous: number | null }
export interface AlertEvent {
  id: string; ruleId: string; entityKey: string; entity: Record<string, string>; metric: string;
  severity: 'info' | 'warning' | 'critical'; status: 'open' | 'acknowledged' | 'snoozed' | 'resolved';
  openedDay: string; lastBreachDay: string; value: number | null; baseline: number | null; deltaRatio: number | null;
  contributors?: Contributor[]; snoozedUntil?: string; acknowledgedBy?: string;
  resolvedDay?: string; z?: number; shopIds: string[];
  /** the figures need a permission the reader lacks: value, baseline and contributors are left out */
  withheld?: string;
}
/** What the rule saw on one evaluated day (src/alerts/history.ts). */
export interface HistoryPoint { day: string; judged: string; value: number | null; baseline: number | null; breached: boolean; skipped?: true }
export interface AlertDetail {
  alert: AlertEvent;
  rule: { id: string; name: L | null; metric: string; per: string | null; windowDays: number; lagDays: number; condition: string; unit: string; metricUnit: string } | null;
  history: HistoryPoint[] | null;
  actions: ActionItem[];
  /** the shop's name and the SKU's title (`sku=ID@SHOP`), as the pushed message said them */
  names: Record<string, string>;
}
export interface AlertRule { id: string; name?: L; metric: string; per?: string; severity: string; enabled: boolean; dimensions?: string[]; channels?: string[] }
export interface Template { id: string; name: L; description: L }

export type Stage = 'plan' | 'doing' | 'check' | 'done';
export const STAGES: Stage[] = ['plan', 'doing', 'check', 'done'];
export interface ActionItem {
  type: 'action' | 'problem'; id: string; title: string; owner?: string; due?: string; stage?: Stage;
  status?: 'open' | 'closed'; target?: { metric: string; filters?: Record<string, string | string[]> }; expected?: { direction: 'up' | 'down'; percent?: number; note?: string };
  startedDay?: string; checkedDay?: string;
  origin?: { kind: 'alert'; alertId: string } | { kind: 'chart' | 'manual' };
}
export interface BeforeAfter {
  actionId: string; metric: string;
  before: { from: string; to: string; value: unknown }; after: { from: string; to: string; value: unknown };
  change: unknown; changePct: number | null; met: boolean | null;
}
export interface WeeklyReview { week: { from: string; to: string }; openProblems: ActionItem[]; overdue: ActionItem[]; moved: ActionItem[]; results: BeforeAfter[]; waiting: ActionItem[] }

export const alertApi = {
  alerts: (all = false) => getJson<{ alerts: AlertEvent[] }>(`/api/alerts?open=${all ? 'false' : 'true'}`),
  alert: (id: string) => getJson<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}`),
  rules: () => getJson<{ rules: AlertRule[] }>('/api/alerts/rules'),
  templates: () => getJson<{ templates: Template[] }>('/api/alerts/templates'),
  setStatus: (id: string, action: 'acknowledge' | 'snooze' | 'resolve' | 'reopen') =>
    postJson<{ alert: AlertEvent }>(`/api/alerts/${encodeURIComponent(id)}/status`, { action }),
  addFromTemplate: (id: string, template: string, channels: string[] = []) =>
    postJson<{ rule: AlertRule }>(`/api/alerts/rules/${encodeURIComponent(id)}`, { template, ...(channels.length ? { rule: { channels } } : {}) }, 'PUT'),
  setEnabled: (rule: AlertRule, enabled: boolean) =>
    postJson<{ rule: AlertRule }>(`/api/alerts/rules/${encodeURIComponent(rule.id)}`, { rule: { ...rule, enabled } }, 'PUT'),
};

export const actionApi = {
  list: () => getJson<{ items: ActionItem[] }>('/api/actions'),
  create: (body: Record<string, unknown>) => postJson<{ item: ActionItem }>('/api/actions', body),
  move: (id: string, to: Stage) => postJson<{ item: ActionItem }>(`/api/actions/${encodeURIComponent(id)}/move`, { to }),
  compare: (id: string) => getJson<BeforeAfter>(`/api/actions/${encodeURIComponent(id)}/compare`),
  review: () => getJson<WeeklyReview>('/api/actions/review'),
};

/** A number or exact-decimal string the API sent, shown as it came (money stays exact). */
export function shown(v: unknown): string {
  if (v === null || v === undefined) return '—';
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4).replace(/0+$/, '')) : String(v);
}

export const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${r > 0 ? '+' : ''}${(r * 100).toFixed(1)}%`);
