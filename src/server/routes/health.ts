import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicAccess } from '../access.js';
import type { ServerDeps } from '../types.js';

export function registerHealthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/health', {
    config: { access: publicAccess() },
    schema: {
      summary: '健康检查 / health check',
      tags: ['system'],
      response: { 200: z.object({ ok: z.boolean(), warehouse: z.string(), meta: z.string() }) },
    },
  }, async () => {
    await deps.wh.query('SELECT 1 AS one');
    await deps.meta.users.count();
    return { ok: true, warehouse: deps.wh.engine, meta: deps.meta.engine };
  });
}
