/**
 * Serves the built web app at / when web/dist exists, with the single-page-app fallback: an
 * unknown non-API path answers index.html so client-side routes survive a reload. Unknown
 * /api paths answer a coded 404, never the HTML.
 *
 * Caching: Vite names every file under /assets/ after a hash of its content, so a browser may
 * keep them for a year without asking again (no revalidation round trip, and Chromium keeps the
 * compiled code of a cached script, so a later visit neither downloads nor re-parses antd and
 * ECharts). index.html names those files and changes with every build: always revalidated.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { ShopLensError } from '../../core/errors.js';
import { ServerErrors } from '../errors.js';
import { errorBody } from './error-handler.js';

/** Hashed build output: the name changes whenever the content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon): use the cached copy only after the server says it is current. */
export const REVALIDATE = 'no-cache';

export async function installStaticWeb(app: FastifyInstance, webDist: string | null): Promise<boolean> {
  const root = webDist ? resolve(webDist) : null;
  const hasApp = root !== null && existsSync(join(root, 'index.html'));
  if (hasApp) {
    const assets = join(root!, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: root!, wildcard: false, index: ['index.html'],
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (!hasApp || path === '/api' || path.startsWith('/api/') || request.method !== 'GET') {
      const e = new ShopLensError(ServerErrors.SERVER_NOT_FOUND, { method: request.method, url: path.slice(0, 200) });
      return reply.status(404).send(errorBody(e));
    }
    return reply.type('text/html').sendFile('index.html');
  });
  return hasApp;
}
