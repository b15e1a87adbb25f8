/**
 * The HTTP server: `buildServer({ wh, meta, config })` gives a ready fastify instance with
 * security headers, bounded bodies and uploads, the auth guard, coded errors, OpenAPI and
 * every route module in routes/index.ts. Listening is the caller's business (serve.ts).
 */
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { ShopLensError } from '../core/errors.js';
import { AuthErrors } from '../auth/errors.js';
import type { CatalogRoute } from './access.js';
import { installGuard } from './auth/guard.js';
import { ServerErrors } from './errors.js';
import { installErrorHandler } from './plugins/error-handler.js';
import { installOpenApi } from './plugins/openapi.js';
import { installStaticWeb } from './plugins/static-web.js';
import { registerRoutes } from './routes/index.js';
import type { ServerDeps } from './types.js';
import { installZodCompilers, jsonReplacer } from './zod-schemas.js';

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger: config.logger ? { level: 'info' } : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    exposeHeadRoutes: false,
    // Query strings are parsed by node's querystring: repeated keys become arrays, no nesting,
    // so `?shopId[$ne]=x` is just an odd key that validation refuses.
    routerOptions: { maxParamLength: 200 },
  });
  const catalog: CatalogRoute[] = [];
  app.decorate('routeCatalog', catalog);
  app.decorate('deps', deps);

  // A route under /api without an access declaration is a bug: refuse it at startup.
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api')) return;
    if (url.startsWith('/api/docs')) {
      route.config = { ...route.config, access: route.config?.access ?? { kind: 'user', permissions: [], shops: 'none' } };
    }
    const access = route.config?.access;
    if (!access) throw new ShopLensError(ServerErrors.SERVER_ROUTE_UNDECLARED, { route: `${String(route.method)} ${url}` });
    const schema = (route.schema ?? {}) as { params?: unknown; querystring?: unknown; body?: unknown; summary?: string };
    const validates = { params: schema.params !== undefined, querystring: schema.querystring !== undefined, body: schema.body !== undefined };
    for (const method of [route.method].flat()) catalog.push({ method: String(method), url, access, validates, summary: schema.summary });
  });

  installZodCompilers(app);
  app.setReplySerializer((payload) => JSON.stringify(payload, jsonReplacer));
  installErrorHandler(app, config.bodyLimitBytes);

  await app.register(helmet, {
    // The web app and the API docs load their own scripts and styles only.
    contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"] } },
    // HSTS belongs to the https front (a reverse proxy); sent over plain http on localhost it
    // would only confuse browsers that later reach the same host through the proxy.
    strictTransportSecurity: false,
  });
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: config.upload.maxFileBytes, files: config.upload.maxFiles, fields: 20, fieldSize: 64 * 1024, parts: config.upload.maxFiles + 20 },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => new ShopLensError(AuthErrors.AUTH_TOO_MANY_ATTEMPTS, { seconds: Math.ceil(ctx.ttl / 1000) }),
  });
  installGuard(app, deps);
  await installOpenApi(app);
  await registerRoutes(app, deps);
  await installStaticWeb(app, config.webDist);
  // Expired sessions are refused on read anyway; sweeping them keeps the table small.
  await deps.meta.sessions.deleteExpired();
  const sweep = setInterval(() => void deps.meta.sessions.deleteExpired().catch(() => undefined), 60 * 60 * 1000);
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));
  await app.ready();
  return app;
}
