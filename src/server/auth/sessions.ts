import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomSecret, sha256 } from '../../auth/secrets.js';
import type { UserRecord } from '../../meta/index.js';
import type { ServerDeps } from '../types.js';
import { setSessionCookies } from './cookies.js';

/** Starts a browser session: a fresh id (no fixation) and CSRF token, both sent as cookies. */
export async function startSession(deps: ServerDeps, request: FastifyRequest, reply: FastifyReply, user: UserRecord): Promise<{ csrfToken: string }> {
  const id = randomSecret();
  const csrfToken = randomSecret();
  await deps.meta.sessions.create({
    idHash: sha256(id),
    userId: user.id,
    csrfToken,
    expiresAt: Date.now() + deps.config.sessionTtlMs,
    ip: request.ip,
    userAgent: (request.headers['user-agent'] ?? '').slice(0, 300) || null,
  });
  setSessionCookies(reply, deps.config, id, csrfToken);
  return { csrfToken };
}
