import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canSeeMetric, isFinanceMetric } from './finance-metrics.js';
import { permissions, type Permission } from './permissions.js';
import { intersectScopes, scopedShops, scopeAllows, type Principal } from './principal.js';
import { builtinRoleIds, builtinRoles } from './roles.js';

const writePermissions: Permission[] = ['export', 'import', 'data:delete', 'dashboards:manage', 'reports:manage', 'alerts:manage', 'actions:manage', 'campaigns:manage', 'users:manage', 'settings:manage', 'pii:purge'];
const principal = (role: keyof typeof builtinRoles): Principal => ({
  userId: 'u', name: role, role, permissions: new Set(builtinRoles[role].permissions), scope: { shopIds: 'all' }, via: 'session',
});

test('the owner holds every permission; the agency is read-only and must be limited to shops', () => {
  assert.deepEqual([...builtinRoles.owner.permissions].sort(), [...permissions].sort());
  for (const p of writePermissions) assert.ok(!builtinRoles.agency.permissions.includes(p), `agency must not have ${p}`);
  assert.equal(builtinRoles.agency.requiresShopList, true);
  assert.ok(!builtinRoles.agency.permissions.includes('pii:read'));
});

test('only finance and the owner see finance metrics by default', () => {
  const holders = builtinRoleIds.filter((r) => builtinRoles[r].permissions.includes('metrics:finance'));
  assert.deepEqual(holders.sort(), ['finance', 'owner']);
  for (const id of ['gross_profit', 'gross_margin', 'net_profit', 'settlement_rate', 'inventory_turnover_days']) {
    assert.equal(canSeeMetric(principal('finance'), id), true, id);
    assert.equal(canSeeMetric(principal('ops'), id), false, id);
  }
  assert.equal(canSeeMetric(principal('ops'), 'gmv'), true);
  assert.equal(canSeeMetric(principal('agency'), 'gmv'), true);
  // a user-defined metric over unit_cost is a finance metric without being listed
  assert.equal(isFinanceMetric({ id: 'my_margin', columns: ['products.unit_cost', 'order_lines.qty'] }), true);
  assert.equal(isFinanceMetric({ id: 'payout', tables: ['settlements'] }), true);
  assert.equal(isFinanceMetric({ id: 'units', columns: ['order_lines.qty'] }), false);
});

test('scopes: allow, narrow and intersect', () => {
  const agency = { shopIds: ['tm-1', 'jd-1'] } as const;
  assert.equal(scopeAllows(agency, 'tm-1'), true);
  assert.equal(scopeAllows(agency, 'tm-2'), false);
  assert.equal(scopeAllows({ shopIds: 'all' }, 'anything'), true);
  assert.deepEqual(scopedShops(agency, ['tm-1', 'tm-2']), ['tm-1']);
  assert.deepEqual(scopedShops(agency), ['tm-1', 'jd-1']);
  // a report from an all-shops owner to an agency and a one-shop operator carries only the shared shop
  assert.deepEqual(intersectScopes({ shopIds: 'all' }, agency, { shopIds: ['jd-1', 'pdd-1'] }), { shopIds: ['jd-1'] });
  assert.deepEqual(intersectScopes({ shopIds: 'all' }, { shopIds: 'all' }), { shopIds: 'all' });
  assert.deepEqual(intersectScopes(agency, { shopIds: [] }), { shopIds: [] });
});
