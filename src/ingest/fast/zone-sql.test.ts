import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zoneOffsetFn } from '../../core/time.js';
import { zoneSql } from './zone-sql.js';

test('a zone without changes in range is a constant offset (Asia/Shanghai: +8 h)', () => {
  const z = zoneSql('Asia/Shanghai', Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31));
  assert.equal(z.offset('x'), String(8 * 3600_000));
});

test('DST change points are those of core/time.ts, to the 15-minute slot', () => {
  const tz = 'America/New_York';
  const z = zoneSql(tz, Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31));
  const sql = z.offset('x');
  const points = [...sql.matchAll(/WHEN x < (-?\d+) THEN (-?\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  // 2026: DST starts 8 March 07:00 UTC, ends 1 November 06:00 UTC
  assert.deepEqual(points.map(([at]) => new Date(at!).toISOString()), ['2026-03-08T07:00:00.000Z', '2026-11-01T06:00:00.000Z']);
  const off = zoneOffsetFn(tz);
  for (const [at] of points) {
    assert.notEqual(off(at! - 1), off(at!), 'the offset changes at the point');
  }
});
