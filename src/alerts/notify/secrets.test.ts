import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { isShopLensError } from '../../core/errors.js';
import { parseChannel, publicChannel, sealChannel } from './channels.js';
import { backoffDelay } from './deliver.js';
import { truncateUtf8 } from './render.js';
import { openSecret, redact, sealSecret } from './secrets.js';

const key = randomBytes(32);

describe('secrets', () => {
  it('seals with a fresh IV each time and opens back to the literal', () => {
    const a = sealSecret('SECabc', key);
    const b = sealSecret('SECabc', key);
    assert.match(a, /^enc:v1:/);
    assert.notEqual(a, b);
    assert.doesNotMatch(a, /SECabc/);
    assert.equal(openSecret(a, () => key), 'SECabc');
    assert.equal(openSecret('plain', () => assert.fail('key not needed')), 'plain');
  });

  it('refuses a wrong key or a tampered value with a coded error', () => {
    const sealed = sealSecret('SECabc', key);
    const tampered = sealed.slice(0, -4) + (sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const [ref, k] of [[sealed, randomBytes(32)], [tampered, key]] as const) {
      assert.throws(() => openSecret(ref, () => k), (e) => isShopLensError(e) && e.code === 'NOTIFY_SECRET_UNREADABLE');
    }
  });

  it('reads env: references and names a missing variable', () => {
    assert.equal(openSecret('env:X_TOKEN', () => key, { X_TOKEN: 'v' }), 'v');
    assert.throws(() => openSecret('env:X_TOKEN', () => key, {}), (e) => isShopLensError(e) && e.code === 'NOTIFY_SECRET_ENV_MISSING' && /X_TOKEN/.test(e.messageEn));
  });

  it('seals every secret field of a channel and hides them in the public form', () => {
    const c = parseChannel({ id: 'd', kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=T', secret: 'SECx' });
    const sealed = sealChannel(c, key);
    assert.ok(sealed.kind === 'dingtalk');
    assert.doesNotMatch(JSON.stringify(sealed), /access_token=T|SECx/);
    assert.equal(openSecret(sealed.secret!, () => key), 'SECx');
    assert.doesNotMatch(JSON.stringify(publicChannel(sealed)), /enc:v1|SECx/);
  });

  it('rejects an invalid channel with the field named', () => {
    assert.throws(() => parseChannel({ id: 'm', kind: 'email', smtp: { host: 'h', port: 0 }, from: 'a@b', to: [] }),
      (e) => isShopLensError(e) && e.code === 'NOTIFY_CHANNEL_INVALID' && /smtp\.port/.test(e.messageEn) && /to/.test(e.messageEn));
  });

  it('redacts plain and URL-encoded forms', () => {
    assert.equal(redact('a=SEC+/x&b=SEC%2B%2Fx', ['SEC+/x']), 'a=***&b=***');
  });
});

describe('helpers', () => {
  it('back-off doubles and is capped', () => {
    const p = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 5000 };
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => backoffDelay(p, n)), [1000, 2000, 4000, 5000, 5000]);
  });

  it('truncates UTF-8 on character boundaries', () => {
    // 库 is 3 bytes; 10 bytes − 3 for the ellipsis leaves room for two characters
    assert.equal(truncateUtf8('库存库存库存', 10), '库存…');
    assert.equal(truncateUtf8('abc', 10), 'abc');
  });
});
