/** The user, role, audit and token routes the settings and account pages read and write. */
import type { Bilingual } from '../i18n/i18n';
import { getJson, postJson } from './client';

export interface UserView {
  id: string; name: string; displayName: string; role: string;
  shops: string[] | 'all'; platforms: string[]; disabled: boolean; locked: boolean;
}
export interface RoleView { id: string; name: Bilingual; permissions: string[]; requiresShopList: boolean; builtin: boolean }
export interface PermissionName { id: string; zh: string; en: string }
export interface ShopView { shopId: string; platform: string; name: string }
export interface AuditEntry {
  seq: number; at: number; actorId: string | null; actorName: string | null; action: string;
  target: string | null; outcome: string; ip: string | null; detail: Record<string, unknown>;
}
export interface TokenView {
  id: string; name: string; permissions: string[]; createdAt: number;
  expiresAt: number | null; lastUsedAt: number | null; revokedAt: number | null;
}

export const listUsers = () => getJson<{ users: UserView[] }>('/api/users');
export const listRoles = () => getJson<{ roles: RoleView[]; permissions: PermissionName[] }>('/api/roles');
export const listShops = () => getJson<{ shops: ShopView[] }>('/api/shops');
export const createUser = (body: Record<string, unknown>) => postJson<{ user: UserView }>('/api/users', body);
export const changeUser = (id: string, body: Record<string, unknown>) => postJson<{ user: UserView }>(`/api/users/${encodeURIComponent(id)}`, body, 'PATCH');
export const deleteUser = (id: string, transferTo?: string) =>
  postJson<{ ok: true }>(`/api/users/${encodeURIComponent(id)}${transferTo ? `?transferTo=${encodeURIComponent(transferTo)}` : ''}`, undefined, 'DELETE');
export type OwnedKind = 'dashboard' | 'saved_report' | 'alert_rule' | 'report_schedule';
export const ownedBy = (id: string) => getJson<{ owned: Record<OwnedKind, number> }>(`/api/users/${encodeURIComponent(id)}/owned`);
export const saveRole = (id: string, body: Record<string, unknown>) => postJson<{ role: RoleView }>(`/api/roles/${encodeURIComponent(id)}`, body, 'PUT');
export const deleteRole = (id: string) => postJson<{ ok: true }>(`/api/roles/${encodeURIComponent(id)}`, undefined, 'DELETE');

export function listAudit(q: { beforeSeq?: number; action?: string; limit: number }) {
  const params = new URLSearchParams({ limit: String(q.limit) });
  if (q.beforeSeq) params.set('beforeSeq', String(q.beforeSeq));
  if (q.action) params.set('action', q.action);
  return getJson<{ entries: AuditEntry[] }>(`/api/audit?${params}`);
}

export const changePassword = (currentPassword: string, newPassword: string) => postJson<unknown>('/api/auth/password', { currentPassword, newPassword });
export const listTokens = () => getJson<{ tokens: TokenView[] }>('/api/tokens');
export const createToken = (body: { name: string; permissions: string[]; expiresInDays?: number }) => postJson<{ token: string; info: TokenView }>('/api/tokens', body);
export const revokeToken = (id: string) => postJson<unknown>(`/api/tokens/${encodeURIComponent(id)}`, undefined, 'DELETE');
