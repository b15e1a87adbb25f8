/**
 * What runs by the clock while the server is up: every enabled alert rule on its cron
 * (src/alerts/scheduler.ts), every enabled report schedule on its own cron and time zone, and
 * an alert round after each import. Rules and schedules are re-read every minute, so a change
 * made from the CLI or the API takes effect without a restart. A failing run is logged and the
 * next one still happens: nothing here may take the server down.
 */
import { join } from 'node:path';
import { Cron } from 'croner';
import type { Principal, Scope } from '../auth/principal.js';
import { fileDeliveryLog, type ChannelConfig, type KeySource } from '../alerts/notify/index.js';
import { runAlerts, type AlertRunContext } from '../alerts/run.js';
import { dayToJudge, scheduleAlerts, type AlertSchedule } from '../alerts/scheduler.js';
import { alertStore } from '../alerts/store.js';
import type { MetaStore } from '../meta/index.js';
import type { Catalog } from '../metrics/index.js';
import { findReport, type ReportDef } from '../reports/definition.js';
import { resolvePeriod } from '../reports/period.js';
import { runReport, type ReportRunResult } from '../reports/run.js';
import { reportScheduleStore, type StoredSchedule } from '../reports/schedule.js';
import type { Warehouse } from '../warehouse/index.js';
import { visibleId } from './metric-visibility.js';
import { audiencePrincipal, type Recipient } from './services/audience.js';

/** The slice of pino the scheduler writes to; the server passes `app.log`. */
export interface SchedulerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerDeps {
  readonly wh: Warehouse;
  readonly meta: MetaStore;
  readonly catalog: Catalog;
  /** where reports are archived and the delivery log and secret key live */
  readonly dataDir: string;
  readonly baseUrl?: string;
  readonly log?: SchedulerLog;
  /** the clock a run judges its period and alert day by (tests pin it; cron firing is real time) */
  readonly now?: () => Date;
  readonly reloadMs?: number;
}

export interface NextRun {
  readonly kind: 'alert' | 'report';
  readonly id: string;
  readonly next: Date | null;
}

export interface Scheduler {
  stop(): void;
  /** an alert round over the last complete day, as after each import; never throws */
  afterImport(): Promise<void>;
  nextRuns(): NextRun[];
  /** re-reads rules and schedules now (also done every minute) */
  reload(): Promise<void>;
  /** settles when every report run started so far has finished (for shutdown and tests) */
  idle(): Promise<void>;
  /** each finished report run, newest last (bounded), for the settings page and tests */
  readonly reportRuns: { scheduleId: string; at: Date; result?: ReportRunResult; error?: string }[];
}

const stderrLog: SchedulerLog = {
  info: () => undefined,
  error: (obj, msg) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
};

/** A chat group or webhook limited to some shops is an outside recipient of exactly those shops. */
function recipientsOf(channels: readonly ChannelConfig[]): Recipient[] {
  return channels.filter((c) => c.shopIds !== undefined).map((c) => ({ email: `channel:${c.id}`, shops: c.shopIds! }));
}

/** Drops the metrics the audience may not see (finance figures), and blocks left with none. */
export function reportFor(def: ReportDef, audience: Principal, catalog: Catalog): ReportDef {
  const blocks = def.blocks.flatMap((b) => {
    const metrics = b.query.metrics.filter((m) => visibleId(audience, catalog, m));
    if (metrics.length === 0) return [];
    const sort = b.query.sort?.filter((s) => metrics.includes(s.by) || !b.query.metrics.includes(s.by));
    return [{ ...b, query: { ...b.query, metrics, ...(sort ? { sort } : {}) } }];
  });
  return { ...def, blocks };
}

const isEmpty = (s: Scope) => s.shopIds !== 'all' && s.shopIds.length === 0;

export async function startScheduler(deps: SchedulerDeps): Promise<Scheduler> {
  const log = deps.log ?? stderrLog;
  const now = deps.now ?? (() => new Date());
  const alerts = alertStore(deps.meta);
  const schedules = reportScheduleStore(deps.meta);
  const keys: KeySource = { keyFile: join(deps.dataDir, 'secret.key') };
  const deliveryLog = fileDeliveryLog(join(deps.dataDir, 'deliveries.jsonl'));
  const alertCtx: Omit<AlertRunContext, 'now'> = {
    wh: deps.wh, catalog: deps.catalog, store: alerts, keys, log: deliveryLog, scope: { shopIds: 'all' },
    ...(deps.baseUrl ? { baseUrl: deps.baseUrl } : {}),
  };
  const reportRuns: Scheduler['reportRuns'] = [];
  const running = new Set<Promise<void>>();
  let alertJobs: AlertSchedule | undefined;
  let reportJobs: { id: string; job: Cron }[] = [];
  let signature = '';
  let stopped = false;

  async function runSchedule(stored: StoredSchedule): Promise<void> {
    const s = stored.schedule;
    try {
      const channelsById = new Map((await alerts.listChannels()).map((c) => [c.id, c]));
      const missing = s.channels.filter((id) => !channelsById.has(id));
      // a channel that is gone would widen nothing, but its recipients would silently get nothing
      if (missing.length > 0) log.error({ schedule: s.id, channels: missing }, 'report schedule names unknown channels');
      const channels = s.channels.flatMap((id) => channelsById.get(id) ?? []);
      const audience = await audiencePrincipal(deps, stored.ownerId ?? '', recipientsOf(channels));
      const scope = audience.scope;
      if (isEmpty(scope)) {
        log.error({ schedule: s.id, owner: stored.ownerId }, 'report schedule skipped: its owner and channels share no shop');
        return;
      }
      const def = reportFor(await findReport(deps.meta, s.report), audience, deps.catalog);
      const period = resolvePeriod(def.period, now(), s.timezone);
      const result = await runReport(deps.wh, deps.catalog, def, period, {
        formats: s.formats, lang: s.lang, scope, dataDir: deps.dataDir, channels, keys, log: deliveryLog,
        ...(deps.baseUrl ? { baseUrl: deps.baseUrl } : {}),
      });
      reportRuns.push({ scheduleId: s.id, at: new Date(), result });
      log.info({ schedule: s.id, period, files: result.archived.length, delivered: result.deliveries.filter((d) => d.ok).length }, 'scheduled report sent');
    } catch (e) {
      reportRuns.push({ scheduleId: s.id, at: new Date(), error: (e as Error).message });
      log.error({ schedule: s.id, err: e }, 'scheduled report failed');
    }
    if (reportRuns.length > 100) reportRuns.splice(0, reportRuns.length - 100);
  }

  function track(p: Promise<void>): Promise<void> {
    running.add(p);
    return p.finally(() => running.delete(p));
  }

  async function reload(): Promise<void> {
    if (stopped) return;
    try {
      const rules = await alerts.listRules();
      const stored = (await schedules.list()).filter((x) => x.schedule.enabled);
      const next = JSON.stringify([rules, stored]);
      if (next === signature || stopped) return;
      signature = next;
      alertJobs?.stop();
      reportJobs.forEach((r) => r.job.stop());
      alertJobs = scheduleAlerts(alertCtx, rules, (r) => {
        if (r instanceof Error) log.error({ err: r }, 'scheduled alert run failed');
        else log.info({ day: r.day, opened: r.opened.length, resolved: r.resolved.length }, 'scheduled alert run');
      });
      reportJobs = stored.map((x) => ({
        id: x.schedule.id,
        // protect: a slow run (a big PDF) is not started again on top of itself
        job: new Cron(x.schedule.cron, { timezone: x.schedule.timezone, protect: true, name: `report:${x.schedule.id}` }, () => track(runSchedule(x))),
      }));
    } catch (e) {
      log.error({ err: e }, 'scheduler could not load rules and report schedules');
    }
  }

  let importRound: Promise<void> = Promise.resolve();
  async function afterImport(): Promise<void> {
    const round = async () => {
      try {
        const at = now();
        // freshness rules judge today at their own hour; an import before it must not raise "no data yet"
        const rules = (await alerts.listRules()).filter((r) => r.enabled && r.condition.kind !== 'freshness');
        const byDay = new Map<string, string[]>();
        for (const r of rules) byDay.set(dayToJudge(r, at), [...(byDay.get(dayToJudge(r, at)) ?? []), r.id]);
        for (const [day, ruleIds] of byDay) {
          const s = await runAlerts({ ...alertCtx, now: at }, day, { ruleIds });
          log.info({ day, opened: s.opened.length, resolved: s.resolved.length }, 'alert run after import');
        }
      } catch (e) {
        log.error({ err: e }, 'alert run after import failed');
      }
    };
    // one round at a time: two imports in a row must not open the same alert twice
    importRound = importRound.then(round);
    return importRound;
  }

  await reload();
  const timer = setInterval(() => void reload(), deps.reloadMs ?? 60_000);
  timer.unref();

  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      alertJobs?.stop();
      reportJobs.forEach((r) => r.job.stop());
    },
    afterImport,
    reload,
    nextRuns: () => [
      ...(alertJobs?.nextRuns() ?? []).map((r) => ({ kind: 'alert' as const, id: r.ruleId, next: r.next })),
      ...reportJobs.map((r) => ({ kind: 'report' as const, id: r.id, next: r.job.nextRun() })),
    ],
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
      await importRound;
    },
    reportRuns,
  };
}
