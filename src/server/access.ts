/**
 * Every /api route declares who may call it in `config.access`; a route without one is refused
 * at registration. The auth plugin enforces the declaration before validation and the handler
 * run, and the role × route × shop matrix test reads the same declarations from the route
 * table, so a route added later is tested without touching the test.
 */
import type { Permission } from '../auth/permissions.js';

/** Where a shop-scoped route takes its shop ids: one id, a comma list or an array. */
export interface ShopParam {
  readonly in: 'query' | 'params' | 'body';
  readonly name: string;
}

/** A valid request for the matrix test and the docs, built around one shop id. */
export interface RequestExample {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export type RouteAccess =
  /** anyone, signed in or not, also before setup: health, login, setup status */
  | { readonly kind: 'public' }
  /** only while no user exists: creating the first admin */
  | { readonly kind: 'setup' }
  | {
      readonly kind: 'user';
      /** all of these are needed; empty: any signed-in user (their own profile, their own tokens) */
      readonly permissions: readonly Permission[];
      /**
       * how the route keeps to the principal's shops: a shop parameter the guard checks
       * before the handler; 'filtered' when the handler narrows its output by scope
       * (lists, metric queries); 'none' when the route holds no shop data
       */
      readonly shops: ShopParam | 'filtered' | 'none';
      readonly example?: (shopId: string) => RequestExample;
      /** only a signed-in person, never an API token (minting tokens, changing a password) */
      readonly sessionOnly?: boolean;
    };

export const publicAccess = (): RouteAccess => ({ kind: 'public' });
export const setupAccess = (): RouteAccess => ({ kind: 'setup' });

/** `needs('export')`, `needs(['export', 'customers:read'])`, `needs(null)` for any signed-in user. */
export function needs(
  permission: Permission | readonly Permission[] | null,
  options: { shops?: ShopParam | 'filtered' | 'none'; example?: (shopId: string) => RequestExample; sessionOnly?: boolean } = {},
): RouteAccess {
  const permissions = permission === null ? [] : typeof permission === 'string' ? [permission] : permission;
  return {
    kind: 'user', permissions, shops: options.shops ?? 'none',
    ...(options.example ? { example: options.example } : {}),
    ...(options.sessionOnly ? { sessionOnly: true } : {}),
  };
}

export interface CatalogRoute {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
  /** which request parts the route validates, and its OpenAPI summary */
  readonly validates: { readonly params: boolean; readonly querystring: boolean; readonly body: boolean };
  readonly summary: string | undefined;
}
