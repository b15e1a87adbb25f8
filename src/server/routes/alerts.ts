/**
 * Alert rules, alerts and backtests. Rules carry their owner's scope (saved with it); alerts
 * are listed only when every shop they are about is in the reader's scope.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { backtest } from '../../alerts/backtest.js';
import { entityNames } from '../../alerts/entity-names.js';
import { alertHistory, historySpan } from '../../alerts/history.js';
import { ruleMetricInfo } from '../../alerts/message.js';
import { metricRunner } from '../../alerts/source.js';
import { visibleTo as actionVisibleTo } from '../../actions/review.js';
import { actionStore } from '../../actions/store.js';
import { applyUserAction, type AlertEvent } from '../../alerts/lifecycle.js';
import { parseRule } from '../../alerts/rules/parse.js';
import { alertStore } from '../../alerts/store.js';
import { ruleFromTemplate, templates } from '../../alerts/templates/index.js';
import { AlertErrors } from '../../alerts/errors.js';
import { fail } from '../../core/errors.js';
import { DEFAULT_TIMEZONE, dayInZone } from '../../core/time.js';
import { loadCatalog, type Scope } from '../../metrics/index.js';
import { needs } from '../access.js';
import { alertForReader, assertMayReadRule, mayReadRule } from '../alert-visibility.js';
import { principalOf, type ServerDeps } from '../types.js';
import { idParam } from './schemas.js';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const anyJson = z.record(z.string(), z.unknown());

export function visibleAlert(ev: AlertEvent, scope: Scope): boolean {
  if (scope.shopIds === 'all') return true;
  const mine = new Set(scope.shopIds);
  return ev.shopIds.every((s) => s !== '*' && mine.has(s));
}

export function registerAlertRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const store = alertStore(deps.meta);
  const actions = actionStore(deps.meta);

  app.get('/api/alerts/templates', {
    config: { access: needs('page:alerts') },
    schema: { summary: '内置告警模板 / built-in rule templates', tags: ['alerts'], response: { 200: z.object({ templates: z.array(anyJson) }) } },
  }, async () => ({ templates: templates.map((t) => ({ id: t.id, name: t.name, description: t.description })) }));

  app.get('/api/alerts/rules', {
    config: { access: needs('page:alerts') },
    schema: { summary: '告警规则 / alert rules', tags: ['alerts'], response: { 200: z.object({ rules: z.array(anyJson) }) } },
  }, async () => ({ rules: await store.listRules() }));

  app.put('/api/alerts/rules/:id', {
    config: { access: needs('alerts:manage') },
    schema: {
      summary: '保存规则(可从模板)/ save a rule, optionally from a template', tags: ['alerts'], params: idParam,
      body: z.object({ template: z.string().optional(), rule: anyJson.optional() }).strict(), response: { 200: z.object({ rule: anyJson }) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const body = request.body as { template?: string; rule?: Record<string, unknown> };
    const p = principalOf(request);
    // the owner's scope travels with the rule: evaluation never reaches beyond it
    const owner = p.scope.shopIds === 'all' ? {} : { ownerShopIds: [...p.scope.shopIds] };
    const rule = body.template ? ruleFromTemplate(body.template, id, {}, { ...body.rule, ...owner }) : parseRule({ ...body.rule, id, ...owner });
    // a rule reports its metric's figures: only to one who may read them
    assertMayReadRule(p, loadCatalog(), rule);
    await store.putRule(rule, p.userId);
    return { rule };
  });

  app.delete('/api/alerts/rules/:id', {
    config: { access: needs('alerts:manage') },
    schema: { summary: '删除规则 / delete a rule', tags: ['alerts'], params: idParam, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    const { id } = request.params as { id: string };
    if (!(await store.deleteRule(id))) fail(AlertErrors.ALERT_RULE_NOT_FOUND, { rule: id });
    return { ok: true as const };
  });

  app.get('/api/alerts', {
    config: { access: needs('page:alerts', { shops: 'filtered', example: () => ({}) }) },
    schema: { summary: '告警 / alerts I may see', tags: ['alerts'], querystring: z.object({ open: z.enum(['true', 'false']).optional() }).strict(), response: { 200: z.object({ alerts: z.array(anyJson) }) } },
  }, async (request) => {
    const { open } = request.query as { open?: string };
    const p = principalOf(request);
    const rules = new Map((await store.listRules()).map((r) => [r.id, r]));
    const catalog = loadCatalog();
    const events = (await store.listEvents({ openOnly: open === 'true' })).filter((e) => visibleAlert(e, p.scope));
    return { alerts: events.map((e) => alertForReader(p, catalog, e, rules.get(e.ruleId))) };
  });

  app.get('/api/alerts/:id', {
    config: { access: needs('page:alerts', { shops: 'filtered' }) },
    schema: {
      summary: '一条告警:规则每天所见的数值与基线、由它发起的行动 / one alert: what its rule saw each day, the actions it started', tags: ['alerts'], params: idParam,
      response: { 200: z.object({ alert: anyJson, rule: anyJson.nullable(), history: z.array(anyJson).nullable(), actions: z.array(anyJson), names: z.record(z.string(), z.string()) }) },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const p = principalOf(request);
    const ev = await store.getEvent(id);
    if (!visibleAlert(ev, p.scope)) return reply.callNotFound();
    const rule = (await store.listRules()).find((r) => r.id === ev.ruleId);
    const catalog = loadCatalog();
    const readable = mayReadRule(p, catalog, rule ?? { metric: ev.metric });
    const today = dayInZone(new Date(), DEFAULT_TIMEZONE);
    const history = rule && readable ? await alertHistory(deps.wh, metricRunner(deps.wh, catalog), catalog, rule, ev, historySpan(ev, today), p.scope) : null;
    const started = (await actions.list()).filter((a) => a.origin.kind === 'alert' && a.origin.alertId === ev.id && actionVisibleTo(p.scope, a.shopIds));
    return {
      alert: alertForReader(p, catalog, ev, rule),
      rule: rule ? {
        id: rule.id, name: rule.name ?? null, metric: rule.metric, per: rule.per ?? null, windowDays: rule.windowDays, lagDays: rule.lagDays, condition: rule.condition.kind,
        // the value's unit (a rule with `per` measures a ratio) and the metric's, which contributors are in
        unit: ruleMetricInfo(catalog, rule).unit, metricUnit: catalog.get(rule.metric).unit,
      } : null,
      history,
      actions: started,
      // the shop's name and the SKU's title, as the pushed message called them
      names: await entityNames(deps.wh, [ev]),
    };
  });

  app.post('/api/alerts/:id/status', {
    config: { access: needs('alerts:manage', { shops: 'filtered' }) },
    schema: {
      summary: '确认/暂停/关闭告警 / acknowledge, snooze or resolve', tags: ['alerts'], params: idParam,
      body: z.object({ action: z.enum(['acknowledge', 'snooze', 'resolve', 'reopen']), until: z.string().datetime().optional() }).strict(),
      response: { 200: z.object({ alert: anyJson }) },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as { action: 'acknowledge' | 'snooze' | 'resolve' | 'reopen'; until?: string };
    const p = principalOf(request);
    const ev = await store.getEvent(id);
    if (!visibleAlert(ev, p.scope)) return reply.callNotFound();
    const action = body.action === 'acknowledge' ? { kind: 'acknowledge' as const, by: p.userId }
      : body.action === 'snooze' ? { kind: 'snooze' as const, until: body.until ?? new Date(Date.now() + 86_400_000).toISOString() }
        : { kind: body.action };
    const next = applyUserAction(ev, action, dayInZone(new Date(), DEFAULT_TIMEZONE));
    await store.putEvent(next);
    // the answer keeps to what the reader may see, like the list it came from
    const rule = (await store.listRules()).find((r) => r.id === next.ruleId);
    return { alert: alertForReader(p, loadCatalog(), next, rule) };
  });

  app.post('/api/alerts/backtest', {
    config: { access: needs('alerts:manage', { shops: 'filtered', example: () => ({ body: { from: '2026-05-01', to: '2026-05-07', builtin: true } }) }) },
    schema: {
      summary: '规则回测 / backtest the enabled rules over past days', tags: ['alerts'],
      body: z.object({ from: day, to: day, builtin: z.boolean().optional() }).strict(), response: { 200: anyJson },
    },
  }, async (request) => {
    const body = request.body as { from: string; to: string; builtin?: boolean };
    const p = principalOf(request);
    const catalog = loadCatalog();
    const all = body.builtin ? templates.map((t) => ruleFromTemplate(t.id, t.id)) : await store.listRules();
    // rules on metrics the reader may not see are left out, and said so
    const withheld = all.filter((r) => !mayReadRule(p, catalog, r)).map((r) => r.id);
    const result = await backtest(deps.wh, catalog, all.filter((r) => !withheld.includes(r.id)), { from: body.from, to: body.to }, p.scope);
    return { ...result, withheld };
  });
}
