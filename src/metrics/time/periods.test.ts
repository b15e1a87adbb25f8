import assert from 'node:assert/strict';
import { it } from 'node:test';
import { addMonthsToDay, hasYearAgoCounterpart, isoWeek, isoWeekMonday, isoWeeksInYear, previousRange } from './periods.js';

it('ISO weeks: 2026 has 53, 2025 has 52; 2027-01-03 is in week 53 of 2026', () => {
  assert.equal(isoWeeksInYear(2026), 53);
  assert.equal(isoWeeksInYear(2025), 52);
  assert.deepEqual(isoWeek('2027-01-03'), { year: 2026, week: 53 });
  assert.deepEqual(isoWeek('2025-12-29'), { year: 2026, week: 1 });
  assert.equal(isoWeekMonday(2026, 53), '2026-12-28');
});

it('months clamp at the end, and a month end stays a month end when asked', () => {
  assert.equal(addMonthsToDay('2024-03-31', -1), '2024-02-29');
  assert.equal(addMonthsToDay('2024-02-29', -12), '2023-02-28');
  assert.equal(addMonthsToDay('2025-02-28', -12, true), '2024-02-29');
  assert.equal(addMonthsToDay('2024-02-29', -1, true), '2024-01-31');
});

it('环比 without a grain: previous equal-length period, or whole months before whole months', () => {
  assert.deepEqual(previousRange({ from: '2024-03-10', to: '2024-03-16' }, 'mom'), { from: '2024-03-03', to: '2024-03-09' });
  assert.deepEqual(previousRange({ from: '2024-03-01', to: '2024-03-31' }, 'mom'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(previousRange({ from: '2024-02-01', to: '2024-02-29' }, 'mom'), { from: '2024-01-01', to: '2024-01-31' });
  assert.deepEqual(previousRange({ from: '2024-01-01', to: '2024-03-31' }, 'mom'), { from: '2023-10-01', to: '2023-12-31' });
});

it('同比: leap years and ISO weeks', () => {
  assert.deepEqual(previousRange({ from: '2025-02-01', to: '2025-02-28' }, 'yoy'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(previousRange({ from: '2024-02-29', to: '2024-02-29' }, 'yoy'), { from: '2023-02-28', to: '2023-02-28' });
  // week 53 of 2026 has no counterpart: the range ends with week 52 of 2025
  assert.deepEqual(previousRange({ from: '2026-12-21', to: '2027-01-03' }, 'yoy', 'week'), { from: '2025-12-22', to: '2025-12-28' });
  assert.equal(hasYearAgoCounterpart('2026-12-28', 'week'), false);
  assert.equal(hasYearAgoCounterpart('2021-01-04', 'week'), true);
  assert.equal(hasYearAgoCounterpart('2024-02-29', 'day'), false);
});
