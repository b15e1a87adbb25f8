import type { Command } from 'commander';
import { dirname, join } from 'node:path';
import { CoreErrors, fail } from '../../core/errors.js';
import { dayInZone, dayTextToNumber, addDays, DEFAULT_TIMEZONE } from '../../core/time.js';
import { backtest } from '../../alerts/backtest.js';
import { alertHistory, historySpan } from '../../alerts/history.js';
import { metricRunner } from '../../alerts/source.js';
import { applyUserAction } from '../../alerts/lifecycle.js';
import { fileDeliveryLog, parseChannel, publicChannel, loadSecretKey } from '../../alerts/notify/index.js';
import { runAlerts } from '../../alerts/run.js';
import { alertStore, type AlertStore } from '../../alerts/store.js';
import { ruleFromTemplate, templates } from '../../alerts/templates/index.js';
import { loadCatalog } from '../../metrics/index.js';
import { resolveDbPath } from '../../warehouse/index.js';
import { parseFormat, withMeta, withWarehouse, type GlobalOptions } from '../context.js';
import { jsonReplacer, render } from '../output.js';

const day = (name: string) => (v: string) => (dayTextToNumber(v) === undefined ? fail(CoreErrors.INVALID_ARGUMENT, { name, value: v, expected: 'YYYY-MM-DD' }) : v);
const yesterday = () => addDays(dayInZone(new Date(), DEFAULT_TIMEZONE), -1);

const withAlertStore = <T>(g: GlobalOptions, fn: (s: AlertStore) => Promise<T>) => withMeta(g, (meta) => fn(alertStore(meta)));

const keySource = (g: GlobalOptions) => ({ keyFile: join(dirname(resolveDbPath(g.db)), 'secret.key') });

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('告警规则、回测与评估 / alert rules, backtests and evaluation');

  alerts.command('templates').description('内置告警模板 / built-in rule templates').option('--format <format>', 'table | json | csv', 'table')
    .action((opts: { format: string }) => {
      process.stdout.write(render(templates.map((t) => ({ id: t.id, name: t.name.zh, name_en: t.name.en, description: t.description.en })), parseFormat(opts.format)));
    });

  alerts.command('add').description('从模板新建规则 / add a rule from a template')
    .requiredOption('--template <id>', '模板 id / template id')
    .option('--id <id>', '规则 id,默认同模板 / rule id (default: the template id)')
    .option('--lead-time <days>', '供应商交期(断货风险)/ supplier lead time in days', Number)
    .option('--roi-target <x>', 'ROI 目标 / ROI target', Number)
    .option('--channel <id>', '通知渠道,可重复 / channel, repeatable', (v: string, acc: string[]) => [...acc, v], [])
    .action(async (opts: { template: string; id?: string; leadTime?: number; roiTarget?: number; channel: string[] }, cmd: Command) => {
      const rule = ruleFromTemplate(opts.template, opts.id ?? opts.template, {
        ...(opts.leadTime !== undefined ? { leadTimeDays: opts.leadTime } : {}), ...(opts.roiTarget !== undefined ? { roiTarget: opts.roiTarget } : {}),
      }, { channels: opts.channel });
      await withAlertStore(cmd.optsWithGlobals<GlobalOptions>(), (s) => s.putRule(rule, null));
      process.stdout.write(`已保存规则 / saved rule ${rule.id}\n`);
    });

  alerts.command('list').description('规则与未关闭的告警 / rules and open alerts').option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      await withAlertStore(cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const rules = await s.listRules();
        const open = await s.listEvents({ openOnly: true });
        if (format === 'json') {
          process.stdout.write(JSON.stringify({ rules, alerts: open }, jsonReplacer, 2) + '\n');
          return;
        }
        process.stdout.write(render(rules.map((r) => ({ id: r.id, name: r.name.zh, metric: r.metric, enabled: r.enabled, channels: r.channels.join(' ') })), format));
        process.stdout.write(render(open.map((e) => ({ id: e.id, status: e.status, opened: e.openedDay, value: e.value, baseline: e.baseline })), format));
      });
    });

  alerts.command('show <id>').description('一条告警:规则每天所见的数值与基线 / one alert: what its rule saw each day around it')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (id: string, opts: { format: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const { ev, rule } = await withAlertStore(g, async (s) => {
        const found = await s.getEvent(id);
        return { ev: found, rule: (await s.listRules()).find((r) => r.id === found.ruleId) };
      });
      const catalog = loadCatalog();
      const today = dayInZone(new Date(), DEFAULT_TIMEZONE);
      const history = rule
        ? await withWarehouse(g, (wh) => alertHistory(wh, metricRunner(wh, catalog), catalog, rule, ev, historySpan(ev, today), { shopIds: 'all' }), { mustExist: true })
        : [];
      if (format === 'json') { process.stdout.write(JSON.stringify({ alert: ev, history }, jsonReplacer, 2) + '\n'); return; }
      if (format === 'table') {
        process.stdout.write(`${ev.id}\n${rule ? rule.name.zh : ev.ruleId} · ${ev.status} · opened ${ev.openedDay} · value ${ev.value ?? '—'} vs ${ev.baseline ?? '—'}\n`);
        if (!rule) process.stdout.write('规则已删除,无法回看每天的数值 / the rule was deleted: no daily values\n');
      }
      process.stdout.write(render(history.map((p) => ({ day: p.day, judged: p.judged, value: p.value, baseline: p.baseline, breached: p.breached, skipped: p.skipped ?? false })), format));
    });

  alerts.command('backtest').description('按历史每天回放已启用的规则 / evaluate the enabled rules over past days as if run each day')
    .requiredOption('--from <day>', '开始日 / first day', day('--from'))
    .requiredOption('--to <day>', '结束日(含)/ last day, inclusive', day('--to'))
    .option('--builtin', '回测全部内置模板(不读已保存规则)/ backtest every built-in template instead of the saved rules')
    .option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { from: string; to: string; builtin?: boolean; format: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      if (opts.from > opts.to) fail(CoreErrors.INVALID_ARGUMENT, { name: '--from', value: opts.from, expected: `a day before --to ${opts.to}` });
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const rules = opts.builtin ? templates.map((t) => ruleFromTemplate(t.id, t.id)) : await withAlertStore(g, (s) => s.listRules());
      const catalog = loadCatalog();
      const result = await withWarehouse(g, (wh) => backtest(wh, catalog, rules, { from: opts.from, to: opts.to }, { shopIds: 'all' }), { mustExist: true });
      if (format === 'json') process.stdout.write(JSON.stringify(result, jsonReplacer, 2) + '\n');
      else process.stdout.write(render(result.alerts.map((a) => ({ day: a.openedDay, rule: a.ruleId, entity: a.entityKey, value: a.value, baseline: a.baseline, resolved: a.resolvedDay ?? '' })), format));
    });

  alerts.command('eval').description('评估一天并发送通知 / evaluate one day, store the alerts and notify')
    .option('--day <day>', '评估日,默认昨天 / day to evaluate, default yesterday', day('--day'))
    .option('--no-notify', '只评估不发送 / evaluate without sending')
    .option('--format <format>', 'table | json', 'table')
    .action(async (opts: { day?: string; notify: boolean; format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const target = opts.day ?? yesterday();
      const catalog = loadCatalog();
      const summary = await withWarehouse(g, (wh) => withAlertStore(g, (store) => runAlerts({
        wh, catalog, store, keys: keySource(g), log: fileDeliveryLog(join(dirname(resolveDbPath(g.db)), 'deliveries.jsonl')), scope: { shopIds: 'all' },
        ...(process.env.SHOPLENS_BASE_URL ? { baseUrl: process.env.SHOPLENS_BASE_URL } : {}),
      }, target, { notify: opts.notify })), { mustExist: true });
      if (parseFormat(opts.format) === 'json') process.stdout.write(JSON.stringify(summary, jsonReplacer, 2) + '\n');
      else process.stdout.write(`${target}: 新告警 / opened ${summary.opened.length}, 恢复 / resolved ${summary.resolved.length}, 发送 / deliveries ${summary.deliveries.filter((d) => d.ok).length}/${summary.deliveries.length}\n`);
    });

  for (const [verb, zh] of [['ack', '确认'], ['resolve', '关闭'], ['snooze', '暂停提醒']] as const) {
    const c = alerts.command(`${verb} <id>`).description(`${zh}告警 / ${verb} an alert`);
    if (verb === 'snooze') c.requiredOption('--until <iso>', '到何时 / until (ISO time)');
    c.action(async (id: string, opts: { until?: string }, cmd: Command) => {
      await withAlertStore(cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const ev = await s.getEvent(id);
        const action = verb === 'ack' ? { kind: 'acknowledge' as const, by: process.env.USER ?? 'cli' } : verb === 'resolve' ? { kind: 'resolve' as const } : { kind: 'snooze' as const, until: new Date(opts.until!).toISOString() };
        const next = applyUserAction(ev, action, dayInZone(new Date(), DEFAULT_TIMEZONE));
        await s.putEvent(next);
        process.stdout.write(`${id}: ${next.status}\n`);
      });
    });
  }

  alerts.command('channel-add <json>').description('添加通知渠道(密钥加密保存)/ add a notification channel (secrets sealed)')
    .action(async (json: string, _opts: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch (e) {
        fail(CoreErrors.INVALID_ARGUMENT, { name: '<json>', value: json.slice(0, 40), expected: `JSON (${(e as Error).message})` });
      }
      const c = parseChannel(raw);
      await withAlertStore(g, (s) => s.putChannel(c, loadSecretKey(keySource(g))));
      process.stdout.write(JSON.stringify(publicChannel(c)) + '\n');
    });
}
