/** The PDCA tracker: problems and actions, stage moves, before/after checks, the weekly review. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { beforeAfter } from '../../actions/compare.js';
import { ActionErrors } from '../../actions/errors.js';
import { visibleTo, weeklyReview } from '../../actions/review.js';
import { actionDocSchema, actionStages, type ActionStage } from '../../actions/schema.js';
import { actionStore, newActionId } from '../../actions/store.js';
import { moveAction } from '../../actions/workflow.js';
import { fail } from '../../core/errors.js';
import { DEFAULT_TIMEZONE, dayInZone } from '../../core/time.js';
import { loadCatalog } from '../../metrics/index.js';
import { AuthErrors } from '../../auth/errors.js';
import type { Principal } from '../../auth/principal.js';
import { AlertErrors } from '../../alerts/errors.js';
import { alertStore } from '../../alerts/store.js';
import { needs } from '../access.js';
import { visibleId } from '../metric-visibility.js';
import { visibleAlert } from './alerts.js';
import { principalOf, type ServerDeps } from '../types.js';
import { idParam } from './schemas.js';

const anyJson = z.record(z.string(), z.unknown());
const today = () => dayInZone(new Date(), DEFAULT_TIMEZONE);

/** An action reports its target metric before and after: only to one who may read it. */
function assertMayReadTarget(p: Principal, metric: string | undefined): void {
  if (metric !== undefined && !visibleId(p, loadCatalog(), metric)) fail(AuthErrors.AUTH_FORBIDDEN, { permission: 'metrics:finance' });
}

export function registerActionRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const store = actionStore(deps.meta);
  const alerts = alertStore(deps.meta);

  app.get('/api/actions', {
    config: { access: needs('page:actions', { shops: 'filtered', example: () => ({}) }) },
    schema: { summary: '问题与行动项 / problems and actions', tags: ['actions'], response: { 200: z.object({ items: z.array(anyJson) }) } },
  }, async (request) => {
    const scope = principalOf(request).scope;
    return { items: (await store.list()).filter((d) => visibleTo(scope, d.shopIds)) };
  });

  app.post('/api/actions', {
    config: { access: needs('actions:manage') },
    schema: { summary: '新建问题或行动项 / add a problem or an action', tags: ['actions'], body: anyJson, response: { 200: z.object({ item: anyJson }) } },
  }, async (request) => {
    const p = principalOf(request);
    const body = request.body as Record<string, unknown>;
    const type = body.type === 'problem' ? 'problem' : 'action';
    let scoped: { shopIds?: string[] } = p.scope.shopIds === 'all' ? {} : { shopIds: [...p.scope.shopIds] };
    const origin = body.origin as { kind?: unknown; alertId?: unknown } | undefined;
    if (origin?.kind === 'alert' && typeof origin.alertId === 'string') {
      // started from an alert: one the reader may see, and about the alert's shops
      const ev = await alerts.getEvent(origin.alertId);
      if (!visibleAlert(ev, p.scope)) fail(AlertErrors.ALERT_NOT_FOUND, { id: origin.alertId });
      if (!ev.shopIds.includes('*')) scoped = { shopIds: [...ev.shopIds] };
    }
    const parsed = actionDocSchema.safeParse({ ...scoped, ...body, type, id: newActionId(type === 'problem' ? 'P' : 'A'), createdBy: p.userId, createdAt: new Date().toISOString() });
    if (!parsed.success) fail(ActionErrors.ACTION_INVALID, { id: 'new', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    // a shop-scoped user cannot file an action about shops outside their scope
    if (!visibleTo(p.scope, parsed.data.shopIds)) fail(ActionErrors.ACTION_INVALID, { id: 'new', detail: 'shopIds outside your scope / 超出可见店铺范围' });
    assertMayReadTarget(p, parsed.data.target?.metric);
    return { item: await store.put(parsed.data) };
  });

  app.post('/api/actions/:id/move', {
    config: { access: needs('actions:manage', { shops: 'filtered' }) },
    schema: {
      summary: '移动阶段 / move an action to a stage', tags: ['actions'], params: idParam,
      body: z.object({ to: z.enum(actionStages), note: z.string().max(2000).optional() }).strict(), response: { 200: z.object({ item: anyJson }) },
    },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { to, note } = request.body as { to: ActionStage; note?: string };
    const p = principalOf(request);
    const a = await store.getAction(id);
    if (!visibleTo(p.scope, a.shopIds)) return reply.callNotFound();
    return { item: await store.put(moveAction(a, to, p.userId, today(), new Date(), note)) };
  });

  app.get('/api/actions/:id/compare', {
    config: { access: needs('page:actions', { shops: 'filtered' }) },
    schema: { summary: '执行前后对比 / the metric before vs after', tags: ['actions'], params: idParam, response: { 200: anyJson } },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const p = principalOf(request);
    const a = await store.getAction(id);
    if (!visibleTo(p.scope, a.shopIds)) return reply.callNotFound();
    assertMayReadTarget(p, a.target.metric);
    return beforeAfter(deps.wh, loadCatalog(), a, today(), p.scope);
  });

  app.get('/api/actions/review', {
    config: { access: needs('page:actions', { shops: 'filtered', example: () => ({}) }) },
    schema: { summary: '周复盘 / the weekly review', tags: ['actions'], response: { 200: anyJson } },
  }, async (request) => {
    const p = principalOf(request);
    const catalog = loadCatalog();
    const review = await weeklyReview(deps.wh, catalog, store, today(), p.scope);
    // before/after figures of metrics the reader may not see stay out (the actions stay listed)
    return { ...review, results: review.results.filter((r) => visibleId(p, catalog, r.metric)) };
  });
}
