/**
 * Report schedule routes on the test server: save with validation, list, delete; a user limited
 * to some shops neither sees nor replaces another user's schedule (its owner's rights bound it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testServer, type TestServer } from './testing/harness.js';

describe('report schedule routes', () => {
  let t: TestServer;
  before(async () => {
    t = await testServer();
    await t.meta.users.create({ name: 'jd-ops', passwordHash: 'x', role: 'ops', shops: ['jd-1'] });
  });
  after(() => t.close());

  test('save, list, refuse a bad cron or report, delete', async () => {
    const owner = await t.session('owner');
    const put = await owner.inject({ method: 'PUT', url: '/api/reports/schedules/morning', payload: { report: 'daily', cron: '0 8 * * *', formats: ['xlsx', 'html'] } });
    assert.equal(put.statusCode, 200, put.body);
    const saved = (put.json() as { schedule: Record<string, unknown> }).schedule;
    assert.deepEqual([saved['timezone'], saved['lang'], saved['enabled'], saved['channels']], ['Asia/Shanghai', 'zh', true, []]);

    const badCron = await owner.inject({ method: 'PUT', url: '/api/reports/schedules/x', payload: { report: 'daily', cron: '99 * * * *' } });
    assert.equal(badCron.statusCode, 400);
    assert.equal((badCron.json() as { error: { code: string } }).error.code, 'SERVER_INVALID_REQUEST');
    const badReport = await owner.inject({ method: 'PUT', url: '/api/reports/schedules/x', payload: { report: 'no-such-report', cron: '0 8 * * *' } });
    assert.equal((badReport.json() as { error: { code: string } }).error.code, 'REPORT_NOT_FOUND');

    const list = await (await t.session('ops')).inject({ method: 'GET', url: '/api/reports/schedules' });
    assert.deepEqual((list.json() as { schedules: { id: string }[] }).schedules.map((s) => s.id), ['morning']);

    // a shop-limited user: the owner's schedule is invisible and cannot be taken over
    const limited = await t.session('jd-ops');
    assert.deepEqual((await limited.inject({ method: 'GET', url: '/api/reports/schedules' })).json(), { schedules: [] });
    const takeOver = await limited.inject({ method: 'PUT', url: '/api/reports/schedules/morning', payload: { report: 'daily', cron: '* * * * *' } });
    assert.equal(takeOver.statusCode, 404);
    assert.equal((await limited.inject({ method: 'DELETE', url: '/api/reports/schedules/morning' })).statusCode, 404);

    assert.equal((await owner.inject({ method: 'DELETE', url: '/api/reports/schedules/morning' })).statusCode, 200);
    assert.equal((await owner.inject({ method: 'DELETE', url: '/api/reports/schedules/morning' })).statusCode, 404);
  });
});
