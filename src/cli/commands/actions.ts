import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { actionsReport } from '../../actions/export.js';
import { formatOfFile } from '../../reports/archive.js';
import { renderFormat } from '../../reports/run.js';
import { CoreErrors, fail } from '../../core/errors.js';
import { DEFAULT_TIMEZONE, dayInZone, dayTextToNumber } from '../../core/time.js';
import { beforeAfter } from '../../actions/compare.js';
import { weeklyReview } from '../../actions/review.js';
import { actionStages, type Action, type ActionStage } from '../../actions/schema.js';
import { actionStore, newActionId, type ActionStore } from '../../actions/store.js';
import { moveAction } from '../../actions/workflow.js';
import { alertStore, type AlertStore } from '../../alerts/store.js';
import { loadCatalog } from '../../metrics/index.js';
import { parseFormat, withMeta, withWarehouse, type GlobalOptions } from '../context.js';
import { jsonReplacer, render } from '../output.js';
import { parseWhere } from './query.js';

const today = () => dayInZone(new Date(), DEFAULT_TIMEZONE);
const who = () => process.env.SHOPLENS_USER ?? process.env.USER ?? 'cli';

const withActions = <T>(g: GlobalOptions, fn: (s: ActionStore) => Promise<T>) => withMeta(g, (meta) => fn(actionStore(meta)));
const withAlerts = <T>(g: GlobalOptions, fn: (s: AlertStore) => Promise<T>) => withMeta(g, (meta) => fn(alertStore(meta)));

const row = (a: Action) => ({ id: a.id, title: a.title, stage: a.stage, owner: a.owner, due: a.due, metric: a.target.metric, started: a.startedDay ?? '', checked: a.checkedDay ?? '' });

export function registerActions(program: Command): void {
  const actions = program.command('actions').description('PDCA 问题池与行动跟踪 / the PDCA problem pool and action tracker');

  actions.command('list').description('行动项 / actions').option('--format <format>', 'table | json | csv', 'table')
    .action(async (opts: { format: string }, cmd: Command) => {
      const list = await withActions(cmd.optsWithGlobals<GlobalOptions>(), (s) => s.actions());
      process.stdout.write(render(list.map(row), parseFormat(opts.format)));
    });

  actions.command('add <title>').description('新建行动项 / add an action')
    .requiredOption('--owner <user>', '负责人 / owner')
    .requiredOption('--due <day>', '截止日 / due day')
    .requiredOption('--metric <id>', '要改善的指标 / the metric it should move')
    .requiredOption('--expect <dir>', 'up | down, 可带百分比如 up:10 / direction, optionally with a percent')
    .option('--where <dim=value>', '范围,可重复 / scope filter, repeatable', (v: string, acc: string[]) => [...acc, v], [])
    .option('--alert <id>', '来自告警:范围与店铺取自告警(--where 可改)/ started from an alert: its scope and shops unless --where says otherwise')
    .action(async (title: string, opts: { owner: string; due: string; metric: string; expect: string; where: string[]; alert?: string }, cmd: Command) => {
      if (dayTextToNumber(opts.due) === undefined) fail(CoreErrors.INVALID_ARGUMENT, { name: '--due', value: opts.due, expected: 'YYYY-MM-DD' });
      const [dir, pct] = opts.expect.split(':');
      if (dir !== 'up' && dir !== 'down') fail(CoreErrors.INVALID_ARGUMENT, { name: '--expect', value: opts.expect, expected: 'up | down | up:10 | down:5' });
      loadCatalog().get(opts.metric);
      const g = cmd.optsWithGlobals<GlobalOptions>();
      // from an alert: one that exists; its scope is the action's unless --where says otherwise, and its shops too
      const ev = opts.alert ? await withAlerts(g, (s) => s.getEvent(opts.alert!)) : undefined;
      const filters = opts.where.length > 0 || !ev ? parseWhere(opts.where) : { ...ev.entity };
      const shopIds = ev && !ev.shopIds.includes('*') ? { shopIds: [...ev.shopIds] } : {};
      const a: Action = {
        type: 'action', id: newActionId('A'), title, owner: opts.owner, due: opts.due, stage: 'plan',
        target: { metric: opts.metric, filters }, ...shopIds,
        expected: { direction: dir, ...(pct ? { percent: Number(pct) } : {}) },
        origin: opts.alert ? { kind: 'alert', alertId: opts.alert } : { kind: 'manual' },
        compareDays: 14, history: [], createdBy: who(), createdAt: new Date().toISOString(),
      };
      await withActions(g, (s) => s.put(a));
      process.stdout.write(`${a.id}\n`);
    });

  actions.command('move <id> <stage>').description(`移动阶段 / move to a stage (${actionStages.join(' → ')})`).option('--note <text>')
    .action(async (id: string, stage: string, opts: { note?: string }, cmd: Command) => {
      if (!(actionStages as readonly string[]).includes(stage)) fail(CoreErrors.INVALID_ARGUMENT, { name: 'stage', value: stage, expected: actionStages.join(' | ') });
      const moved = await withActions(cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const next = moveAction(await s.getAction(id), stage as ActionStage, who(), today(), new Date(), opts.note);
        await s.put(next);
        return next;
      });
      process.stdout.write(render([row(moved)], 'table'));
    });

  actions.command('check <id>').description('执行前后对比 / the metric before vs after').option('--format <format>', 'table | json', 'table')
    .action(async (id: string, opts: { format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const a = await withActions(g, (s) => s.getAction(id));
      const r = await withWarehouse(g, (wh) => beforeAfter(wh, loadCatalog(), a, today(), { shopIds: 'all' }), { mustExist: true });
      if (parseFormat(opts.format) === 'json') process.stdout.write(JSON.stringify(r, jsonReplacer, 2) + '\n');
      else process.stdout.write(render([{ metric: r.metric, before: `${r.before.from}~${r.before.to}`, before_value: r.before.value, after: `${r.after.from}~${r.after.to}`, after_value: r.after.value, change_pct: r.changePct, met: r.met === null ? '' : r.met }], 'table'));
    });

  actions.command('export').description('导出行动跟踪 / export the tracker').requiredOption('--out <file>', '.xlsx | .pdf | .html').option('--lang <lang>', 'zh | en', 'zh')
    .action(async (opts: { out: string; lang: string }, cmd: Command) => {
      const format = formatOfFile(opts.out);
      const [list, problems] = await withActions(cmd.optsWithGlobals<GlobalOptions>(), async (s) => [await s.actions(), await s.problems()] as const);
      writeFileSync(opts.out, await renderFormat(actionsReport(list, problems, today()), format, opts.lang === 'en' ? 'en' : 'zh'));
      process.stdout.write(`${opts.out}: ${list.length} actions, ${problems.length} problems\n`);
    });

  actions.command('review').description('周复盘 / the weekly review').option('--format <format>', 'table | json', 'json')
    .action(async (opts: { format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const review = await withWarehouse(g, (wh) => withActions(g, (s) => weeklyReview(wh, loadCatalog(), s, today(), { shopIds: 'all' })), { mustExist: true });
      if (parseFormat(opts.format) === 'json') process.stdout.write(JSON.stringify(review, jsonReplacer, 2) + '\n');
      else process.stdout.write(`${review.week.from} ~ ${review.week.to}\n` + render([...review.overdue.map(row)], 'table'));
    });
}
