/** The OpenAPI description at /api/openapi.json and the browsable docs at /api/docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { needs } from '../access.js';
import { openApiTransform } from '../zod-schemas.js';

export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'ShopLens API',
        description: 'ShopLens 电商数据运营平台 HTTP API。登录后用会话 Cookie(写请求需 x-csrf-token 头)或 API 令牌(Authorization: Bearer slt_…)调用。\n\n' +
          'ShopLens HTTP API. Authenticate with the session cookie (state-changing requests also send the x-csrf-token header) or an API token (Authorization: Bearer slt_…). Errors: `{ error: { code, message: { zh, en }, location?, issues? } }`.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'shoplens_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: openApiTransform as never,
    hiddenTag: 'hidden',
  });
  app.get('/api/openapi.json', { config: { access: needs(null) }, schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
