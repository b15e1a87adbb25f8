/**
 * Cron evaluation of alert rules in each rule's shop time zone (croner), for the server to
 * start. A freshness rule judges today at its `at` time ("no orders for today by 10:00"); every
 * other rule judges yesterday, the last complete business day. Runs of one rule never overlap.
 */
import { Cron } from 'croner';
import { addDays, dayInZone } from '../core/time.js';
import type { AlertRule } from './rules/schema.js';
import { runAlerts, type AlertRunContext, type AlertRunSummary } from './run.js';

/** The cron a rule runs on: a freshness rule's `at` time daily, else its own schedule. */
export function ruleCron(rule: AlertRule): string {
  if (rule.condition.kind === 'freshness') {
    const [h, m] = rule.condition.at.split(':');
    return `${Number(m)} ${Number(h)} * * *`;
  }
  return rule.schedule;
}

/** The business day a run at `now` judges. */
export function dayToJudge(rule: AlertRule, now: Date): string {
  const today = dayInZone(now, rule.timezone);
  return rule.condition.kind === 'freshness' ? today : addDays(today, -1);
}

export interface AlertSchedule {
  /** next run of each rule, for the settings page */
  nextRuns(): { ruleId: string; next: Date | null }[];
  stop(): void;
}

export function scheduleAlerts(
  ctx: Omit<AlertRunContext, 'now'>,
  rules: readonly AlertRule[],
  onRun: (r: AlertRunSummary | Error) => void = () => undefined,
): AlertSchedule {
  const jobs = rules.filter((r) => r.enabled).map((rule) => ({
    rule,
    job: new Cron(ruleCron(rule), { timezone: rule.timezone, protect: true, name: `alert:${rule.id}` }, async () => {
      const now = new Date();
      await runAlerts({ ...ctx, now }, dayToJudge(rule, now), { ruleIds: [rule.id] }).then(onRun, (e: Error) => onRun(e));
    }),
  }));
  return {
    nextRuns: () => jobs.map(({ rule, job }) => ({ ruleId: rule.id, next: job.nextRun() })),
    stop: () => jobs.forEach(({ job }) => job.stop()),
  };
}
