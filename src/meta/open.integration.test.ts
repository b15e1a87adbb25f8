import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isShopLensError } from '../core/errors.js';
import { openMetaStore, resolveMetaLocation } from './open.js';

test('the metadata store sits beside the warehouse unless SHOPLENS_META_URL or SHOPLENS_META_DB says otherwise', () => {
  assert.equal(resolveMetaLocation('/srv/shop/data/shoplens.duckdb', {}), '/srv/shop/data/shoplens-meta.sqlite');
  assert.equal(resolveMetaLocation('/srv/x.duckdb', { SHOPLENS_META_DB: '/var/meta.sqlite' }), '/var/meta.sqlite');
  assert.equal(resolveMetaLocation('/srv/x.duckdb', { SHOPLENS_META_URL: 'postgres://a:b@h/db', SHOPLENS_META_DB: '/m' }), 'postgres://a:b@h/db');
});

test('an unreachable PostgreSQL fails at open with a code and without the password', async () => {
  await assert.rejects(openMetaStore('postgres://shoplens:s3cret@127.0.0.1:1/nothing'), (e) => {
    assert.ok(isShopLensError(e) && e.code === 'META_UNREACHABLE', String(e));
    assert.ok(!e.messageEn.includes('s3cret') && !e.messageZh.includes('s3cret'), e.messageEn);
    return true;
  });
});

test('a URL that is not PostgreSQL is refused rather than taken for a file name', async () => {
  await assert.rejects(openMetaStore('mysql://root@127.0.0.1/meta'), (e) => isShopLensError(e) && e.code === 'META_BAD_URL');
});
