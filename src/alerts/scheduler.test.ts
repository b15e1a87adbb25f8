import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Cron } from 'croner';
import { ruleFromTemplate } from './templates/index.js';
import { dayToJudge, ruleCron } from './scheduler.js';

it('freshness runs at its local time and judges today; other rules judge yesterday, in the shop zone', () => {
  const fresh = ruleFromTemplate('data_freshness', 'f');
  const refund = ruleFromTemplate('refund_rate_spike', 'r');
  assert.equal(ruleCron(fresh), '0 10 * * *');
  assert.equal(ruleCron(refund), '0 9 * * *');
  // 10:00 in Shanghai is 02:00 UTC
  const next = new Cron(ruleCron(fresh), { timezone: 'Asia/Shanghai', paused: true }).nextRun(new Date('2026-05-30T01:00:00Z'));
  assert.equal(next?.toISOString(), '2026-05-30T02:00:00.000Z');
  // 2026-05-29 17:30 UTC is already the 30th in Shanghai
  const now = new Date('2026-05-29T17:30:00Z');
  assert.equal(dayToJudge(fresh, now), '2026-05-30');
  assert.equal(dayToJudge(refund, now), '2026-05-29');
});
