/**
 * Notification channels through the API: saved with their secrets sealed, listed without them,
 * tried with a test message that reaches a local DingTalk robot in its documented format
 * (signed: timestamp and HMAC-SHA256 sign in the query), removed; only an owner may change them,
 * and a user limited to some shops sees only channels limited to those shops.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startCaptureServer, type CaptureServer } from '../alerts/testing/http-capture.js';
import { testServer, type Client, type TestServer } from './testing/harness.js';

describe('notification channels over the API', () => {
  let t: TestServer;
  let owner: Client;
  let robot: CaptureServer;
  before(async () => {
    // served on this machine's own address, as `shoplens serve` is by default
    t = await testServer({ linkBase: 'http://127.0.0.1:8787' });
    owner = await t.session('owner');
    // the robot takes the first message and refuses the second as DingTalk does a wrong signature
    robot = await startCaptureServer([{ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }, { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' }]);
  });
  after(async () => { await robot?.close(); await t?.close(); });

  const ding = () => ({ kind: 'dingtalk', url: `${robot.base}/robot/send?access_token=tok123`, secret: 'SECabc', language: 'zh' });

  test('saves a DingTalk robot with its secrets sealed, and lists it without them', async () => {
    const put = await owner.inject({ method: 'PUT', url: '/api/alerts/channels/ops-ding', payload: ding() });
    assert.equal(put.statusCode, 200, put.body);
    assert.deepEqual((put.json() as { channel: Record<string, unknown> }).channel, { id: 'ops-ding', kind: 'dingtalk', url: '***', secret: '***', language: 'zh', atMobiles: [] });
    const list = (await owner.inject({ url: '/api/alerts/channels' })).json() as { channels: Record<string, unknown>[] };
    assert.deepEqual(list.channels.map((c) => [c.id, c.url, c.secret]), [['ops-ding', '***', '***']]);
    const stored = JSON.stringify(await t.meta.documents.list('setting'));
    assert.ok(!stored.includes('tok123') && !stored.includes('SECabc'), 'no secret in clear in the metadata store');
  });

  test('sends a signed test message in DingTalk\'s format, and says what the robot answered when it refuses', async () => {
    const before = Date.now();
    const ok = await owner.inject({ method: 'POST', url: '/api/alerts/channels/ops-ding/test' });
    assert.deepEqual(ok.json(), { ok: true, attempts: 1, status: 200, detail: 'ok' });
    const req = robot.requests[0]!;
    const q = new URL(req.url, robot.base).searchParams;
    assert.equal(q.get('access_token'), 'tok123');
    const ts = q.get('timestamp')!;
    assert.ok(Number(ts) >= before && Number(ts) <= Date.now());
    assert.equal(q.get('sign'), createHmac('sha256', 'SECabc').update(`${ts}\nSECabc`).digest('base64'));
    const body = JSON.parse(req.body) as { msgtype: string; markdown: { title: string; text: string } };
    assert.equal(body.msgtype, 'markdown');
    assert.equal(body.markdown.title, '【提示】ShopLens 测试消息'); // info severity, as every message is headed
    assert.match(body.markdown.text, /收到这条消息,说明告警与报表可以发到这里。/);
    // the link alerts will carry, and why a phone will not open it
    assert.match(body.markdown.text, /\[打开 ShopLens\]\(http:\/\/127\.0\.0\.1:8787\/alerts\)/);
    assert.match(body.markdown.text, /同事的手机打不开;请把 SHOPLENS\\_BASE\\_URL 设为/); // underscores escaped for markdown

    const refused = (await owner.inject({ method: 'POST', url: '/api/alerts/channels/ops-ding/test' })).json() as { ok: boolean; detail: string };
    assert.equal(refused.ok, false);
    assert.match(refused.detail, /310000.*sign not match/);
  });

  test('only an owner changes channels; a shop-limited user sees only channels limited to their shops', async () => {
    const ops = await t.session('ops');
    assert.equal((await ops.inject({ method: 'PUT', url: '/api/alerts/channels/x', payload: ding() })).statusCode, 403);
    const bad = await owner.inject({ method: 'PUT', url: '/api/alerts/channels/x', payload: { kind: 'dingtalk' } });
    assert.equal((bad.json() as { error: { code: string } }).error.code, 'NOTIFY_CHANNEL_INVALID');
    await owner.inject({ method: 'PUT', url: '/api/alerts/channels/tm-ding', payload: { ...ding(), shopIds: ['tm-1'] } });
    const ids = async (c: Client) => ((await c.inject({ url: '/api/alerts/channels' })).json() as { channels: { id: string }[] }).channels.map((x) => x.id).sort();
    assert.deepEqual(await ids(owner), ['ops-ding', 'tm-ding']);
    // an operator of 天猫 (tm-1) alone: the channel for every shop could reach others' data, the tm-1 one is theirs
    const made = await owner.inject({ method: 'POST', url: '/api/users', payload: { name: 'tm-ops', password: 'tm-ops-password-1', role: 'ops', shops: ['tm-1'] } });
    assert.equal(made.statusCode, 200, made.body);
    const tmOps = await t.login('tm-ops', 'tm-ops-password-1');
    assert.deepEqual(await ids(tmOps), ['tm-ding']);
    assert.equal((await tmOps.inject({ method: 'POST', url: '/api/alerts/channels/ops-ding/test' })).statusCode, 404);
  });

  test('removes a channel; an unknown one is a coded 404', async () => {
    assert.equal((await owner.inject({ method: 'DELETE', url: '/api/alerts/channels/tm-ding' })).statusCode, 200);
    const gone = await owner.inject({ method: 'DELETE', url: '/api/alerts/channels/tm-ding' });
    assert.equal(gone.statusCode, 404);
    assert.equal((gone.json() as { error: { code: string } }).error.code, 'NOTIFY_CHANNEL_NOT_FOUND');
    const test = await owner.inject({ method: 'POST', url: '/api/alerts/channels/nope/test' });
    assert.equal((test.json() as { error: { code: string } }).error.code, 'NOTIFY_CHANNEL_NOT_FOUND');
  });

  test('served at an address colleagues reach, the test message links there without the note', async () => {
    const lan = await testServer({ linkBase: 'http://192.168.1.20:8787/' });
    const capture = await startCaptureServer([{ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }]);
    try {
      const boss = await lan.session('owner');
      await boss.inject({ method: 'PUT', url: '/api/alerts/channels/d', payload: { kind: 'dingtalk', url: `${capture.base}/robot/send?access_token=t`, language: 'zh' } });
      assert.equal(((await boss.inject({ method: 'POST', url: '/api/alerts/channels/d/test' })).json() as { ok: boolean }).ok, true);
      const text = (JSON.parse(capture.requests[0]!.body) as { markdown: { text: string } }).markdown.text;
      assert.match(text, /\[打开 ShopLens\]\(http:\/\/192\.168\.1\.20:8787\/alerts\)/);
      assert.doesNotMatch(text, /BASE\\?_URL|打不开/);
    } finally {
      await capture.close();
      await lan.close();
    }
  });
});
