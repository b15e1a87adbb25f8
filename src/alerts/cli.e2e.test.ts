/**
 * The built `shoplens` command on a small demo store: alerts backtest as JSON, report run to
 * XLSX (read back and checked against a sum from `shoplens sql`) and to PDF, and the actions loop.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { runCli } from '../../test/helpers/cli.js';
import { tempDir } from '../../test/helpers/store.js';
import { actionStore } from '../actions/store.js';
import { openMetaStore } from '../meta/index.js';

let dir: string;
let cleanup: () => void;
let db: string;
const cli = (...args: string[]) => runCli(['--db', db, ...args], { env: { SHOPLENS_META_DB: join(dir, 'meta.sqlite') } });

before(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'store.duckdb');
  const r = cli('demo', '--orders', '40000', '--seed', '42', '--end', '2026-06-30');
  assert.equal(r.code, 0, r.stderr);
});
after(() => cleanup());

describe('shoplens alerts / report / actions', () => {
  it('alerts backtest --builtin finds the planted data gap and prints JSON', () => {
    const r = cli('alerts', 'backtest', '--builtin', '--from', '2026-05-01', '--to', '2026-06-30', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { from: string; to: string; rules: { id: string }[]; alerts: { ruleId: string; entity: Record<string, string>; openedDay: string }[] };
    assert.deepEqual([out.from, out.to], ['2026-05-01', '2026-06-30']);
    assert.equal(out.rules.length, 9);
    const gap = out.alerts.filter((a) => a.ruleId === 'data_freshness');
    // at 40 k lines a small shop can also have a genuinely empty day: the planted gap must be among them
    assert.ok(gap.some((a) => a.entity.shop === 'pdd_store' && a.openedDay === '2026-05-30'), JSON.stringify(gap));
    assert.ok(gap.length <= 3, `few freshness alerts, got ${gap.length}`);
  });

  it('alerts show: what the freshness rule saw of pdd_store around its planted gap, day by day', () => {
    assert.equal(cli('alerts', 'add', '--template', 'data_freshness', '--id', 'fresh').code, 0);
    const ev = cli('alerts', 'eval', '--day', '2026-05-30', '--no-notify', '--format', 'json');
    assert.equal(ev.code, 0, ev.stderr);
    const opened = (JSON.parse(ev.stdout) as { opened: { id: string; entity: Record<string, string> }[] }).opened.find((a) => a.entity.shop === 'pdd_store');
    assert.ok(opened, ev.stdout);
    const r = cli('alerts', 'show', opened.id, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const { history } = JSON.parse(r.stdout) as { history: { day: string; value: number | null; breached: boolean }[] };
    // four weeks before the gap and a week after it (the rule judges each day as it is)
    assert.deepEqual([history[0]!.day, history.at(-1)!.day], ['2026-05-03', '2026-06-06']);
    // the day's paid orders, counted in SQL: none on the gap, some on the day before
    const count = (d: string) => Number(JSON.parse(cli('sql', `SELECT count(*) AS n FROM orders WHERE shop_id = 'pdd_store' AND paid_day = DATE '${d}'`, '--format', 'json').stdout).rows[0].n);
    const on = (d: string) => history.find((p) => p.day === d)!;
    assert.deepEqual([on('2026-05-30').value ?? 0, on('2026-05-30').breached], [count('2026-05-30'), true]);
    assert.equal(count('2026-05-30'), 0);
    assert.deepEqual([on('2026-05-29').value, on('2026-05-29').breached], [count('2026-05-29'), false]);
    assert.ok(count('2026-05-29') > 0);
    const missing = cli('alerts', 'show', 'nope');
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /ALERT_NOT_FOUND/);
  });

  it('rejects a bad day with a coded bilingual error', () => {
    const r = cli('alerts', 'backtest', '--builtin', '--from', '2026-13-01', '--to', '2026-06-30');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /INVALID_ARGUMENT/);
    assert.match(r.stderr, /参数/);
  });

  it('report run daily → XLSX with numbers equal to the warehouse sum, and a PDF', async () => {
    const out = join(dir, 'daily.xlsx');
    const r = cli('report', 'run', 'daily', '--from', '2026-06-01', '--to', '2026-06-30', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const ws = wb.worksheets[1]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('支付金额') + 1;
    assert.ok(col > 0, `header ${header.join(',')}`);
    const paid = ws.getRow(2).getCell(col).value;
    assert.equal(typeof paid, 'number');
    const sql = cli('sql', "SELECT sum(paid_amount) AS fen FROM orders WHERE paid_at IS NOT NULL AND paid_day BETWEEN DATE '2026-06-01' AND DATE '2026-06-30'", '--format', 'json');
    assert.equal(sql.code, 0, sql.stderr);
    const fen = BigInt(JSON.parse(sql.stdout).rows[0].fen);
    assert.equal(paid, Number(fen) / 100);
    const pdf = join(dir, 'daily.pdf');
    const p = cli('report', 'run', 'daily', '--from', '2026-06-01', '--to', '2026-06-30', '--out', pdf, '--lang', 'en');
    assert.equal(p.code, 0, p.stderr);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    const archive = cli('report', 'archive', '--format', 'json');
    assert.equal(JSON.parse(archive.stdout).rows.length, 2, 'both runs archived');
  });

  it('actions add → move → list', () => {
    const add = cli('actions', 'add', '补货并调整安全库存', '--owner', 'li', '--due', '2026-07-10', '--metric', 'paid_amount', '--expect', 'up:5', '--where', 'shop=tmall_flagship');
    assert.equal(add.code, 0, add.stderr);
    const id = add.stdout.trim();
    assert.match(id, /^A-/);
    assert.equal(cli('actions', 'move', id, 'doing').code, 0);
    const bad = cli('actions', 'move', id, 'done');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /ACTION_BAD_MOVE/);
    const list = JSON.parse(cli('actions', 'list', '--format', 'json').stdout) as { rows: { id: string; stage: string }[] };
    assert.deepEqual(list.rows.map((r) => [r.id, r.stage]), [[id, 'doing']]);
    const xlsx = join(dir, 'actions.xlsx');
    const ex = cli('actions', 'export', '--out', xlsx);
    assert.equal(ex.code, 0, ex.stderr);
    assert.equal(readFileSync(xlsx).subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
  });

  it('actions add --alert: the action takes the alert\'s scope and shops; an unknown alert is refused', async () => {
    const alerts = JSON.parse(cli('alerts', 'list', '--format', 'json').stdout) as { alerts: { id: string; entity: Record<string, string> }[] };
    const gap = alerts.alerts.find((a) => a.id.startsWith('fresh:') && a.entity.shop === 'pdd_store')!;
    const add = cli('actions', 'add', '补导 5 月 30 日订单', '--owner', 'li', '--due', '2026-06-10', '--metric', 'paid_orders', '--expect', 'up', '--alert', gap.id);
    assert.equal(add.code, 0, add.stderr);
    const meta = await openMetaStore(join(dir, 'meta.sqlite'));
    try {
      const a = await actionStore(meta).getAction(add.stdout.trim());
      assert.deepEqual([a.origin, a.target.filters, a.shopIds], [{ kind: 'alert', alertId: gap.id }, { shop: 'pdd_store' }, ['pdd_store']]);
    } finally {
      await meta.close();
    }
    const unknown = cli('actions', 'add', 'x', '--owner', 'li', '--due', '2026-06-10', '--metric', 'paid_orders', '--expect', 'up', '--alert', 'nope');
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /ALERT_NOT_FOUND/);
  });
});
