/**
 * The session cookie is HttpOnly and SameSite=Strict; the CSRF cookie is readable by the web
 * app's script (double submit: the app echoes it in the x-csrf-token header, which another
 * site cannot read or set). Both are Secure when the request came over https.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerConfig } from '../config.js';

export const SESSION_COOKIE = 'shoplens_session';
export const CSRF_COOKIE = 'shoplens_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const secure = (config: ServerConfig, request: FastifyRequest) =>
  config.secureCookies === 'auto' ? request.protocol === 'https' : config.secureCookies;

export function setSessionCookies(reply: FastifyReply, config: ServerConfig, sessionId: string, csrf: string): void {
  const base = { path: '/', sameSite: 'strict' as const, secure: secure(config, reply.request), maxAge: Math.floor(config.sessionTtlMs / 1000) };
  reply.setCookie(SESSION_COOKIE, sessionId, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: ServerConfig): void {
  const base = { path: '/', sameSite: 'strict' as const, secure: secure(config, reply.request) };
  reply.clearCookie(SESSION_COOKIE, { ...base, httpOnly: true });
  reply.clearCookie(CSRF_COOKIE, base);
}
