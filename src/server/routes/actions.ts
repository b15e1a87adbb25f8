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
import { needs } from '../access.js';
import { principalOf, type ServerDeps } from '../types.js';
import { idParam } from './schemas.js';

const anyJson = z.record(z.string(), z.unknown());
const today = () => dayInZone(new Date(), DEFAULT_TIMEZONE);

export function registerActionRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const store = actionStore(deps.meta);

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
    const scoped = p.scope.shopIds === 'all' ? {} : { shopIds: [...p.scope.shopIds] };
    const parsed = actionDocSchema.safeParse({ ...scoped, ...body, type, id: newActionId(type === 'problem' ? 'P' : 'A'), createdBy: p.userId, createdAt: new Date().toISOString() });
    if (!parsed.success) fail(ActionErrors.ACTION_INVALID, { id: 'new', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    // a shop-scoped user cannot file an action about shops outside their scope
    if (!visibleTo(p.scope, parsed.data.shopIds)) fail(ActionErrors.ACTION_INVALID, { id: 'new', detail: 'shopIds outside your scope / 超出可见店铺范围' });
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
    return beforeAfter(deps.wh, loadCatalog(), a, today(), p.scope);
  });

  app.get('/api/actions/review', {
    config: { access: needs('page:actions', { shops: 'filtered', example: () => ({}) }) },
    schema: { summary: '周复盘 / the weekly review', tags: ['actions'], response: { 200: anyJson } },
  }, async (request) => weeklyReview(deps.wh, loadCatalog(), store, today(), principalOf(request).scope));
}
