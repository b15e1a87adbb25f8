/**
 * The one place a request's identity and rights are decided. onRequest: who is asking (API
 * token or session cookie), is the route open to them (setup state, permission, CSRF).
 * preValidation (body parsed by then): are the shops they ask for inside their scope.
 */
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { fail } from '../../core/errors.js';
import { AuthErrors } from '../../auth/errors.js';
import type { Permission } from '../../auth/permissions.js';
import { scopeAllows } from '../../auth/principal.js';
import { API_TOKEN_PREFIX, safeEqual, sha256 } from '../../auth/secrets.js';
import type { ShopParam } from '../access.js';
import type { ServerDeps } from '../types.js';
import { CSRF_HEADER, SESSION_COOKIE } from './cookies.js';
import { loadPrincipal } from './principal-loader.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Remembers once a user exists (users are never all deleted: the last owner cannot be). */
export function setupState(deps: ServerDeps) {
  let done = false;
  return {
    async isDone(): Promise<boolean> {
      if (!done) done = (await deps.meta.users.count()) > 0;
      return done;
    },
  };
}

async function identify(deps: ServerDeps, request: FastifyRequest): Promise<void> {
  const auth = request.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    // A wrong token is an error, never a silent fall-back to the cookie.
    if (!m || !m[1]!.startsWith(API_TOKEN_PREFIX)) fail(AuthErrors.AUTH_REQUIRED, {});
    const token = await deps.meta.tokens.byHash(sha256(m[1]!));
    if (!token) fail(AuthErrors.AUTH_REQUIRED, {});
    const user = await deps.meta.users.byId(token.userId);
    if (!user || user.disabled) fail(AuthErrors.AUTH_REQUIRED, {});
    await deps.meta.tokens.touch(token.id);
    request.principal = await loadPrincipal(deps, user, 'token', token.permissions);
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const session = await deps.meta.sessions.get(sha256(cookie));
  if (!session) return;
  const user = await deps.meta.users.byId(session.userId);
  if (!user || user.disabled) return;
  request.principal = await loadPrincipal(deps, user, 'session');
  request.sessionCsrf = session.csrfToken;
}

export function shopIdsIn(request: FastifyRequest, where: ShopParam): string[] {
  const source = (where.in === 'query' ? request.query : where.in === 'params' ? request.params : request.body) as Record<string, unknown> | undefined;
  const raw = source && typeof source === 'object' ? source[where.name] : undefined;
  const values = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return values.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
}

export function installGuard(app: FastifyInstance, deps: ServerDeps): void {
  const setup = setupState(deps);
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'public') return;
    if (access.kind === 'setup') {
      if (await setup.isDone()) fail(AuthErrors.AUTH_SETUP_DONE, {});
      return;
    }
    if (!(await setup.isDone())) fail(AuthErrors.AUTH_SETUP_REQUIRED, {});
    await identify(deps, request);
    const p = request.principal;
    if (!p) fail(AuthErrors.AUTH_REQUIRED, {});
    if (p.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !request.sessionCsrf || !safeEqual(sent, request.sessionCsrf)) fail(AuthErrors.AUTH_CSRF, {});
    }
    if (access.sessionOnly && p.via !== 'session') fail(AuthErrors.AUTH_SESSION_ONLY, {});
    const missing = access.permissions.find((x) => !p.permissions.has(x));
    if (missing) fail(AuthErrors.AUTH_FORBIDDEN, { permission: missing });
  });

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access?.kind !== 'user' || typeof access.shops !== 'object' || !request.principal) return;
    for (const shopId of shopIdsIn(request, access.shops)) {
      if (!scopeAllows(request.principal.scope, shopId)) fail(AuthErrors.AUTH_SHOP_FORBIDDEN, { shopId });
    }
  });
}

/** An extra permission a handler needs beyond its route's declaration (e.g. export + pii:read). */
export function requirePermission(permission: Permission): preHandlerAsyncHookHandler {
  return async (request) => {
    if (!request.principal) fail(AuthErrors.AUTH_REQUIRED, {});
    if (!request.principal.permissions.has(permission)) fail(AuthErrors.AUTH_FORBIDDEN, { permission });
  };
}
