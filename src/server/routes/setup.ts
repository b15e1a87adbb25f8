/** First run: while no user exists, the API answers only health and these two routes. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { AuthErrors } from '../../auth/errors.js';
import { publicAccess, setupAccess } from '../access.js';
import { startSession } from '../auth/sessions.js';
import { createAccount, userView } from '../services/accounts.js';
import type { ServerDeps } from '../types.js';
import { password, userName, userView as userViewSchema } from './schemas.js';

export function registerSetupRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/setup', {
    config: { access: publicAccess() },
    schema: { summary: '是否需要初始设置 / whether first-run setup is needed', tags: ['auth'], response: { 200: z.object({ needsSetup: z.boolean() }) } },
  }, async () => ({ needsSetup: (await deps.meta.users.count()) === 0 }));

  app.post('/api/setup', {
    config: { access: setupAccess() },
    schema: {
      summary: '创建第一位管理员并登录 / create the first admin and sign in',
      tags: ['auth'],
      body: z.strictObject({ name: userName, password, displayName: z.string().min(1).max(100).optional() }),
      response: { 200: z.object({ user: userViewSchema, csrfToken: z.string() }) },
    },
  }, async (request, reply) => {
    const body = request.body as { name: string; password: string; displayName?: string };
    // Re-checked here: two setup requests racing past the guard must not make two admins.
    if ((await deps.meta.users.count()) > 0) fail(AuthErrors.AUTH_SETUP_DONE, {});
    const user = await createAccount(deps.meta, { ...body, role: 'owner', shops: 'all' }, { actorId: null, actorName: body.name, ip: request.ip });
    await deps.meta.audit.append({ actorId: user.id, actorName: user.name, ip: request.ip, action: 'setup', target: user.id });
    const { csrfToken } = await startSession(deps, request, reply, user);
    return { user: userView(user), csrfToken };
  });
}
