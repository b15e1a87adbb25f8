/**
 * The demo seller from the web: loaded into an empty store (the empty state's button), and
 * taken out again when the seller's own data is in, without touching what they imported.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { defineErrors, fail } from '../../core/errors.js';
import { demoShopsIn, generateDemo, removeDemo } from '../../demo/index.js';
import { needs } from '../access.js';
import { forgetShops } from '../services/forget-shops.js';
import { audit } from '../audit.js';
import type { ServerDeps } from '../types.js';
import { queueWrite } from '../write-queue.js';

export const DemoRouteErrors = defineErrors({
  WEB_STORE_NOT_EMPTY: {
    http: 409, userCaused: true,
    zh: () => '库中已有数据,演示店铺只能加载到空库', en: () => 'the store already holds data: the demo store loads only into an empty store',
  },
});

export function registerDemoRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { wh } = deps;

  app.get('/api/demo', {
    config: { access: needs('page:data') },
    schema: { summary: '库中的演示店铺 / the demo shops in the store', tags: ['data'], response: { 200: z.object({ shops: z.array(z.string()) }) } },
  }, async () => ({ shops: await demoShopsIn(wh) }));

  app.post('/api/demo', {
    config: { access: needs('import') },
    schema: {
      summary: '向空库加载演示店铺 / load the demo store into an empty store', tags: ['data'],
      body: z.strictObject({ orders: z.number().int().min(1000).max(2_000_000).default(100_000), seed: z.number().int().positive().default(42) }),
      response: { 200: z.object({ orderLines: z.number() }) },
    },
  }, async (request) => {
    const { orders, seed } = request.body as { orders: number; seed: number };
    const [row] = await wh.query<{ n: bigint }>('SELECT count(*) AS n FROM shops');
    if (Number(row?.n ?? 0) > 0) fail(DemoRouteErrors.WEB_STORE_NOT_EMPTY, {});
    const summary = await queueWrite(() => generateDemo(wh, { orderLines: orders, seed }));
    await audit(deps, request, { action: 'import', target: 'demo', detail: { orderLines: summary.orderLines } });
    return { orderLines: summary.orderLines };
  });

  app.delete('/api/demo', {
    config: { access: needs('data:delete') },
    schema: {
      summary: '删除演示店铺数据,保留导入的数据 / remove the demo seller, keep imported data', tags: ['data'],
      response: { 200: z.object({ shops: z.array(z.string()), rows: z.number(), alerts: z.number(), actions: z.number() }) },
    },
  }, async (request) => {
    const r = await queueWrite(() => removeDemo(wh));
    const rows = Object.values(r.rows).reduce((a, n) => a + n, 0);
    // then the alerts and actions about those shops alone (the metadata store is another database)
    const forgotten = await forgetShops(deps.meta, r.shops);
    await audit(deps, request, { action: 'delete', target: 'demo', detail: { shops: r.shops, rows, ...forgotten } });
    return { shops: r.shops, rows, ...forgotten };
  });
}
