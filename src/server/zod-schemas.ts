/**
 * Routes declare their request schemas in zod; this validates requests with them (errors carry
 * our code and every issue at once) and turns them into JSON schema for the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ShopLensError } from '../core/errors.js';
import { ServerErrors, type Issue } from './errors.js';

const isZod = (s: unknown): s is z.ZodType => s instanceof z.ZodType;

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function installZodCompilers(app: FastifyInstance): void {
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (!isZod(schema)) throw new Error(`route schema for ${httpPart} must be a zod schema`);
    const part = httpPart ?? 'body';
    return (data: unknown) => {
      const r = schema.safeParse(data ?? (part === 'body' ? undefined : {}));
      if (r.success) return { value: r.data };
      const issues = issuesOf(r.error);
      return {
        error: new ShopLensError(ServerErrors.SERVER_INVALID_REQUEST, { part, issues }, { column: issues[0] ? `${part}.${issues[0].path}` : part }),
      };
    };
  });
  app.setSerializerCompiler(() => (data) => JSON.stringify(data, jsonReplacer));
}

/** bigint (money in fen, counts) goes out as exact decimal text. */
export function jsonReplacer(_key: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}

const toJson = (s: unknown, io: 'input' | 'output') =>
  isZod(s) ? z.toJSONSchema(s, { target: 'openapi-3.0', io, unrepresentable: 'any' }) : s;

/** @fastify/swagger transform: zod → OpenAPI schema, per request part and response code. */
export function openApiTransform({ schema, url }: { schema: Record<string, unknown> | undefined; url: string }) {
  if (!schema) return { schema: {}, url };
  const out: Record<string, unknown> = { ...schema };
  for (const part of ['body', 'querystring', 'params', 'headers'] as const) if (schema[part]) out[part] = toJson(schema[part], 'input');
  if (schema.response && typeof schema.response === 'object') {
    out.response = Object.fromEntries(Object.entries(schema.response).map(([code, s]) => [code, toJson(s, 'output')]));
  }
  return { schema: out, url };
}
