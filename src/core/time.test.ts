import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addDays, dayInZone, dayTextToNumber, startOfDayUtc } from './time.js';

it('cuts business days in the shop time zone', () => {
  // 2026-03-01 16:30 UTC is 2026-03-02 00:30 in Shanghai (UTC+8)
  assert.equal(dayInZone(new Date(Date.UTC(2026, 2, 1, 16, 30)), 'Asia/Shanghai'), '2026-03-02');
  assert.equal(dayInZone(new Date(Date.UTC(2026, 2, 1, 15, 59)), 'Asia/Shanghai'), '2026-03-01');
  // New York is UTC-5 in winter, UTC-4 in summer
  assert.equal(dayInZone(new Date(Date.UTC(2026, 0, 15, 4, 59)), 'America/New_York'), '2026-01-14');
  assert.equal(dayInZone(new Date(Date.UTC(2026, 6, 15, 3, 59)), 'America/New_York'), '2026-07-14');
  assert.equal(dayInZone(new Date(Date.UTC(2026, 6, 15, 4, 0)), 'America/New_York'), '2026-07-15');
});

it('finds local midnight in UTC', () => {
  assert.deepEqual(startOfDayUtc('2026-03-02', 'Asia/Shanghai'), new Date(Date.UTC(2026, 2, 1, 16)));
  assert.deepEqual(startOfDayUtc('2026-07-15', 'America/New_York'), new Date(Date.UTC(2026, 6, 15, 4)));
});

it('validates calendar days, leap years included', () => {
  assert.notEqual(dayTextToNumber('2024-02-29'), undefined);
  assert.equal(dayTextToNumber('2026-02-29'), undefined);
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
});
