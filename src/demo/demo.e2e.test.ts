/** `shoplens demo` then `shoplens info` on the built CLI (run `npx tsc -p .` first). */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';

const tmp = tempDir();
after(() => tmp.cleanup());

it('generates a demo store and shows six shops with volumes and the planted incidents', () => {
  const db = join(tmp.dir, 'demo.duckdb');
  const demo = runCli(['demo', '--orders', '20000', '--seed', '7', '--end', '2026-06-30', '--db', db]);
  assert.equal(demo.code, 0, demo.stderr);
  const info = runCli(['info', '--format', 'json', '--db', db]);
  assert.equal(info.code, 0, info.stderr);
  const parsed = JSON.parse(info.stdout) as {
    tables: { table: string; rows: string }[];
    shops: { shop: string; platform: string; orders: string; first_day: string; last_day: string; paid_amount: string }[];
    incidents: { kind: string }[];
  };
  assert.deepEqual(parsed.shops.map((s) => s.platform).sort(), ['douyin', 'jd', 'pdd', 'taobao', 'tmall', 'tmall']);
  // 20,000 lines at ~1.34 lines per order is ~15,000 orders; the smallest shop has a tenth of the lines.
  const orders = parsed.shops.map((s) => Number(s.orders));
  assert.ok(orders.every((n) => n > 800), `orders per shop: ${orders}`);
  const total = orders.reduce((x, y) => x + y, 0);
  assert.ok(total > 13_000 && total < 17_000, `orders: ${total}`);
  for (const s of parsed.shops) {
    // A small shop at 20,000 lines sells ~3 orders a day: its first sale may come a day or two late.
    assert.ok(s.first_day >= '2024-07-01' && s.first_day <= '2024-07-07', `${s.shop} first day ${s.first_day}`);
    assert.ok(s.last_day >= '2026-06-24' && s.last_day <= '2026-06-30', `${s.shop} last day ${s.last_day}`);
    assert.ok(Number(s.paid_amount) > 0, s.shop);
  }
  assert.equal(parsed.shops.map((s) => s.first_day).sort()[0], '2024-07-01');
  assert.equal(parsed.shops.map((s) => s.last_day).sort().at(-1), '2026-06-30');
  assert.deepEqual(parsed.incidents.map((i) => i.kind).sort(), ['conversion_drop', 'data_gap', 'refund_spike', 'stockout']);
  const lines = parsed.tables.find((t) => t.table === 'order_lines');
  assert.ok(Math.abs(Number(lines?.rows) - 20_000) < 1_000, `order lines: ${lines?.rows}`);
});

it('rejects a bad --end with a bilingual coded error and a non-zero exit', () => {
  const r = runCli(['demo', '--orders', '2000', '--end', '2026-13-01', '--db', join(tmp.dir, 'bad.duckdb')]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /DEMO_BAD_END_DAY/);
  assert.match(r.stderr, /YYYY-MM-DD/);
});
