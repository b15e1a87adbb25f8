/**
 * `shoplens campaigns` on an imported Taobao export (test/fixtures/ingest/taobao/overlap-week1.csv:
 * order …001 paid 2026-03-05 ¥100.00, …002 paid 03-06 ¥50.00, shop 白鹭店): add a campaign, list it,
 * review it with `analyze campaign`, refuse a bad one with its code, remove it.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';

let dir: string;
let cleanup: () => void;
let db: string;
const cli = (...args: string[]) => runCli(['--db', db, ...args], { env: { SHOPLENS_META_DB: join(dir, 'meta.sqlite') } });

before(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'store.duckdb');
  const r = cli('import', 'test/fixtures/ingest/taobao/overlap-week1.csv');
  assert.equal(r.code, 0, r.stderr);
});
after(() => cleanup());

describe('shoplens campaigns', () => {
  it('adds a campaign of one shop; the review reads its phases', () => {
    const add = cli('campaigns', 'add', '会员日', '--kind', 'other', '--shop', '白鹭店', '--warmup', '2026-03-04..2026-03-05:400', '--burst', '2026-03-06..2026-03-07');
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /saved campaign 2026-other \(会员日\).*the campaign of 2 orders was updated/);
    const list = (JSON.parse(cli('campaigns', 'list', '--format', 'json').stdout) as { rows: Record<string, string>[] }).rows;
    assert.deepEqual(list.map((c) => [c.id, c.shop, c.phases, c.gmv_target]), [['2026-other', '白鹭店', '预热 2026-03-04..2026-03-05; 爆发 2026-03-06..2026-03-07', '400.00']]);
    const review = cli('analyze', 'campaign', '--format', 'json');
    assert.equal(review.code, 0, review.stderr);
    const rows = (JSON.parse(review.stdout) as { tables: { phases: { rows: Record<string, unknown>[] } } }).tables.phases.rows;
    // ¥100 of ¥400 in the warm-up; the burst has no target
    assert.deepEqual(rows.map((r) => [r.phase, r.paid_amount, r.attainment]), [['warmup', '100.00', 0.25], ['burst', '50.00', null]]);
  });

  it('refuses an overlap and a malformed phase with coded bilingual errors, and removes a campaign', () => {
    const clash = cli('campaigns', 'add', '闪购', '--kind', 'other', '--burst', '2026-03-07..2026-03-08');
    assert.equal(clash.code, 3);
    assert.match(clash.stderr, /CAMPAIGN_OVERLAP.*会员日/);
    const bad = cli('campaigns', 'add', '闪购', '--kind', 'other', '--burst', '3/7-3/8');
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /CAMPAIGN_INVALID[\s\S]*expected FROM\.\.TO/);
    const rm = cli('campaigns', 'remove', '2026-other');
    assert.equal(rm.code, 0, rm.stderr);
    assert.match(rm.stdout, /2 orders no longer belong to it/);
    assert.equal(JSON.parse(cli('sql', 'SELECT count(campaign_id) AS n FROM orders', '--format', 'json').stdout).rows[0].n, '0');
  });
});
