/**
 * Built-in roles and how a role name becomes a permission set. Custom roles live in the
 * metadata store; a custom role may not reuse a built-in id.
 */
import { permissions, type Permission } from './permissions.js';

export const builtinRoleIds = ['owner', 'ops', 'finance', 'cs', 'agency'] as const;
export type BuiltinRoleId = (typeof builtinRoleIds)[number];

export interface RoleDef {
  readonly id: string;
  readonly name: { zh: string; en: string };
  readonly permissions: readonly Permission[];
  /** read-only roles must be limited to named shops (an outside agency never sees "all") */
  readonly requiresShopList: boolean;
  readonly builtin: boolean;
}

const pages = ['page:overview', 'page:analysis', 'page:reports', 'page:alerts', 'page:actions', 'page:data'] as const;

export const builtinRoles: Record<BuiltinRoleId, RoleDef> = {
  owner: {
    id: 'owner', name: { zh: '老板/管理员', en: 'owner / admin' },
    permissions, requiresShopList: false, builtin: true,
  },
  ops: {
    id: 'ops', name: { zh: '运营', en: 'operations' },
    permissions: [...pages, 'metrics:read', 'analysis:run', 'export', 'import', 'dashboards:manage', 'reports:manage', 'alerts:manage', 'actions:manage', 'campaigns:manage', 'customers:read'],
    requiresShopList: false, builtin: true,
  },
  finance: {
    id: 'finance', name: { zh: '财务', en: 'finance' },
    permissions: ['page:overview', 'page:analysis', 'page:reports', 'page:data', 'metrics:read', 'metrics:finance', 'analysis:run', 'export', 'import', 'reports:manage'],
    requiresShopList: false, builtin: true,
  },
  // Customer service handles after-sales contact, so it reads buyers' phone and address.
  cs: {
    id: 'cs', name: { zh: '客服', en: 'customer service' },
    permissions: ['page:overview', 'page:analysis', 'metrics:read', 'analysis:run', 'customers:read', 'pii:read'],
    requiresShopList: false, builtin: true,
  },
  agency: {
    id: 'agency', name: { zh: '外部代运营', en: 'outside agency' },
    permissions: ['page:overview', 'page:analysis', 'metrics:read', 'analysis:run'],
    requiresShopList: true, builtin: true,
  },
};

export function isBuiltinRole(id: string): id is BuiltinRoleId {
  return (builtinRoleIds as readonly string[]).includes(id);
}
