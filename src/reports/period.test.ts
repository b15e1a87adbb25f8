import assert from 'node:assert/strict';
import { it } from 'node:test';
import { resolvePeriod } from './period.js';

// 2026-03-02 01:30 Shanghai is 2026-03-01 17:30 UTC — a Monday in Shanghai, still Sunday in UTC
const now = new Date('2026-03-01T17:30:00Z');

it('cuts periods in the shop time zone', () => {
  assert.deepEqual(resolvePeriod('yesterday', now, 'Asia/Shanghai'), { from: '2026-03-01', to: '2026-03-01' });
  assert.deepEqual(resolvePeriod('yesterday', now, 'UTC'), { from: '2026-02-28', to: '2026-02-28' });
  assert.deepEqual(resolvePeriod('last_7_days', now, 'Asia/Shanghai'), { from: '2026-02-23', to: '2026-03-01' });
  // Monday 2 March: last week is Mon 23 Feb – Sun 1 March
  assert.deepEqual(resolvePeriod('last_week', now, 'Asia/Shanghai'), { from: '2026-02-23', to: '2026-03-01' });
  // in UTC it is still Sunday 1 March, so last week is 16–22 Feb
  assert.deepEqual(resolvePeriod('last_week', now, 'UTC'), { from: '2026-02-16', to: '2026-02-22' });
  assert.deepEqual(resolvePeriod('last_month', now, 'Asia/Shanghai'), { from: '2026-02-01', to: '2026-02-28' });
  assert.deepEqual(resolvePeriod('last_month', new Date('2024-03-10T00:00:00Z'), 'UTC'), { from: '2024-02-01', to: '2024-02-29' });
  assert.deepEqual(resolvePeriod('last_month', new Date('2026-01-05T00:00:00Z'), 'UTC'), { from: '2025-12-01', to: '2025-12-31' });
  assert.deepEqual(resolvePeriod('month_to_date', now, 'Asia/Shanghai'), { from: '2026-03-01', to: '2026-03-01' });
  assert.deepEqual(resolvePeriod('month_to_date', now, 'UTC'), { from: '2026-02-01', to: '2026-02-28' });
});
