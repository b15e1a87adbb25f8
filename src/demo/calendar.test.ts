import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildCalendar, campaignsInRange } from './calendar.js';

it('spans 24 months ending on the end day', () => {
  const days = buildCalendar('2026-06-30');
  // 2024-07-01 … 2025-06-30 is 365 days (no 29 Feb inside), 2025-07-01 … 2026-06-30 another 365.
  assert.equal(days[0]!.day, '2024-07-01');
  assert.equal(days.at(-1)!.day, '2026-06-30');
  assert.equal(days.length, 730);
});

it('falls back from 29 February to the 28th two years before', () => {
  const days = buildCalendar('2024-02-29');
  assert.equal(days[0]!.day, '2022-03-01');
});

it('puts 618 and 双11 phases on their dates, with the peak days highest', () => {
  const days = buildCalendar('2026-06-30');
  const at = (d: string) => days.find((x) => x.day === d)!;
  assert.deepEqual([at('2025-06-01').phase, at('2025-06-17').phase, at('2025-06-20').phase, at('2025-06-21').phase], ['warmup', 'burst', 'encore', null]);
  assert.deepEqual([at('2025-10-20').phase, at('2025-11-11').phase, at('2025-11-13').phase, at('2025-10-19').phase], ['warmup', 'burst', 'encore', null]);
  assert.equal(at('2025-11-11').campaignId, 'demo-2025-double11');
  assert.ok(at('2025-11-11').demand > 5 * at('2025-10-15').demand, '双11 day sells several times an ordinary day');
  assert.ok(at('2025-06-18').demand > at('2025-06-17').demand);
  // Warm-up: browsing rises more than buying.
  assert.ok(at('2025-10-25').trafficBoost > 1);
  assert.ok(at('2025-11-01').midnightRush && at('2025-11-11').midnightRush && !at('2025-11-05').midnightRush);
});

it('lists the campaigns that touch the span', () => {
  const ids = campaignsInRange(buildCalendar('2026-06-30')).map((c) => c.id);
  assert.deepEqual(ids, ['demo-2024-double11', 'demo-2025-618', 'demo-2025-double11', 'demo-2026-618']);
});
