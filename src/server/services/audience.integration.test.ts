import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testServer, type TestServer } from '../testing/harness.js';
import { audiencePrincipal } from './audience.js';

describe('the audience of a scheduled report or alert', () => {
  let t: TestServer;
  const id = async (name: string) => (await t.meta.users.byName(name))!.id;
  before(async () => {
    t = await testServer();
    await t.meta.users.create({ name: 'jd-ops', passwordHash: 'x', role: 'ops', shops: ['jd-1', 'tm-2'] });
  });
  after(() => t.close());

  test('an owner’s report to the agency carries only the agency’s shop and no finance metrics', async () => {
    const a = await audiencePrincipal(t, await id('owner'), [{ userId: await id('agency') }]);
    assert.deepEqual(a.scope.shopIds, ['tm-1']);
    assert.equal(a.permissions.has('metrics:finance'), false);
    assert.equal(a.permissions.has('metrics:read'), true);
  });

  test('several recipients: the shops all of them may see', async () => {
    const a = await audiencePrincipal(t, await id('finance'), [{ userId: await id('jd-ops') }, { email: 'boss@example.com', shops: ['jd-1', 'tm-1'] }]);
    assert.deepEqual(a.scope.shopIds, ['jd-1']);
    assert.equal(a.permissions.has('metrics:finance'), false);
  });

  test('a disabled recipient or owner empties the audience', async () => {
    const ops = await id('ops');
    await t.meta.users.update(ops, { disabled: true });
    assert.deepEqual((await audiencePrincipal(t, await id('owner'), [{ userId: ops }])).scope.shopIds, []);
    assert.deepEqual((await audiencePrincipal(t, ops, [])).scope.shopIds, []);
    assert.deepEqual((await audiencePrincipal(t, 'u_missing', [])).scope.shopIds, []);
    const alone = await audiencePrincipal(t, await id('cs'), []);
    assert.equal(alone.scope.shopIds, 'all');
    assert.equal(alone.permissions.has('pii:read'), true);
  });
});
