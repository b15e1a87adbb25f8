/** User and role administration (users:manage). Every change is audited and ends the user's sessions. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fail } from '../../core/errors.js';
import { AuthErrors } from '../../auth/errors.js';
import { permissionNames, permissions } from '../../auth/permissions.js';
import { builtinRoles, isBuiltinRole } from '../../auth/roles.js';
import { MetaErrors } from '../../meta/index.js';
import { needs } from '../access.js';
import { audit } from '../audit.js';
import { assertCanGrant, changeAccount, createAccount, deleteAccount, ownedBy, ownedKinds, userView } from '../services/accounts.js';
import { ServerErrors } from '../errors.js';
import { principalOf, type ServerDeps } from '../types.js';
import { idParam, password, platformList, roleId, shopList, userName, userView as userViewSchema } from './schemas.js';

const roleView = z.object({
  id: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  permissions: z.array(z.string()),
  requiresShopList: z.boolean(),
  builtin: z.boolean(),
});

export function registerUserRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const admin = needs('users:manage');
  /** the user being changed may not hold more than the admin changing them */
  const guardTarget = async (id: string, request: Parameters<typeof principalOf>[0]) => {
    const target = await deps.meta.users.byId(id);
    if (target) await assertCanGrant(deps.meta, principalOf(request), { role: target.role, shops: target.shops, platforms: target.platforms });
  };
  const actor = (request: Parameters<typeof principalOf>[0] & { ip: string }) => {
    const p = principalOf(request);
    return { actorId: p.userId, actorName: p.name, ip: request.ip };
  };

  app.get('/api/users', {
    config: { access: admin },
    schema: { summary: '用户列表 / list users', tags: ['users'], response: { 200: z.object({ users: z.array(userViewSchema) }) } },
  }, async () => ({ users: (await deps.meta.users.list()).map((u) => userView(u)) }));

  app.post('/api/users', {
    config: { access: needs('users:manage', { example: (shop) => ({ body: { name: `matrix-${Math.random().toString(36).slice(2, 8)}`, password: 'matrix-password-1', role: 'agency', shops: [shop] } }) }) },
    schema: {
      summary: '创建用户 / create a user',
      tags: ['users'],
      body: z.strictObject({ name: userName, password, role: roleId, shops: shopList, platforms: platformList.optional(), displayName: z.string().min(1).max(100).optional() }),
      response: { 200: z.object({ user: userViewSchema }) },
    },
  }, async (request) => {
    const body = request.body as { name: string; password: string; role: string; shops: string[] | 'all'; platforms?: string[]; displayName?: string };
    await assertCanGrant(deps.meta, principalOf(request), body);
    return { user: userView(await createAccount(deps.meta, body, actor(request))) };
  });

  app.patch('/api/users/:id', {
    config: { access: admin },
    schema: {
      summary: '修改用户(角色、店铺、停用、重置密码)/ change a user (role, shops, disable, reset password)',
      tags: ['users'],
      params: idParam,
      body: z.strictObject({ role: roleId.optional(), shops: shopList.optional(), platforms: platformList.optional(), disabled: z.boolean().optional(), password: password.optional(), displayName: z.string().min(1).max(100).optional() }),
      response: { 200: z.object({ user: userViewSchema }) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const change = request.body as { role?: string; shops?: string[] | 'all'; platforms?: string[] };
    await guardTarget(id, request);
    await assertCanGrant(deps.meta, principalOf(request), change);
    return { user: userView(await changeAccount(deps.meta, id, change, actor(request))) };
  });

  app.get('/api/users/:id/owned', {
    config: { access: admin },
    schema: {
      summary: '成员名下的看板、报表、告警规则与定时报表 / the dashboards, reports, alert rules and schedules a member owns', tags: ['users'], params: idParam,
      response: { 200: z.object({ owned: z.record(z.enum(ownedKinds), z.number()) }) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    if (!(await deps.meta.users.byId(id))) fail(ServerErrors.SERVER_NOT_FOUND_USER, { id });
    return { owned: await ownedBy(deps.meta, id) };
  });

  app.delete('/api/users/:id', {
    config: { access: admin },
    schema: {
      summary: '删除用户(可把其看板、报表、告警规则与定时报表转给另一位成员)/ delete a user (optionally handing their work to another member)', tags: ['users'],
      params: idParam, querystring: z.strictObject({ transferTo: z.string().min(1).max(100).optional() }), response: { 200: z.object({ ok: z.literal(true) }) },
    },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const { transferTo } = request.query as { transferTo?: string };
    await guardTarget(id, request);
    if (transferTo) await guardTarget(transferTo, request);
    await deleteAccount(deps.meta, id, actor(request), transferTo);
    return { ok: true as const };
  });

  app.get('/api/roles', {
    config: { access: admin },
    schema: { summary: '角色与权限 / roles and permissions', tags: ['users'], response: { 200: z.object({ roles: z.array(roleView), permissions: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string() })) }) } },
  }, async () => ({
    roles: [...Object.values(builtinRoles), ...(await deps.meta.roles.list()).map((r) => ({ ...r, builtin: false }))],
    permissions: permissions.map((id) => ({ id, ...permissionNames[id] })),
  }));

  const roleBody = z.strictObject({
    id: roleId,
    name: z.strictObject({ zh: z.string().min(1).max(40), en: z.string().min(1).max(40) }),
    permissions: z.array(z.enum(permissions)).max(permissions.length),
    requiresShopList: z.boolean().default(false),
  });

  app.put('/api/roles/:id', {
    config: { access: admin },
    schema: { summary: '创建或修改自定义角色 / create or change a custom role', tags: ['users'], params: z.strictObject({ id: roleId }), body: roleBody.omit({ id: true }), response: { 200: z.object({ role: roleView }) } },
  }, async (request) => {
    const { id } = request.params as { id: string };
    if (isBuiltinRole(id)) fail(MetaErrors.META_CONFLICT, { what: 'role', id });
    const role = { ...(request.body as Omit<z.infer<typeof roleBody>, 'id'>), id };
    await assertCanGrant(deps.meta, principalOf(request), { permissions: role.permissions });
    const existing = await deps.meta.roles.get(id);
    // changing a role changes everyone who holds it: the admin must hold what it had, too
    if (existing) await assertCanGrant(deps.meta, principalOf(request), { permissions: existing.permissions });
    if (existing) await deps.meta.roles.update(role);
    else await deps.meta.roles.create(role);
    await audit(deps, request, { action: existing ? 'role.update' : 'role.create', target: id, detail: { before: existing ?? null, after: role } });
    return { role: { ...role, builtin: false } };
  });

  app.delete('/api/roles/:id', {
    config: { access: admin },
    schema: { summary: '删除自定义角色 / delete a custom role', tags: ['users'], params: idParam, response: { 200: z.object({ ok: z.literal(true) }) } },
  }, async (request) => {
    const { id } = request.params as { id: string };
    if ((await deps.meta.users.list()).some((u) => u.role === id)) fail(AuthErrors.AUTH_ROLE_IN_USE, { role: id });
    if (!(await deps.meta.roles.delete(id))) fail(MetaErrors.META_NOT_FOUND, { what: 'role', id });
    await audit(deps, request, { action: 'role.delete', target: id });
    return { ok: true as const };
  });
}
