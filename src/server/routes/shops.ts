/**
 * The example of a shop-scoped route (see ../README.md): the shops the principal may see, from
 * the warehouse. The scope is applied in the SQL, not after the fact.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { needs } from '../access.js';
import { principalOf, type ServerDeps } from '../types.js';
import { shopId } from './schemas.js';

const shopView = z.object({ shopId: z.string(), platform: z.string(), name: z.string(), timezone: z.string(), currency: z.string() });

export function registerShopRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/shops', {
    config: { access: needs('metrics:read', { shops: 'filtered', example: () => ({}) }) },
    schema: { summary: '可见店铺 / the shops I may see', tags: ['shops'], response: { 200: z.object({ shops: z.array(shopView) }) } },
  }, async (request) => {
    const { shopIds } = principalOf(request).scope;
    const p = deps.wh.dialect.param;
    const where = shopIds === 'all' ? '' : shopIds.length === 0 ? 'WHERE false' : `WHERE shop_id IN (${shopIds.map((_, i) => p(i + 1)).join(', ')})`;
    const rows = await deps.wh.query<{ shop_id: string; platform: string; name: string; timezone: string; currency: string }>(
      `SELECT shop_id, platform, name, timezone, currency FROM shops ${where} ORDER BY shop_id`,
      shopIds === 'all' ? [] : shopIds,
    );
    return { shops: rows.map((r) => ({ shopId: r.shop_id, platform: r.platform, name: r.name, timezone: r.timezone, currency: r.currency })) };
  });

  app.get('/api/shops/:shopId', {
    config: { access: needs('metrics:read', { shops: { in: 'params', name: 'shopId' }, example: (shop) => ({ params: { shopId: shop } }) }) },
    schema: { summary: '店铺详情 / one shop', tags: ['shops'], params: z.strictObject({ shopId }), response: { 200: z.object({ shop: shopView }) } },
  }, async (request, reply) => {
    const { shopId: id } = request.params as { shopId: string };
    const [r] = await deps.wh.query<{ shop_id: string; platform: string; name: string; timezone: string; currency: string }>(
      `SELECT shop_id, platform, name, timezone, currency FROM shops WHERE shop_id = ${deps.wh.dialect.param(1)}`,
      [id],
    );
    if (!r) return reply.callNotFound();
    return { shop: { shopId: r.shop_id, platform: r.platform, name: r.name, timezone: r.timezone, currency: r.currency } };
  });
}
