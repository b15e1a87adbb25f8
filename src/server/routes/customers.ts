/**
 * Buyer lists: PII is masked unless the reader holds pii:read, exports of buyer lists are
 * audited, and a buyer's PII can be purged (PIPL). The shop scope goes into the SQL.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { maskRows, piiOfColumns } from '../../auth/pii.js';
import { scopedShops } from '../../auth/principal.js';
import { purgeBuyerPii } from '../../auth/purge.js';
import { renderCsv } from '../../cli/output.js';
import { customers } from '../../model/index.js';
import type { ResultRow } from '../../warehouse/index.js';
import { needs } from '../access.js';
import { audit } from '../audit.js';
import { principalOf, type ServerDeps } from '../types.js';
import { shopId } from './schemas.js';

const COLUMNS = ['shop_id', 'customer_id', 'member_tier', 'first_paid_at', 'nickname', 'receiver_name', 'phone', 'address', 'province', 'city'] as const;
const PII = piiOfColumns(customers.columns);

const listQuery = z.strictObject({
  shopId: z.union([shopId, z.array(shopId).max(100)]).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

async function buyerRows(deps: ServerDeps, shops: readonly string[] | 'all', limit: number, offset: number): Promise<ResultRow[]> {
  const q = deps.wh.dialect.quoteIdent;
  const p = deps.wh.dialect.param;
  if (shops !== 'all' && shops.length === 0) return [];
  const where = shops === 'all' ? '' : `WHERE shop_id IN (${shops.map((_, i) => p(i + 1)).join(', ')})`;
  const params = shops === 'all' ? [] : [...shops];
  return deps.wh.query(
    `SELECT ${COLUMNS.map(q).join(', ')} FROM customers ${where} ORDER BY shop_id, customer_id LIMIT ${p(params.length + 1)} OFFSET ${p(params.length + 2)}`,
    [...params, limit, offset],
  );
}

const requested = (v: string | string[] | undefined) => (v === undefined ? undefined : [v].flat());

export function registerCustomerRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const shopsParam = { in: 'query', name: 'shopId' } as const;

  app.get('/api/customers', {
    config: { access: needs('customers:read', { shops: shopsParam, example: (shop) => ({ query: { shopId: shop, limit: '50' } }) }) },
    schema: { summary: '买家列表(个人信息按角色脱敏)/ buyers, personal information masked by role', tags: ['customers'], querystring: listQuery },
  }, async (request) => {
    const principal = principalOf(request);
    const qs = request.query as z.infer<typeof listQuery>;
    const rows = await buyerRows(deps, scopedShops(principal.scope, requested(qs.shopId)), qs.limit, qs.offset);
    return { rows: maskRows(rows, PII, principal), masked: !principal.permissions.has('pii:read') };
  });

  app.get('/api/customers/export', {
    config: { access: needs(['export', 'customers:read'], { shops: shopsParam, example: (shop) => ({ query: { shopId: shop } }) }) },
    schema: { summary: '导出买家列表 CSV(记入审计日志)/ export buyers as CSV (audited)', tags: ['customers'], querystring: listQuery },
  }, async (request, reply) => {
    const principal = principalOf(request);
    const qs = request.query as z.infer<typeof listQuery>;
    const shops = scopedShops(principal.scope, requested(qs.shopId));
    const rows = maskRows(await buyerRows(deps, shops, qs.limit, qs.offset), PII, principal);
    const masked = !principal.permissions.has('pii:read');
    await audit(deps, request, { action: 'export', target: 'customers', detail: { kind: 'buyer_list', shops, rows: rows.length, masked } });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="buyers.csv"')
      .send('\ufeff' + renderCsv(rows, COLUMNS));
  });

  app.post('/api/customers/purge', {
    config: { access: needs('pii:purge', { shops: { in: 'body', name: 'shopId' }, example: (shop) => ({ body: { shopId: shop, customerId: 'c-none' } }) }) },
    schema: {
      summary: '删除某买家的个人信息(PIPL)/ purge one buyer’s personal information (PIPL)',
      tags: ['customers'],
      body: z.strictObject({ shopId, customerId: z.string().min(1).max(200) }),
      response: { 200: z.object({ purged: z.array(z.object({ table: z.string(), columns: z.array(z.string()), rows: z.number() })) }) },
    },
  }, async (request) => {
    const { shopId: shop, customerId } = request.body as { shopId: string; customerId: string };
    const purged = await purgeBuyerPii(deps.wh, shop, customerId);
    await audit(deps, request, { action: 'pii.purge', target: `${shop}/${customerId}`, detail: { purged } });
    return { purged };
  });
}
