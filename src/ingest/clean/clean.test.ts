import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseId } from './ids.js';
import { parseFen, parseInt_ } from './amounts.js';
import { parseLocalTime, zoneOf } from './dates.js';
import { mapStatus, vocabulary } from './statuses.js';
import { isMasked } from './pii.js';
import { cellText, headerKey } from './text.js';
import { refundStatuses } from '../sources/refund-vocab.js';

test('IDs: Excel guards are removed and 19 digits stay exact text', () => {
  assert.deepEqual(parseId('="3712345678901234561"'), { value: '3712345678901234561' });
  assert.deepEqual(parseId('\t6920000000000000101'), { value: '6920000000000000101' });
  assert.deepEqual(parseId("'6920000000000000102"), { value: '6920000000000000102' });
  assert.deepEqual(parseId(' 260312-123456789012345 '), { value: '260312-123456789012345' });
  assert.deepEqual(parseId('-'), { value: undefined });
  assert.deepEqual(parseId(12345), { value: '12345' });
});

test('IDs re-saved by Excel are reported, never guessed', () => {
  assert.equal(parseId('3.71235E+18').error, 'INGEST_ID_SCIENTIFIC');
  assert.equal(parseId('3712345678901234561.00').error, 'INGEST_ID_SCIENTIFIC');
  assert.equal(parseId(3712345678901234561).error, 'INGEST_ID_SCIENTIFIC');
  assert.equal(parseId('12 34').error, 'INGEST_ID_INVALID');
});

test('amounts become exact fen', () => {
  assert.deepEqual(parseFen('¥1,299.00'), { value: 129900n });
  assert.deepEqual(parseFen('￥210.00'), { value: 21000n });
  assert.deepEqual(parseFen('1,299.00'), { value: 129900n });
  assert.deepEqual(parseFen('１２.５'), { value: 1250n });
  assert.deepEqual(parseFen('12.5元'), { value: 1250n });
  assert.deepEqual(parseFen('-3.10'), { value: -310n });
  assert.deepEqual(parseFen(45.5), { value: 4550n });
  assert.deepEqual(parseFen(0.1 + 0.2), { value: 30n });
  for (const empty of ['-', '--', '#NULL!', '', '\t']) assert.deepEqual(parseFen(empty), { value: undefined }, empty);
  assert.equal(parseFen('12.345').error, 'INGEST_AMOUNT_INVALID');
  assert.equal(parseFen('abc').error, 'INGEST_AMOUNT_INVALID');
  assert.equal(parseFen(1.005).error, 'INGEST_AMOUNT_INVALID');
});

test('whole numbers accept separators and reject fractions', () => {
  assert.deepEqual(parseInt_('1,200'), { value: 1200 });
  assert.deepEqual(parseInt_('3.0'), { value: 3 });
  assert.equal(parseInt_('2.5').error, 'INGEST_NUMBER_INVALID');
});

test('local times in the shop zone become UTC instants', () => {
  const sh = zoneOf('Asia/Shanghai');
  // 10:00 in Shanghai (UTC+8) is 02:00 UTC
  assert.equal(parseLocalTime('2026-03-01 10:00:00', sh).value?.toISOString(), '2026-03-01T02:00:00.000Z');
  assert.equal(parseLocalTime('2026/3/1 10:00', sh).value?.toISOString(), '2026-03-01T02:00:00.000Z');
  assert.equal(parseLocalTime('2026/9/22', sh).value?.toISOString(), '2026-09-21T16:00:00.000Z');
  assert.equal(parseLocalTime('19970101', zoneOf('America/New_York')).value?.toISOString(), '1997-01-01T05:00:00.000Z');
  // New York in July is UTC-4 (DST)
  assert.equal(parseLocalTime('2026-07-01 00:00:00', zoneOf('America/New_York')).value?.toISOString(), '2026-07-01T04:00:00.000Z');
  // xlsx: a Date cell is wall time; a serial number counts days from 1899-12-30 (46092.5 = 2026-03-11 12:00)
  assert.equal(parseLocalTime(new Date(Date.UTC(2026, 2, 10, 9, 30)), sh).value?.toISOString(), '2026-03-10T01:30:00.000Z');
  assert.equal(parseLocalTime(46092.5, sh).value?.toISOString(), '2026-03-11T04:00:00.000Z');
});

test("JD's 0001-01-01 means never; empty is empty; nonsense is an error", () => {
  const sh = zoneOf('Asia/Shanghai');
  assert.deepEqual(parseLocalTime('0001-01-01 00:00:00', sh), { value: null });
  assert.deepEqual(parseLocalTime('-', sh), { value: undefined });
  assert.equal(parseLocalTime('2026-02-30 10:00:00', sh).error, 'INGEST_DATE_INVALID');
  assert.equal(parseLocalTime('yesterday', sh).error, 'INGEST_DATE_INVALID');
});

test('statuses: full- and half-width commas map alike; the raw value is kept', () => {
  const v = vocabulary({ '卖家已发货,等待买家确认': 'shipped' as const });
  assert.deepEqual(mapStatus('卖家已发货，等待买家确认', v, 'paid' as never), { status: 'shipped', raw: '卖家已发货，等待买家确认', known: true });
  assert.deepEqual(mapStatus('神秘状态', v, 'paid' as never), { status: 'paid', raw: '神秘状态', known: false });
});

test('masked personal data is recognised', () => {
  for (const m of ['138****1234', '##密文', '张**', 't**5']) assert.equal(isMasked(m), true, m);
  for (const m of ['tb_alice', '13812341234']) assert.equal(isMasked(m), false, m);
});

test('cells and headers: trailing spaces, BOM and full-width forms', () => {
  assert.equal(cellText('  收货地址 '), '收货地址');
  assert.equal(cellText('#NULL!'), undefined);
  assert.equal(headerKey('订单付款时间 '), headerKey('订单付款时间'));
  assert.equal(headerKey('商品数量（件）'), headerKey('商品数量(件)'));
  assert.equal(headerKey('\uFEFF商品 id'), headerKey('商品id'));
});

test('open refund cases in the platforms\' words are known statuses (pending), in either comma width', () => {
  for (const raw of ['买家已经申请退款，等待卖家同意', '买家已经申请退款,等待卖家同意', '卖家已经同意退款，等待买家退货', '卖家拒绝退款', '退款中', '售后待处理', '待商家处理']) {
    assert.deepEqual(mapStatus(raw, refundStatuses, 'closed'), { status: 'pending', raw, known: true }, raw);
  }
  assert.equal(mapStatus('等待卖家同意', refundStatuses, 'pending').known, false);
});
