/** API tokens for scripts: scoped to a subset of the owner's permissions, revocable, shown once. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { permissions } from '../../auth/permissions.js';
import { newApiToken, sha256 } from '../../auth/secrets.js';
import { MetaErrors } from '../../meta/index.js';
import { needs } from '../access.js';
import { audit } from '../audit.js';
import { principalOf, type ServerDeps } from '../types.js';
import { idParam } from './schemas.js';

const tokenView = z.object({
  id: z.string(), name: z.string(), permissions: z.array(z.string()),
  createdAt: z.number(), expiresAt: z.number().nullable(), lastUsedAt: z.number().nullable(), revokedAt: z.number().nullable(),
});

export function registerTokenRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/tokens', {
    config: { access: needs(null) },
    schema: { summary: '我的 API 令牌 / my API tokens', tags: ['tokens'], response: { 200: z.object({ tokens: z.array(tokenView) }) } },
  }, async (request) => {
    const rows = await deps.meta.tokens.listForUser(principalOf(request).userId);
    return { tokens: rows.map(({ tokenHash: _h, userId: _u, ...t }) => t) };
  });

  app.post('/api/tokens', {
    // A leaked script token must not be able to mint or revoke tokens.
    config: { access: needs(null, { sessionOnly: true, example: () => ({ body: { name: 'matrix', permissions: ['metrics:read'] } }) }) },
    schema: {
      summary: '创建 API 令牌(令牌只显示这一次)/ create an API token (shown only this once)',
      tags: ['tokens'],
      body: z.strictObject({
        name: z.string().min(1).max(80),
        permissions: z.array(z.enum(permissions)).min(1).max(permissions.length),
        expiresInDays: z.number().int().min(1).max(3650).optional(),
      }),
      response: { 200: z.object({ token: z.string(), info: tokenView }) },
    },
  }, async (request) => {
    const p = principalOf(request);
    const body = request.body as { name: string; permissions: string[]; expiresInDays?: number };
    // A token can only narrow its owner's rights; asking for more is refused, not trimmed.
    const extra = body.permissions.filter((x) => !p.permissions.has(x as never));
    if (extra.length > 0) fail(MetaErrors.META_TOKEN_EXCEEDS_OWNER, { permissions: extra.join(', ') });
    const token = newApiToken();
    const rec = await deps.meta.tokens.create({
      userId: p.userId, name: body.name, tokenHash: sha256(token), permissions: body.permissions,
      expiresAt: body.expiresInDays ? Date.now() + body.expiresInDays * 86_400_000 : null,
    });
    await audit(deps, request, { action: 'token.create', target: rec.id, detail: { name: body.name, permissions: body.permissions } });
    const { tokenHash: _h, userId: _u, ...info } = rec;
    return { token, info };
  });

  app.delete('/api/tokens/:id', {
    config: { access: needs(null, { sessionOnly: true }) },
    schema: { summary: '吊销 API 令牌 / revoke an API token', tags: ['tokens'], params: idParam, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    const p = principalOf(request);
    const { id } = request.params as { id: string };
    if (!(await deps.meta.tokens.revoke(id, p.userId))) fail(MetaErrors.META_NOT_FOUND, { what: 'token', id });
    await audit(deps, request, { action: 'token.revoke', target: id });
    return { ok: true as const };
  });
}
