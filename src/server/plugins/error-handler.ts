/**
 * Every error leaves the server as `{ error: { code, message: { zh, en }, location?, issues? } }`
 * with the code's HTTP status. Fastify's own errors (bad JSON, body too large, wrong content
 * type, rate limit) are mapped onto our codes; anything else is an INTERNAL error, logged with
 * its stack and never shown to the client.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { CoreErrors, isShopLensError, ShopLensError } from '../../core/errors.js';
import { ServerErrors, type Issue } from '../errors.js';

export function errorBody(e: ShopLensError) {
  const issues = (e.params as { issues?: Issue[] }).issues;
  return { error: { ...e.toJSON(), ...(issues ? { issues } : {}) } };
}

function toShopLensError(err: FastifyError, bodyLimit: number): ShopLensError | undefined {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ShopLensError(ServerErrors.SERVER_BAD_JSON, {});
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ShopLensError(ServerErrors.SERVER_BODY_TOO_LARGE, { limit: bodyLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ShopLensError(ServerErrors.SERVER_UNSUPPORTED_MEDIA_TYPE, { type: String(err.message).replace(/^.*: /, '') });
    // @fastify/multipart
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new ShopLensError(ServerErrors.SERVER_UNSUPPORTED_MEDIA_TYPE, { type: 'not multipart/form-data' });
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new ShopLensError(ServerErrors.SERVER_UPLOAD_LIMIT, { detail: err.message });
  }
  if (err.statusCode === 400 && err instanceof SyntaxError) return new ShopLensError(ServerErrors.SERVER_BAD_JSON, {});
  // Any other client error fastify or a plugin raises still leaves with a code, never as a 500.
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    return new ShopLensError(ServerErrors.SERVER_BAD_REQUEST, { detail: err.message });
  }
  return undefined;
}

export function installErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const e = isShopLensError(err) ? err : toShopLensError(err, bodyLimit);
    if (e) {
      if (e.code === 'SERVER_BAD_REQUEST' || e.code === 'SERVER_UPLOAD_LIMIT') return reply.status(err.statusCode ?? e.http).send(errorBody(e));
      if (!e.userCaused) request.log.error({ err: e.cause ?? e }, e.message);
      return reply.status(e.http).send(errorBody(e));
    }
    request.log.error({ err }, 'unhandled error');
    const internal = new ShopLensError(CoreErrors.INTERNAL, { detail: `${request.method} ${request.routeOptions.url ?? request.url}` });
    return reply.status(500).send(errorBody(internal));
  });
}
