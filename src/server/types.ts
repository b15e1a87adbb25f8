/** What the server is built from, and what fastify learns about ShopLens requests. */
import type { Principal } from '../auth/principal.js';
import type { MetaStore } from '../meta/index.js';
import type { Warehouse } from '../warehouse/index.js';
import type { CatalogRoute, RouteAccess } from './access.js';
import type { ServerConfig } from './config.js';

export interface ServerDeps {
  wh: Warehouse;
  meta: MetaStore;
  config: ServerConfig;
  /** called after each upload's import finishes (the scheduler's alert round); errors are logged */
  onImported?: () => Promise<void>;
  /** where links in pushed messages point (SHOPLENS_BASE_URL, else the address served); known once listening */
  linkBase?: () => string | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    /** null until signed in; every 'user' route runs with it set */
    principal: Principal | null;
    /** the CSRF token of the cookie session, for the state-changing check */
    sessionCsrf: string | null;
  }
  interface FastifyInstance {
    /** every /api route with its access declaration, in registration order */
    readonly routeCatalog: CatalogRoute[];
    readonly deps: ServerDeps;
  }
}

/** The principal of a route whose access is 'user' (the guard has run). */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal) throw new Error('principalOf on a route without user access');
  return request.principal;
}
