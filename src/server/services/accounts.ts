/**
 * Creating and changing accounts, shared by the API (setup page, user admin) and the CLI
 * (`shoplens user add`). Rules live here once: the role must exist, a limited role needs a shop
 * list, the last owner cannot be removed or demoted, and each change is audited.
 */
import { fail } from '../../core/errors.js';
import { AuthErrors } from '../../auth/errors.js';
import { hashPassword } from '../../auth/passwords.js';
import type { Permission } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import type { AuditEntry, DocumentKind, MetaStore, UserPatch, UserRecord } from '../../meta/index.js';
import { ServerErrors } from '../errors.js';
import { roleDef } from '../auth/principal-loader.js';

export interface NewAccount {
  name: string;
  displayName?: string;
  password: string;
  role: string;
  shops: readonly string[] | 'all';
  platforms?: readonly string[];
}

export type Actor = Pick<AuditEntry, 'actorId' | 'actorName' | 'ip'>;

export interface UserView {
  id: string;
  name: string;
  displayName: string;
  role: string;
  shops: readonly string[] | 'all';
  platforms: readonly string[];
  disabled: boolean;
  locked: boolean;
}

export function userView(u: UserRecord, now = Date.now()): UserView {
  return {
    id: u.id, name: u.name, displayName: u.displayName, role: u.role, shops: u.shops, platforms: u.platforms,
    disabled: u.disabled, locked: u.lockedUntil !== null && u.lockedUntil > now,
  };
}

async function checkRoleAndShops(meta: MetaStore, role: string, shops: readonly string[] | 'all', platforms: readonly string[]): Promise<void> {
  const def = await roleDef(meta, role);
  if (!def) fail(AuthErrors.AUTH_UNKNOWN_ROLE, { role });
  if (def.requiresShopList && (shops === 'all' || shops.length + platforms.length === 0)) fail(AuthErrors.AUTH_ROLE_NEEDS_SHOPS, { role });
}

export async function createAccount(meta: MetaStore, input: NewAccount, actor: Actor): Promise<UserRecord> {
  const platforms = input.platforms ?? [];
  await checkRoleAndShops(meta, input.role, input.shops, platforms);
  const passwordHash = await hashPassword(input.password);
  const user = await meta.users.create({ name: input.name, displayName: input.displayName ?? input.name, passwordHash, role: input.role, shops: input.shops, platforms });
  await meta.audit.append({ ...actor, action: 'user.create', target: user.id, detail: { name: user.name, role: user.role, shops: user.shops, platforms } });
  return user;
}

/**
 * An admin may hand out only what they hold: a custom role with users:manage cannot create an
 * owner, widen someone past its own shops, or touch a user who holds more than it does.
 */
export async function assertCanGrant(
  meta: MetaStore,
  actor: Principal,
  grant: { role?: string; permissions?: readonly string[]; shops?: readonly string[] | 'all'; platforms?: readonly string[] },
): Promise<void> {
  const perms = grant.permissions ?? (grant.role !== undefined ? (await roleDef(meta, grant.role))?.permissions ?? [] : []);
  const extra = perms.filter((p) => !actor.permissions.has(p as Permission));
  if (extra.length > 0) fail(AuthErrors.AUTH_GRANT_EXCEEDS, { what: extra.join(', ') });
  const mine = actor.scope.shopIds;
  if (mine === 'all') return;
  if (grant.shops === 'all' || (grant.platforms?.length ?? 0) > 0) fail(AuthErrors.AUTH_GRANT_EXCEEDS, { what: 'all shops / platforms' });
  const outside = (grant.shops ?? []).filter((s) => !mine.includes(s));
  if (outside.length > 0) fail(AuthErrors.AUTH_GRANT_EXCEEDS, { what: outside.join(', ') });
}

async function otherOwners(meta: MetaStore, userId: string): Promise<number> {
  return (await meta.users.list()).filter((u) => u.id !== userId && u.role === 'owner' && !u.disabled).length;
}

export interface AccountChange {
  displayName?: string;
  role?: string;
  shops?: readonly string[] | 'all';
  platforms?: readonly string[];
  disabled?: boolean;
  password?: string;
}

export async function changeAccount(meta: MetaStore, id: string, change: AccountChange, actor: Actor): Promise<UserRecord> {
  const user = await meta.users.byId(id);
  if (!user) fail(ServerErrors.SERVER_NOT_FOUND_USER, { id });
  const role = change.role ?? user.role;
  await checkRoleAndShops(meta, role, change.shops ?? user.shops, change.platforms ?? user.platforms);
  const losesOwner = user.role === 'owner' && (role !== 'owner' || change.disabled === true);
  if (losesOwner && (await otherOwners(meta, id)) === 0) fail(ServerErrors.SERVER_LAST_OWNER, {});
  const patch: UserPatch = {
    ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
    ...(change.role !== undefined ? { role: change.role } : {}),
    ...(change.shops !== undefined ? { shops: change.shops } : {}),
    ...(change.platforms !== undefined ? { platforms: change.platforms } : {}),
    ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
    ...(change.password !== undefined ? { passwordHash: await hashPassword(change.password) } : {}),
  };
  const updated = await meta.users.update(id, patch);
  // New rights or a new password end the user's sessions: nobody keeps rights they lost.
  if (change.role !== undefined || change.shops !== undefined || change.platforms !== undefined || change.disabled || change.password !== undefined) {
    await meta.sessions.deleteForUser(id);
  }
  if (change.password !== undefined || change.disabled === false) await meta.users.clearFailedLogins(id);
  const { password: _omit, ...shown } = change;
  await meta.audit.append({
    ...actor, action: change.password !== undefined && Object.keys(shown).length === 0 ? 'user.password' : 'user.update', target: id,
    detail: { name: user.name, before: { role: user.role, shops: user.shops, platforms: user.platforms, disabled: user.disabled }, change: shown, passwordChanged: change.password !== undefined },
  });
  return updated;
}

/**
 * What a member leaves behind: their dashboards, saved reports, alert rules and scheduled
 * reports. A deleted member's schedules stop sending (nobody's rights bound them) and their
 * dashboards nobody can change, unless they go to another member first.
 */
export const ownedKinds = ['dashboard', 'saved_report', 'alert_rule', 'report_schedule'] as const satisfies readonly DocumentKind[];

export async function ownedBy(meta: MetaStore, id: string): Promise<Record<(typeof ownedKinds)[number], number>> {
  const counts = await meta.documents.countByOwner(id);
  return Object.fromEntries(ownedKinds.map((k) => [k, counts[k] ?? 0])) as Record<(typeof ownedKinds)[number], number>;
}

/** Deletes the account; with `heir`, their work (ownedKinds) goes to that member in the same transaction. */
export async function deleteAccount(meta: MetaStore, id: string, actor: Actor, heir?: string): Promise<void> {
  const user = await meta.users.byId(id);
  if (!user) fail(ServerErrors.SERVER_NOT_FOUND_USER, { id });
  if (user.role === 'owner' && (await otherOwners(meta, id)) === 0) fail(ServerErrors.SERVER_LAST_OWNER, {});
  if (heir !== undefined) {
    const to = await meta.users.byId(heir);
    if (!to || to.id === id || to.disabled) fail(ServerErrors.SERVER_BAD_HEIR, { id: heir });
  }
  await meta.transaction(async (tx) => {
    const handed = heir === undefined ? {} : await tx.documents.transferOwner(id, heir, ownedKinds);
    await tx.users.delete(id);
    await tx.audit.append({ ...actor, action: 'user.delete', target: id, detail: { name: user.name, role: user.role, ...(heir ? { handedTo: heir, handed } : {}) } });
  });
}
