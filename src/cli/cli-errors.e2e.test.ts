import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';
import { openWarehouse } from '../warehouse/index.js';
import { ExitCode } from './exit-codes.js';

describe('shoplens bad input', () => {
  let tmp: ReturnType<typeof tempDir>;
  before(() => {
    tmp = tempDir();
  });
  after(() => tmp.cleanup());

  const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/);

  it('rejects an unknown command with a coded bilingual message and exit code 2', () => {
    const r = runCli(['frobnicate']);
    assert.equal(r.code, ExitCode.usage);
    assert.match(r.stderr, /错误 \[CLI_USAGE\]/);
    assert.match(r.stderr, /Error \[CLI_USAGE\] usage: unknown command 'frobnicate'/);
    noStack(r.stderr);
  });

  it('rejects an unknown flag', () => {
    const r = runCli(['info', '--frob']);
    assert.equal(r.code, ExitCode.usage);
    assert.match(r.stderr, /unknown option '--frob'/);
  });

  it('rejects a bad --format value', () => {
    const r = runCli(['info', '--format', 'xml', '--db', join(tmp.dir, 'x.duckdb')]);
    assert.equal(r.code, ExitCode.usage);
    assert.match(r.stderr, /INVALID_ARGUMENT/);
  });

  it('refuses a --db path that is a directory', () => {
    const dir = join(tmp.dir, 'adir');
    mkdirSync(dir);
    const r = runCli(['init', '--db', dir]);
    assert.equal(r.code, ExitCode.input);
    assert.match(r.stderr, /WAREHOUSE_PATH_IS_DIRECTORY/);
    noStack(r.stderr);
  });

  it('refuses a --db path that is not writable', () => {
    // root ignores permission bits, so use a path under a regular file instead: never writable.
    const file = join(tmp.dir, 'plain-file');
    writeFileSync(file, 'x');
    const r = runCli(['init', '--db', join(file, 'store.duckdb')]);
    assert.equal(r.code, ExitCode.input);
    assert.match(r.stderr, /WAREHOUSE_NOT_WRITABLE/);
    noStack(r.stderr);
  });

  it('refuses a corrupt store file', () => {
    const path = join(tmp.dir, 'corrupt.duckdb');
    writeFileSync(path, Buffer.alloc(8192, 7));
    chmodSync(path, 0o644);
    const r = runCli(['info', '--db', path]);
    assert.equal(r.code, ExitCode.input);
    assert.match(r.stderr, /WAREHOUSE_CORRUPT/);
    noStack(r.stderr);
  });

  it('refuses a store from a newer schema version', async () => {
    const path = join(tmp.dir, 'newer.duckdb');
    const wh = await openWarehouse(path);
    await wh.exec('INSERT INTO schema_migrations VALUES (999, now())');
    await wh.close();
    const r = runCli(['info', '--db', path]);
    assert.equal(r.code, ExitCode.input);
    assert.match(r.stderr, /WAREHOUSE_SCHEMA_TOO_NEW/);
    assert.match(r.stderr, /999/);
  });

  it('shows a stack trace only with --debug', () => {
    const path = join(tmp.dir, 'corrupt2.duckdb');
    writeFileSync(path, Buffer.alloc(8192, 7));
    const r = runCli(['info', '--db', path, '--debug']);
    assert.equal(r.code, ExitCode.input);
    assert.match(r.stderr, /\n\s+at .+:\d+:\d+/);
  });

  it('says when the store does not exist yet', () => {
    const r = runCli(['info', '--db', join(tmp.dir, 'missing.duckdb')]);
    assert.equal(r.code, ExitCode.input);
    assert.match(r.stderr, /CLI_STORE_MISSING/);
  });

  it('prints help in Chinese and English', () => {
    const r = runCli(['--help']);
    assert.equal(r.code, ExitCode.ok);
    assert.match(r.stdout, /显示帮助 \/ show help/);
    assert.match(r.stdout, /demo/);
  });

  it('sql refuses writes and runs reads', async () => {
    const path = join(tmp.dir, 'sql.duckdb');
    const wh = await openWarehouse(path);
    await wh.close();
    const w = runCli(['sql', "DELETE FROM shops", '--db', path]);
    assert.equal(w.code, ExitCode.input);
    assert.match(w.stderr, /WAREHOUSE_READ_ONLY/);
    const sneaky = runCli(['sql', "WITH x AS (SELECT 1) INSERT INTO shops SELECT 'a','b','c','d','e',false", '--db', path]);
    assert.equal(sneaky.code, ExitCode.input);
    assert.match(sneaky.stderr, /WAREHOUSE_READ_ONLY/);
    const r = runCli(['sql', 'SELECT 40 + 2 AS answer', '--format', 'json', '--db', path]);
    assert.equal(r.code, ExitCode.ok, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { rows: [{ answer: 42 }] });
  });
});
