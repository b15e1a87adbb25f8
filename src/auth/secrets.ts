/**
 * Session ids, CSRF tokens and API tokens are random 256-bit values. The store keeps only
 * their SHA-256, so a copy of the metadata database does not log anyone in.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_TOKEN_PREFIX = 'slt_';

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return API_TOKEN_PREFIX + randomSecret();
}

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
