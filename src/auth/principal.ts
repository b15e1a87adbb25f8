/**
 * Who is asking and what they may see. Every query, analysis, export, alert and report takes
 * the principal's `scope`; the metric compiler turns it into a shop filter, so the UI is never
 * what keeps a shop hidden.
 */
import type { Permission } from './permissions.js';

export interface Scope {
  /** 'all' only for roles that are not limited; otherwise the granted shops (platform grants already expanded) */
  readonly shopIds: readonly string[] | 'all';
}

export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly role: string;
  readonly permissions: ReadonlySet<Permission>;
  readonly scope: Scope;
  /** how the request authenticated: a browser session (needs CSRF) or an API token */
  readonly via: 'session' | 'token';
}

export const allShops: Scope = { shopIds: 'all' };

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

export function scopeAllows(scope: Scope, shopId: string): boolean {
  return scope.shopIds === 'all' || scope.shopIds.includes(shopId);
}

/** The shops of `requested` the scope allows; `undefined` asks for every shop in scope. */
export function scopedShops(scope: Scope, requested?: readonly string[]): readonly string[] | 'all' {
  if (requested === undefined) return scope.shopIds;
  return requested.filter((s) => scopeAllows(scope, s));
}

/**
 * The scope two parties share: a report scheduled by one user and mailed to others must only
 * hold shops that every recipient may see.
 */
export function intersectScopes(...scopes: readonly Scope[]): Scope {
  let shops: readonly string[] | 'all' = 'all';
  for (const s of scopes) {
    if (s.shopIds === 'all') continue;
    shops = shops === 'all' ? [...s.shopIds] : shops.filter((id) => (s.shopIds as readonly string[]).includes(id));
  }
  return { shopIds: shops };
}
