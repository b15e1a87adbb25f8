/**
 * The import route tells the scheduler when an upload's import has finished (deps.onImported),
 * and shows each file's phase and progress while it runs.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeBigExport } from '../ingest/synthetic/big-export.js';
import { testServer, type TestServer } from './testing/harness.js';

let t: TestServer;

/** POST /api/import of fixtures (under test/fixtures/ingest, or absolute paths), with the form's shop when given. */
function upload(fixtures: string | string[], shop?: string) {
  const boundary = 'shoplens-test-boundary';
  const file = (fixture: string) => [
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="${fixture.split('/').pop()!}"\r\ncontent-type: text/csv\r\n\r\n`),
    readFileSync(fixture.startsWith('/') ? fixture : new URL(`../../test/fixtures/ingest/${fixture}`, import.meta.url)),
    Buffer.from('\r\n'),
  ];
  const payload = Buffer.concat([
    ...(shop ? [Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="shop"\r\n\r\n${shop}\r\n`)] : []),
    ...[fixtures].flat().flatMap(file),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { method: 'POST' as const, url: '/api/import', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
before(async () => { t = await testServer(); });
after(() => t.close());

test('POST /api/import calls onImported once the upload has been imported', async () => {
  const calls: string[] = [];
  // the same deps object the routes were registered with: serve.ts passes the scheduler's afterImport here
  t.app.deps.onImported = async () => {
    const runs = (await (await t.session('owner')).inject({ method: 'GET', url: `/api/import/runs/${uploadId}` })).json() as { status: string };
    calls.push(runs.status);
  };
  let uploadId = '';
  const owner = await t.session('owner');
  const res = await owner.inject(upload('taobao/refunds202603.csv', 'tm-1'));
  assert.equal(res.statusCode, 200, res.body);
  uploadId = (res.json() as { runId: string }).runId;
  const deadline = Date.now() + 20_000;
  while (calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  // called after the upload finished, not while it was still running
  assert.equal(calls.length, 1);
  assert.notEqual(calls[0], 'running');
});

test('an upload that fails still shows the format it was recognised as, beside the error', async () => {
  const owner = await t.session('owner');
  // 拼多多 exports name no shop: without the form's shop the import fails
  const res = await owner.inject(upload('pdd/pdd-orders-202603.csv'));
  assert.equal(res.statusCode, 200, res.body);
  const { runId } = res.json() as { runId: string };
  type View = { status: string; files: { format: string | null; status: string; error?: { code: string; message: { zh: string; en: string } } }[] };
  let view: View = { status: 'queued', files: [] };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    view = (await owner.inject({ method: 'GET', url: `/api/import/runs/${runId}` })).json() as View;
    if (view.status !== 'queued' && view.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const [f] = view.files;
  assert.equal(f?.error?.code, 'INGEST_SHOP_MISSING');
  assert.equal(f?.format, 'pdd-orders');
  assert.match(f?.error?.message.zh ?? '', /数据页的“店铺”栏/);
  assert.match(f?.error?.message.en ?? '', /Shop field on the data page/);
});

test('while a file imports, its phase, rows and progress show, and only go forward', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-progress-'));
  try {
    // big enough to be seen at work: 60 k rows take a second or more to import
    const path = join(dir, 'douyin-orders.csv');
    await writeBigExport(path, 'douyin-bom', 60_000);
    const owner = await t.session('owner');
    const res = await owner.inject(upload(path));
    assert.equal(res.statusCode, 200, res.body);
    const { runId } = res.json() as { runId: string };
    type File = { status: string; phase: string | null; progress: number; rowsRead: number };
    type View = { status: string; progress: number; files: File[] };
    const views: View[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const view = (await owner.inject({ method: 'GET', url: `/api/import/runs/${runId}` })).json() as View;
      views.push(view);
      if ((view.status !== 'queued' && view.status !== 'running') || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const files = views.map((v) => v.files[0]!);
    const final = files.at(-1)!;
    assert.deepEqual({ status: final.status, phase: final.phase, progress: final.progress, rowsRead: final.rowsRead }, { status: 'done', phase: null, progress: 1, rowsRead: 60_000 });
    const running = files.filter((f) => f.status === 'running' && f.phase !== null);
    assert.ok(running.length > 0, `seen at work (${views.length} polls)`);
    for (const f of running) {
      assert.ok(['reading', 'cleaning', 'merging'].includes(f.phase!), f.phase!);
      assert.ok(f.progress >= 0 && f.progress < 1 && f.rowsRead <= 60_000);
    }
    const forward = (xs: number[]) => assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
    forward(files.map((f) => f.progress));
    forward(files.map((f) => f.rowsRead));
    forward(views.map((v) => v.progress));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a month of a shop\'s exports dropped at once: each file detected and imported', async () => {
  const owner = await t.session('owner');
  const month = ['taobao/ExportOrderList202603.csv', 'taobao/ExportOrderDetailList202603.csv', 'taobao/refunds202603.csv', 'reports/ads-202603.csv',
    'reports/traffic-202603.csv', 'finance/settlement-202603.csv', 'finance/expenses-202603.csv', 'operations/cs-sessions-202603.csv'];
  const res = await owner.inject(upload(month, 'T100'));
  assert.equal(res.statusCode, 200, res.body);
  const { runId } = res.json() as { runId: string };
  type View = { status: string; files: { file: string; format: string | null; status: string }[] };
  let view: View = { status: 'queued', files: [] };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    view = (await owner.inject({ method: 'GET', url: `/api/import/runs/${runId}` })).json() as View;
    if (view.status !== 'queued' && view.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.deepEqual(view.files.map((f) => f.format), ['taobao-orders', 'taobao-items', 'taobao-refunds', 'ad-report', 'traffic-report', 'settlement-report', 'expense-report', 'cs-report']);
  // the order report and the CS sheet set rows aside (their planted bad rows); nothing fails
  assert.ok(view.files.every((f) => f.status === 'done' || f.status === 'partial'), JSON.stringify(view.files));
});
