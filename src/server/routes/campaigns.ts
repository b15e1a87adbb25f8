/**
 * The campaign calendar (活动日历) over HTTP: the seller's 618, 双11 … with their phases, dates
 * and targets. Saving one moves the orders of its dates to it, so 大促复盘 works on imported
 * exports, which never say which campaign an order was in.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Scope } from '../../auth/principal.js';
import { CampaignErrors } from '../../campaigns/errors.js';
import { campaignInput, campaignKindNames, campaignKinds, type CampaignInput } from '../../campaigns/schema.js';
import { deleteCampaign, getCampaign, listCampaigns, saveCampaign } from '../../campaigns/store.js';
import { fail } from '../../core/errors.js';
import { needs } from '../access.js';
import { audit } from '../audit.js';
import { principalOf, type ServerDeps } from '../types.js';
import { queueWrite } from '../write-queue.js';
import { idParam } from './schemas.js';

const anyJson = z.record(z.string(), z.unknown());
const saved = z.object({ campaign: anyJson, ordersMoved: z.number() });

/** A campaign of every shop is seen by everyone; one of a shop by those who see that shop. */
const visible = (scope: Scope, shopId: string | null) => shopId === null || scope.shopIds === 'all' || scope.shopIds.includes(shopId);
/** Changing a campaign of every shop moves orders of every shop: only someone who sees them all may. */
const writable = (scope: Scope, shopId: string | null) => scope.shopIds === 'all' || (shopId !== null && scope.shopIds.includes(shopId));

function parseBody(request: FastifyRequest): CampaignInput {
  const parsed = campaignInput.safeParse(request.body);
  if (!parsed.success) fail(CampaignErrors.CAMPAIGN_INVALID, { detail: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
  const scope = principalOf(request).scope;
  if (!writable(scope, parsed.data.shopId)) {
    fail(CampaignErrors.CAMPAIGN_INVALID, { detail: parsed.data.shopId === null ? 'only a user who sees every shop may set a campaign for all shops / 只有可见全部店铺的用户才能设置全店活动' : `shop ${parsed.data.shopId} is outside your scope / 店铺不在可见范围内` });
  }
  return parsed.data;
}

export function registerCampaignRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { wh } = deps;
  const existing = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    const c = await getCampaign(wh, id);
    const scope = principalOf(request).scope;
    if (!visible(scope, c.shopId)) fail(CampaignErrors.CAMPAIGN_NOT_FOUND, { id });
    if (!writable(scope, c.shopId)) fail(CampaignErrors.CAMPAIGN_INVALID, { detail: 'a campaign of every shop: only a user who sees every shop may change it / 全店活动只能由可见全部店铺的用户修改' });
    return c;
  };

  app.get('/api/campaigns', {
    config: { access: needs('page:analysis', { shops: 'filtered', example: () => ({}) }) },
    schema: {
      summary: '活动日历:大促及其阶段、日期与目标 / the campaign calendar: campaigns, phases, dates and targets', tags: ['campaigns'],
      response: { 200: z.object({ campaigns: z.array(anyJson), kinds: z.array(z.object({ id: z.string(), name: z.object({ zh: z.string(), en: z.string() }) })) }) },
    },
  }, async (request) => {
    const scope = principalOf(request).scope;
    return {
      campaigns: (await listCampaigns(wh)).filter((c) => visible(scope, c.shopId)),
      kinds: campaignKinds.map((id) => ({ id, name: campaignKindNames[id] })),
    };
  });

  app.post('/api/campaigns', {
    config: { access: needs('campaigns:manage') },
    schema: { summary: '新建活动 / add a campaign', tags: ['campaigns'], body: anyJson, response: { 200: saved } },
  }, async (request) => {
    const input = parseBody(request);
    const r = await queueWrite(() => saveCampaign(wh, input));
    await audit(deps, request, { action: 'campaign.update', target: r.campaign.id, detail: { name: input.name, created: true, ordersMoved: r.ordersMoved } });
    return { campaign: r.campaign as unknown as Record<string, unknown>, ordersMoved: r.ordersMoved };
  });

  app.put('/api/campaigns/:id', {
    config: { access: needs('campaigns:manage') },
    schema: { summary: '修改活动 / change a campaign', tags: ['campaigns'], params: idParam, body: anyJson, response: { 200: saved } },
  }, async (request) => {
    const old = await existing(request);
    const input = parseBody(request);
    const r = await queueWrite(() => saveCampaign(wh, input, old.id));
    await audit(deps, request, { action: 'campaign.update', target: old.id, detail: { name: input.name, ordersMoved: r.ordersMoved } });
    return { campaign: r.campaign as unknown as Record<string, unknown>, ordersMoved: r.ordersMoved };
  });

  app.delete('/api/campaigns/:id', {
    config: { access: needs('campaigns:manage') },
    schema: { summary: '删除活动 / remove a campaign', tags: ['campaigns'], params: idParam, response: { 200: z.object({ ok: z.literal(true), ordersMoved: z.number() }) } },
  }, async (request) => {
    const old = await existing(request);
    const moved = await queueWrite(() => deleteCampaign(wh, old.id));
    await audit(deps, request, { action: 'campaign.update', target: old.id, detail: { name: old.name, deleted: true, ordersMoved: moved } });
    return { ok: true as const, ordersMoved: moved };
  });
}
