/**
 * Serves the built web app at / when web/dist exists, with the single-page-app fallback: an
 * unknown non-API path answers index.html so client-side routes survive a reload. Unknown
 * /api paths answer a coded 404, never the HTML.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ShopLensError } from '../../core/errors.js';
import { ServerErrors } from '../errors.js';
import { errorBody } from './error-handler.js';

export async function installStaticWeb(app: FastifyInstance, webDist: string | null): Promise<boolean> {
  const root = webDist ? resolve(webDist) : null;
  const hasApp = root !== null && existsSync(join(root, 'index.html'));
  if (hasApp) await app.register(fastifyStatic, { root: root!, wildcard: false, index: ['index.html'] });
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
