import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isShopLensError } from '../core/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newApiToken, sha256 } from './secrets.js';

test('passwords are argon2id hashes that verify only the right password', async () => {
  const hash = await hashPassword('correct-horse-battery');
  assert.match(hash, /^\$argon2id\$/);
  assert.equal(await verifyPassword(hash, 'correct-horse-battery'), true);
  assert.equal(await verifyPassword(hash, 'correct-horse-batterY'), false);
  assert.equal(await verifyPassword('not a hash', 'x'), false);
  await assert.rejects(hashPassword('short'), (e) => isShopLensError(e) && e.code === 'AUTH_WEAK_PASSWORD');
});

test('API tokens are prefixed, random, and stored as their SHA-256', () => {
  const a = newApiToken();
  const b = newApiToken();
  assert.match(a, /^slt_[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, b);
  // SHA-256 of "abc" from FIPS 180-2
  assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
