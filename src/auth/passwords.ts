/** Passwords are hashed with argon2id (OWASP's first choice); the hash string carries its parameters. */
import argon2 from 'argon2';
import { fail } from '../core/errors.js';
import { AuthErrors } from './errors.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export function checkPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    fail(AuthErrors.AUTH_WEAK_PASSWORD, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH });
  }
}

export async function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A login for an unknown user still pays for one verification, so response time does not
 * tell which user names exist.
 */
let dummyHash: Promise<string> | undefined;
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= argon2.hash('shoplens-timing-equaliser', { type: argon2.argon2id });
  await verifyPassword(await dummyHash, password);
}
