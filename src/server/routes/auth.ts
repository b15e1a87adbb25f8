/** Sign in and out, who am I, change my password. Login is rate limited per IP and locks accounts. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { AuthErrors } from '../../auth/errors.js';
import { permissionNames } from '../../auth/permissions.js';
import { burnVerification, verifyPassword } from '../../auth/passwords.js';
import { sha256 } from '../../auth/secrets.js';
import { needs, publicAccess } from '../access.js';
import { audit } from '../audit.js';
import { clearSessionCookies, SESSION_COOKIE } from '../auth/cookies.js';
import { roleDef } from '../auth/principal-loader.js';
import { startSession } from '../auth/sessions.js';
import { changeAccount, userView } from '../services/accounts.js';
import { principalOf, type ServerDeps } from '../types.js';
import { password, userName, userView as userViewSchema } from './schemas.js';

const me = z.object({
  user: userViewSchema,
  /** the role's name, for the header (a custom role is named by its id when it is gone) */
  roleName: z.object({ zh: z.string(), en: z.string() }),
  permissions: z.array(z.string()),
  /** the names of those permissions, for the token form */
  permissionNames: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
  scope: z.object({ shopIds: z.union([z.literal('all'), z.array(z.string())]) }),
  via: z.enum(['session', 'token']),
  csrfToken: z.string().nullable(),
});

export function registerAuthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const { login } = deps.config;

  app.post('/api/auth/login', {
    config: { access: publicAccess(), rateLimit: { max: login.maxPerMinute, timeWindow: 60_000 } },
    schema: {
      summary: '登录 / sign in',
      tags: ['auth'],
      body: z.strictObject({ name: userName, password }),
      response: { 200: z.object({ user: userViewSchema, csrfToken: z.string() }) },
    },
  }, async (request, reply) => {
    const { name, password: pw } = request.body as { name: string; password: string };
    const failed = (reason: string) => audit(deps, request, { actorId: null, actorName: name, action: 'login.failed', target: name, outcome: 'denied', detail: { reason } });
    const user = await deps.meta.users.byName(name);
    if (!user) {
      await burnVerification(pw);
      await failed('unknown user');
      fail(AuthErrors.AUTH_BAD_CREDENTIALS, {});
    }
    const now = Date.now();
    if (user.lockedUntil !== null && user.lockedUntil > now) {
      await failed('locked');
      fail(AuthErrors.AUTH_LOCKED, { minutes: Math.ceil((user.lockedUntil - now) / 60_000) });
    }
    if (!(await verifyPassword(user.passwordHash, pw))) {
      const r = await deps.meta.users.recordFailedLogin(user.id, login.lockAfter, login.lockMs, now);
      await failed(`wrong password (${r.failedLogins})`);
      if (r.lockedUntil !== null && r.lockedUntil > now) fail(AuthErrors.AUTH_LOCKED, { minutes: Math.ceil(login.lockMs / 60_000) });
      fail(AuthErrors.AUTH_BAD_CREDENTIALS, {});
    }
    // Checked after the password so a guesser cannot tell disabled accounts from wrong passwords.
    if (user.disabled) {
      await failed('disabled');
      fail(AuthErrors.AUTH_DISABLED, {});
    }
    await deps.meta.users.clearFailedLogins(user.id);
    const { csrfToken } = await startSession(deps, request, reply, user);
    await audit(deps, request, { actorId: user.id, actorName: user.name, action: 'login', target: user.id });
    return { user: userView(user), csrfToken };
  });

  app.post('/api/auth/logout', {
    config: { access: needs(null) },
    schema: { summary: '退出登录 / sign out', tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await deps.meta.sessions.delete(sha256(cookie));
    clearSessionCookies(reply, deps.config);
    await audit(deps, request, { action: 'logout' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', {
    config: { access: needs(null) },
    schema: { summary: '当前用户、权限与店铺范围 / the signed-in user, permissions and shop scope', tags: ['auth'], response: { 200: me } },
  }, async (request) => {
    const p = principalOf(request);
    const user = (await deps.meta.users.byId(p.userId))!;
    const role = await roleDef(deps.meta, user.role);
    return { user: userView(user), roleName: role?.name ?? { zh: user.role, en: user.role }, permissions: [...p.permissions].sort(),
      permissionNames: Object.fromEntries([...p.permissions].map((id) => [id, permissionNames[id]])), scope: { shopIds: p.scope.shopIds }, via: p.via, csrfToken: request.sessionCsrf };
  });

  app.post('/api/auth/password', {
    config: { access: needs(null, { sessionOnly: true }) },
    schema: {
      summary: '修改自己的密码(其他会话将退出)/ change my password (other sessions end)',
      tags: ['auth'],
      body: z.strictObject({ currentPassword: password, newPassword: password }),
      response: { 200: z.object({ user: userViewSchema, csrfToken: z.string() }) },
    },
  }, async (request, reply) => {
    const p = principalOf(request);
    const { currentPassword, newPassword } = request.body as { currentPassword: string; newPassword: string };
    const user = (await deps.meta.users.byId(p.userId))!;
    if (!(await verifyPassword(user.passwordHash, currentPassword))) fail(AuthErrors.AUTH_BAD_CREDENTIALS, {});
    const updated = await changeAccount(deps.meta, user.id, { password: newPassword }, { actorId: p.userId, actorName: p.name, ip: request.ip });
    const { csrfToken } = await startSession(deps, request, reply, updated);
    return { user: userView(updated), csrfToken };
  });
}
