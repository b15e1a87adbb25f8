/**
 * A user record becomes a Principal: the role's permissions (built-in or custom), narrowed by an
 * API token's own scope, and the shop scope with platform grants expanded through the
 * warehouse's shops table — so a shop imported later on a granted platform is in scope at once.
 */
import { isPermission, type Permission } from '../../auth/permissions.js';
import type { Principal, Scope } from '../../auth/principal.js';
import { builtinRoles, isBuiltinRole, type RoleDef } from '../../auth/roles.js';
import type { MetaStore, UserRecord } from '../../meta/index.js';
import type { Warehouse } from '../../warehouse/index.js';

export async function roleDef(meta: MetaStore, roleId: string): Promise<RoleDef | undefined> {
  if (isBuiltinRole(roleId)) return builtinRoles[roleId];
  const r = await meta.roles.get(roleId);
  if (!r) return undefined;
  return { id: r.id, name: r.name, permissions: r.permissions.filter(isPermission), requiresShopList: r.requiresShopList, builtin: false };
}

export async function scopeOf(wh: Warehouse, user: Pick<UserRecord, 'shops' | 'platforms'>): Promise<Scope> {
  if (user.shops === 'all') return { shopIds: 'all' };
  const shops = new Set(user.shops);
  if (user.platforms.length > 0) {
    const p = wh.dialect.param;
    const rows = await wh.query<{ shop_id: string }>(
      `SELECT shop_id FROM shops WHERE platform IN (${user.platforms.map((_, i) => p(i + 1)).join(', ')})`,
      user.platforms,
    );
    for (const r of rows) shops.add(r.shop_id);
  }
  return { shopIds: [...shops].sort() };
}

export async function loadPrincipal(
  deps: { wh: Warehouse; meta: MetaStore },
  user: UserRecord,
  via: 'session' | 'token',
  tokenPermissions?: readonly string[],
): Promise<Principal> {
  const role = await roleDef(deps.meta, user.role);
  let perms: Permission[] = role ? [...role.permissions] : [];
  // A token never grants more than its owner has today: demoting the owner demotes the token.
  if (tokenPermissions) perms = perms.filter((p) => tokenPermissions.includes(p));
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    permissions: new Set(perms),
    scope: await scopeOf(deps.wh, user),
    via,
  };
}
