import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { isShopLensError } from '../../core/errors.js';
import { tempDir } from '../../../test/helpers/store.js';
import { loadSecretKey, openSecret, sealSecret } from './secrets.js';

it('generates the instance key once, private to the owner, and reuses it', () => {
  const { dir, cleanup } = tempDir();
  try {
    const keyFile = join(dir, 'sub', 'secret.key');
    const k1 = loadSecretKey({ env: {}, keyFile });
    assert.equal(k1.length, 32);
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    const k2 = loadSecretKey({ env: {}, keyFile });
    assert.ok(k1.equals(k2));
    const sealed = sealSecret('x', k1);
    assert.equal(openSecret(sealed, () => loadSecretKey({ env: {}, keyFile })), 'x');
    // the environment wins over the file
    const hex = 'ab'.repeat(32);
    assert.ok(loadSecretKey({ env: { SHOPLENS_SECRET_KEY: hex }, keyFile }).equals(Buffer.from(hex, 'hex')));
    writeFileSync(join(dir, 'bad.key'), 'short');
    assert.throws(() => loadSecretKey({ env: {}, keyFile: join(dir, 'bad.key') }), (e) => isShopLensError(e) && e.code === 'NOTIFY_SECRET_KEY_INVALID');
  } finally {
    cleanup();
  }
});
