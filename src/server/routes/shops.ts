/**
 * The example of a shop-scoped route (see ../README.md): the shops the principal may see, from
 * the warehouse, and the titles of their SKUs. The scope is applied in the SQL, not after the fact.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { paramList } from '../../warehouse/index.js';
import { needs } from '../access.js';
import { principalOf, type ServerDeps } from '../types.js';
import { shopId } from './schemas.js';

const shopView = z.object({ shopId: z.string(), platform: z.string(), name: z.string(), timezone: z.string(), currency: z.string() });

/** At most this many SKUs per request: a chart shows 15, a drill-down level a few dozen. */
const MAX_SKUS = 200;

export function registerShopRoutes(app: FastifyInstance, deps: ServerDeps): void {
  // Charts by SKU name their bars by title, not by a 19-digit id.
  app.get('/api/products/titles', {
    config: { access: needs('metrics:read', { shops: 'filtered', example: () => ({ query: { ids: 'A1' } }) }) },
    schema: {
      summary: '商品标题(按 SKU)/ product titles of SKUs, within my shops', tags: ['shops'],
      querystring: z.strictObject({ ids: z.string().max(MAX_SKUS * 40) }),
      response: { 200: z.object({ titles: z.record(z.string(), z.string()) }) },
    },
  }, async (request) => {
    const ids = [...new Set((request.query as { ids: string }).ids.split(',').map((x) => x.trim()).filter(Boolean))].slice(0, MAX_SKUS);
    const { shopIds } = principalOf(request).scope;
    if (ids.length === 0 || (shopIds !== 'all' && shopIds.length === 0)) return { titles: {} };
    const d = deps.wh.dialect;
    const scoped = shopIds === 'all' ? '' : ` AND shop_id IN (${paramList(d, shopIds.length, ids.length)})`;
    // a SKU id sold in two shops under two titles is named by one of them
    const rows = await deps.wh.query<{ sku_id: string; title: string }>(
      `SELECT sku_id, min(title) AS title FROM products WHERE sku_id IN (${paramList(d, ids.length)})${scoped} GROUP BY sku_id`,
      shopIds === 'all' ? ids : [...ids, ...shopIds],
    );
    return { titles: Object.fromEntries(rows.map((r) => [r.sku_id, r.title])) };
  });

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
