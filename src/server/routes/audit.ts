/** The audit log, newest first, for admins (audit:read). There is no route that changes it. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditActions } from '../../meta/index.js';
import { needs } from '../access.js';
import type { ServerDeps } from '../types.js';

const entry = z.object({
  seq: z.number(), at: z.number(), actorId: z.string().nullable(), actorName: z.string().nullable(),
  action: z.string(), target: z.string().nullable(), outcome: z.string(), ip: z.string().nullable(), detail: z.record(z.string(), z.unknown()),
});

export function registerAuditRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/audit', {
    config: { access: needs('audit:read', { example: () => ({ query: { limit: '5' } }) }) },
    schema: {
      summary: '审计日志(只增不改)/ the append-only audit log',
      tags: ['audit'],
      querystring: z.strictObject({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        beforeSeq: z.coerce.number().int().min(1).optional(),
        action: z.enum(auditActions).optional(),
        actorId: z.string().max(100).optional(),
      }),
      response: { 200: z.object({ entries: z.array(entry) }) },
    },
  }, async (request) => {
    const q = request.query as { limit: number; beforeSeq?: number; action?: (typeof auditActions)[number]; actorId?: string };
    return { entries: await deps.meta.audit.list(q) };
  });
}
