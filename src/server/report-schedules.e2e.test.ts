/** `shoplens report schedule add|list|remove` through the built command on an empty store. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';

let dir: string;
let cleanup: () => void;
const cli = (...args: string[]) => runCli(['--db', join(dir, 'store.duckdb'), ...args], { env: { SHOPLENS_META_DB: join(dir, 'meta.sqlite') } });

before(() => {
  ({ dir, cleanup } = tempDir());
  const r = runCli(['user', 'add', 'boss', '--role', 'owner', '--password-stdin', '--db', join(dir, 'store.duckdb')], { env: { SHOPLENS_META_DB: join(dir, 'meta.sqlite') }, input: 'a-long-enough-password\n' });
  assert.equal(r.code, 0, r.stderr);
});
after(() => cleanup());

describe('shoplens report schedule', () => {
  it('adds, lists as JSON and removes a schedule; refuses a bad cron and an unknown owner', () => {
    const add = cli('report', 'schedule', 'add', 'weekly-mail', '--report', 'weekly', '--cron', '0 8 * * 1', '--owner', 'boss', '--formats', 'xlsx,pdf', '--lang', 'en');
    assert.equal(add.code, 0, add.stderr);
    const list = (JSON.parse(cli('report', 'schedule', 'list', '--format', 'json').stdout) as { rows: Record<string, unknown>[] }).rows;
    assert.equal(list.length, 1);
    assert.deepEqual([list[0]!['id'], list[0]!['report'], list[0]!['cron'], list[0]!['formats'], list[0]!['timezone'], list[0]!['lang']], ['weekly-mail', 'weekly', '0 8 * * 1', 'xlsx,pdf', 'Asia/Shanghai', 'en']);

    const bad = cli('report', 'schedule', 'add', 'x', '--report', 'daily', '--cron', 'every day', '--owner', 'boss');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /REPORT_SCHEDULE_INVALID/);
    const nobody = cli('report', 'schedule', 'add', 'x', '--report', 'daily', '--cron', '0 8 * * *', '--owner', 'nobody');
    assert.notEqual(nobody.code, 0);
    assert.match(nobody.stderr, /--owner/);

    assert.equal(cli('report', 'schedule', 'remove', 'weekly-mail').code, 0);
    assert.deepEqual(JSON.parse(cli('report', 'schedule', 'list', '--format', 'json').stdout), { rows: [] });
    assert.match(cli('report', 'schedule', 'remove', 'weekly-mail').stderr, /REPORT_SCHEDULE_NOT_FOUND/);
  });
});
