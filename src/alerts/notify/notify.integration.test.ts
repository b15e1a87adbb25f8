/**
 * Every channel against a local server: payload shapes as the platforms document them, and
 * signatures recomputed here independently from the documented formulas (not via our code).
 */
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startCaptureServer, type CaptureServer } from '../testing/http-capture.js';
import { createNotifier, createNotifiers, deliver, memoryDeliveryLog, parseChannel, sealSecret, type NotifyMessage } from './index.js';

const KEY = randomBytes(32);
const keys = { env: { SHOPLENS_SECRET_KEY: KEY.toString('base64'), DING_SECRET: 'SECenv-ding-secret' }, keyFile: '/nonexistent/never-used.key' };
const fast = { retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 80 } };

const message: NotifyMessage = {
  kind: 'alert',
  id: 'alert-42',
  severity: 'critical',
  title: { zh: '退款率飙升:旗舰店', en: 'Refund rate spike: flagship store' },
  lines: [{ zh: '退款率 18.0%,基线 6.0%(+12.0 个百分点)', en: 'Refund rate 18.0% vs baseline 6.0% (+12.0 pts)' }],
  facts: [{ label: { zh: '主要贡献', en: 'Top contributor' }, value: 'SKU A_01*' }],
  link: { url: 'http://127.0.0.1:7070/alerts/alert-42', label: { zh: '查看详情', en: 'Open in ShopLens' } },
};

const ok = { status: 200, body: JSON.stringify({ errcode: 0, errmsg: 'ok' }) };

describe('DingTalk custom robot', () => {
  let srv: CaptureServer;
  before(async () => { srv = await startCaptureServer([ok]); });
  after(() => srv.close());

  it('signs with HmacSHA256(secret, `${ms}\\n${secret}`), URL-encoded, and sends the markdown msgtype', async () => {
    const secret = 'SEC' + randomBytes(24).toString('hex');
    const channel = parseChannel({ id: 'ding', kind: 'dingtalk', url: sealSecret(`${srv.base}/robot/send?access_token=tok123`, KEY), secret: sealSecret(secret, KEY), atMobiles: ['13800000000'] });
    const before = Date.now();
    const [rec] = await deliver(message, [createNotifier(channel, keys)], fast);
    assert.equal(rec!.ok, true);
    const req = srv.requests.at(-1)!;
    const rawQuery = req.url.split('?')[1]!;
    const q = new URLSearchParams(rawQuery);
    assert.equal(q.get('access_token'), 'tok123');
    const ts = Number(q.get('timestamp'));
    assert.ok(ts >= before && ts <= Date.now(), 'timestamp is now, in milliseconds');
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(`${ts}\n${secret}`, 'utf8')).digest('base64');
    assert.equal(q.get('sign'), expected);
    // base64 characters + / = must arrive percent-encoded, as the doc's urlEncode does
    const rawSign = /(?:^|&)sign=([^&]*)/.exec(rawQuery)![1]!;
    assert.doesNotMatch(rawSign, /[+/=]/);
    assert.equal(decodeURIComponent(rawSign), expected);
    const body = JSON.parse(req.body);
    assert.deepEqual(Object.keys(body).sort(), ['at', 'markdown', 'msgtype']);
    assert.equal(body.msgtype, 'markdown');
    assert.equal(body.markdown.title, '【严重】退款率飙升:旗舰店');
    assert.match(body.markdown.text, /^### 【严重】退款率飙升:旗舰店\n\n退款率 18\.0%/);
    assert.match(body.markdown.text, /- \*\*主要贡献\*\*: SKU A\\_01\\\*/, 'data is escaped, labels are bold');
    assert.match(body.markdown.text, /\[查看详情\]\(http:\/\/127\.0\.0\.1:7070\/alerts\/alert-42\)/);
    assert.match(body.markdown.text, /@13800000000$/);
    assert.deepEqual(body.at, { atMobiles: ['13800000000'], isAtAll: false });
    assert.match(String(req.headers['content-type']), /application\/json/);
  });

  it('reads the secret from the environment with env:NAME', async () => {
    const channel = parseChannel({ id: 'ding-env', kind: 'dingtalk', url: `${srv.base}/robot/send?access_token=t`, secret: 'env:DING_SECRET' });
    await deliver(message, [createNotifier(channel, keys)], fast);
    const q = new URLSearchParams(srv.requests.at(-1)!.url.split('?')[1]);
    const ts = q.get('timestamp')!;
    assert.equal(q.get('sign'), createHmac('sha256', 'SECenv-ding-secret').update(`${ts}\nSECenv-ding-secret`).digest('base64'));
  });
});

describe('Feishu custom bot', () => {
  let srv: CaptureServer;
  before(async () => { srv = await startCaptureServer([{ status: 200, body: JSON.stringify({ code: 0, msg: 'success', data: {} }) }]); });
  after(() => srv.close());

  it('puts timestamp (seconds) and sign = base64(HmacSHA256(key `${ts}\\n${secret}`, "")) in an interactive card body', async () => {
    const secret = randomBytes(16).toString('hex');
    const channel = parseChannel({ id: 'fs', kind: 'feishu', language: 'en', url: `${srv.base}/open-apis/bot/v2/hook/abc-def`, secret: sealSecret(secret, KEY) });
    const before = Math.floor(Date.now() / 1000);
    const [rec] = await deliver(message, [createNotifier(channel, keys)], fast);
    assert.equal(rec!.ok, true);
    const body = JSON.parse(srv.requests.at(-1)!.body);
    assert.equal(typeof body.timestamp, 'string');
    const ts = Number(body.timestamp);
    assert.ok(ts >= before && ts <= Math.floor(Date.now() / 1000), 'timestamp in seconds');
    const expected = createHmac('sha256', Buffer.from(`${ts}\n${secret}`, 'utf8')).update(Buffer.alloc(0)).digest('base64');
    assert.equal(body.sign, expected);
    assert.equal(body.msg_type, 'interactive');
    assert.deepEqual(body.card.header, { template: 'red', title: { tag: 'plain_text', content: '【Critical】Refund rate spike: flagship store' } });
    assert.equal(body.card.elements[0].tag, 'markdown');
    assert.match(body.card.elements[0].content, /^Refund rate 18\.0% vs baseline 6\.0%/);
    assert.doesNotMatch(body.card.elements[0].content, /127\.0\.0\.1/, 'the link is a button, not inline text');
    assert.deepEqual(body.card.elements[1], {
      tag: 'action',
      actions: [{ tag: 'button', text: { tag: 'plain_text', content: 'Open in ShopLens' }, url: 'http://127.0.0.1:7070/alerts/alert-42', type: 'primary' }],
    });
  });

  it('treats a non-zero code as failure without retrying a signature error', async () => {
    const bad = await startCaptureServer([{ status: 200, body: JSON.stringify({ code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' }) }]);
    try {
      const channel = parseChannel({ id: 'fs-bad', kind: 'feishu', url: `${bad.base}/hook/x`, secret: 'wrong' });
      const [rec] = await deliver(message, [createNotifier(channel, keys)], fast);
      assert.equal(rec!.ok, false);
      assert.equal(rec!.attempts, 1);
      assert.match(rec!.detail, /code 19021/);
    } finally {
      await bad.close();
    }
  });
});

describe('WeCom group robot', () => {
  let srv: CaptureServer;
  before(async () => { srv = await startCaptureServer([ok]); });
  after(() => srv.close());

  it('posts {msgtype:"markdown", markdown:{content}} to the key URL, content within 4096 bytes', async () => {
    const channel = parseChannel({ id: 'wc', kind: 'wecom', url: `${srv.base}/cgi-bin/webhook/send?key=KEY-1` });
    const long: NotifyMessage = { ...message, lines: Array.from({ length: 400 }, (_, i) => ({ zh: `第 ${i} 行:库存不足`, en: `line ${i}` })) };
    const [r1] = await deliver(message, [createNotifier(channel, keys)], fast);
    const [r2] = await deliver(long, [createNotifier(channel, keys)], fast);
    assert.ok(r1!.ok && r2!.ok);
    const [first, second] = srv.requests.slice(-2).map((r) => ({ url: r.url, body: JSON.parse(r.body) }));
    assert.equal(first!.url, '/cgi-bin/webhook/send?key=KEY-1');
    assert.deepEqual(Object.keys(first!.body).sort(), ['markdown', 'msgtype']);
    assert.equal(first!.body.msgtype, 'markdown');
    assert.deepEqual(Object.keys(first!.body.markdown), ['content']);
    assert.match(first!.body.markdown.content, /^### <font color="warning">【严重】退款率飙升:旗舰店<\/font>\n退款率/);
    const bytes = Buffer.byteLength(second!.body.markdown.content, 'utf8');
    assert.ok(bytes <= 4096 && bytes > 4000, `truncated to the limit, got ${bytes} bytes`);
    assert.ok(second!.body.markdown.content.endsWith('…'));
  });
});

describe('generic webhook', () => {
  it('signs the exact body bytes with sha256=hex(HMAC(secret, `${ts}.${body}`))', async () => {
    const srv = await startCaptureServer([{ status: 204, body: '' }]);
    try {
      const channel = parseChannel({ id: 'hook', kind: 'webhook', url: `${srv.base}/in`, secret: 'whsec-1', headers: { 'x-tenant': 'acme' }, language: 'en' });
      const [rec] = await deliver(message, [createNotifier(channel, keys)], { ...fast, now: () => new Date('2026-03-01T02:00:00Z') });
      assert.equal(rec!.ok, true);
      const req = srv.requests[0]!;
      assert.equal(req.headers['x-shoplens-timestamp'], '1772330400');
      assert.equal(req.headers['x-shoplens-signature'], 'sha256=' + createHmac('sha256', 'whsec-1').update(`1772330400.${req.body}`).digest('hex'));
      assert.equal(req.headers['x-tenant'], 'acme');
      const body = JSON.parse(req.body);
      assert.equal(body.event, 'shoplens.alert');
      assert.equal(body.id, 'alert-42');
      assert.equal(body.title, 'Refund rate spike: flagship store');
      assert.deepEqual(body.facts, [{ label: 'Top contributor', value: 'SKU A_01*' }]);
      assert.equal(body.link, 'http://127.0.0.1:7070/alerts/alert-42');
      assert.equal(body.sentAt, '2026-03-01T02:00:00.000Z');
    } finally {
      await srv.close();
    }
  });
});

describe('retries, isolation and the delivery log', () => {
  it('retries 5xx and rate-limit codes with back-off, stops at the bound, and never retries a refused signature', async () => {
    const flaky = await startCaptureServer([{ status: 503, body: 'busy' }, { status: 200, body: JSON.stringify({ errcode: 130101, errmsg: 'send too fast' }) }, ok]);
    const refused = await startCaptureServer([{ status: 200, body: JSON.stringify({ errcode: 310000, errmsg: 'sign not match' }) }]);
    const down = await startCaptureServer([{ status: 500, body: 'down' }]);
    try {
      const log = memoryDeliveryLog();
      const notifiers = createNotifiers([
        { id: 'flaky', kind: 'dingtalk', url: `${flaky.base}/robot/send?access_token=a`, secret: 's1', language: 'zh', atMobiles: [] },
        { id: 'refused', kind: 'dingtalk', url: `${refused.base}/robot/send?access_token=b`, secret: 's2', language: 'zh', atMobiles: [] },
        { id: 'down', kind: 'wecom', url: `${down.base}/send?key=k`, language: 'zh' },
      ], keys);
      const sleeps: number[] = [];
      const recs = await deliver(message, notifiers, { log, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 15 }, sleep: async (ms) => void sleeps.push(ms) });
      const by = Object.fromEntries(recs.map((r) => [r.channelId, r]));
      assert.deepEqual([by.flaky!.ok, by.flaky!.attempts], [true, 3]);
      assert.deepEqual([by.refused!.ok, by.refused!.attempts], [false, 1]);
      assert.deepEqual([by.down!.ok, by.down!.attempts, by.down!.status], [false, 3, 500]);
      assert.equal(flaky.requests.length, 3);
      assert.equal(down.requests.length, 3);
      // two waits each for flaky and down: 10 then min(15, 20)
      assert.deepEqual(sleeps.sort((a, b) => a - b), [10, 10, 15, 15]);
      assert.equal(log.records.length, 3);
    } finally {
      await Promise.all([flaky.close(), refused.close(), down.close()]);
    }
  });

  it('a dead or slow channel does not hold back a healthy one', async () => {
    const healthy = await startCaptureServer([ok]);
    const slow = await startCaptureServer([{ ...ok, delayMs: 600 }]);
    try {
      const closed = await startCaptureServer([ok]);
      const deadUrl = `${closed.base}/send?key=x`;
      await closed.close();
      const log = memoryDeliveryLog();
      const t0 = Date.now();
      const notifiers = createNotifiers([
        { id: 'dead', kind: 'wecom', url: deadUrl, language: 'zh' },
        { id: 'missing-env', kind: 'feishu', url: 'env:NOT_SET_ANYWHERE', language: 'zh' },
        { id: 'slow', kind: 'wecom', url: `${slow.base}/send?key=y`, language: 'zh' },
        { id: 'healthy', kind: 'wecom', url: `${healthy.base}/send?key=z`, language: 'zh' },
      ], keys);
      const recs = await deliver(message, notifiers, { log, retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 200 } });
      const by = Object.fromEntries(recs.map((r) => [r.channelId, r]));
      assert.equal(by.healthy!.ok, true);
      assert.equal(by.slow!.ok, true);
      assert.equal(by.dead!.ok, false);
      assert.equal(by.dead!.attempts, 3);
      assert.match(by.dead!.detail, /ECONNREFUSED/);
      assert.equal(by['missing-env']!.ok, false);
      assert.match(by['missing-env']!.detail, /NOT_SET_ANYWHERE/);
      // the healthy hook was hit before the slow one answered and before dead finished its back-off (≥ 300 ms)
      assert.ok(healthy.requests[0]!.at - t0 < 250, `healthy delivered after ${healthy.requests[0]!.at - t0} ms`);
    } finally {
      await Promise.all([healthy.close(), slow.close()]);
    }
  });

  it('never writes a secret into the log, even when the platform echoes it back', async () => {
    const echo = await startCaptureServer((req) => ({ status: 200, body: JSON.stringify({ errcode: 300001, errmsg: `token invalid: ${req.url}` }) }));
    try {
      const secret = 'SECtop-secret-value';
      const log = memoryDeliveryLog();
      const channel = parseChannel({ id: 'ding', kind: 'dingtalk', url: sealSecret(`${echo.base}/robot/send?access_token=tok-very-private`, KEY), secret: sealSecret(secret, KEY) });
      await deliver(message, [createNotifier(channel, keys)], { ...fast, log });
      const text = JSON.stringify(log.records);
      assert.match(text, /token invalid/);
      assert.doesNotMatch(text, /tok-very-private/);
      assert.doesNotMatch(text, /top-secret-value/);
      const sign = new URLSearchParams(echo.requests[0]!.url.split('?')[1]).get('sign')!;
      assert.ok(sign.length > 20);
    } finally {
      await echo.close();
    }
  });
});
