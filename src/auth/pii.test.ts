import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customers } from '../model/index.js';
import { maskAccount, maskAddress, maskName, maskPhone, maskRow, piiOfColumns } from './pii.js';
import type { Principal } from './principal.js';
import type { Permission } from './permissions.js';

const principal = (perms: Permission[]): Principal => ({ userId: 'u', name: 'n', role: 'r', permissions: new Set(perms), scope: { shopIds: 'all' }, via: 'session' });

test('phones keep the first 3 and last 4 digits', () => {
  assert.equal(maskPhone('13812341234'), '138****1234');
  assert.equal(maskPhone('+86 138-1234-5678'), '138****5678');
  assert.equal(maskPhone('021-62345678'), '021****5678'); // 11 digits: 02162345678
  assert.equal(maskPhone('62345678'), '623*5678');
  assert.equal(maskPhone('12345'), '*****');
});

test('names keep the family name, addresses the region, accounts the first and last character', () => {
  assert.equal(maskName('张三丰'), '张**');
  assert.equal(maskName('李四'), '李*');
  assert.equal(maskName('王'), '王*');
  assert.equal(maskAddress('浙江省杭州市西湖区文三路 100 号 2 幢'), '浙江省杭州市****');
  assert.equal(maskAddress('上海市浦东'), '上海市****');
  assert.equal(maskAddress('广西壮族自治区南宁'), '广西壮族自治区****');
  assert.equal(maskAddress('Room 5, 100 Main Street'), 'Room 5****'); // 23 characters, no city: the first 6
  assert.equal(maskAccount('tb_lucky2020'), 't**********0');
  assert.equal(maskAccount('ab'), 'a*');
});

test('the customers table classifies nickname, receiver name, phone and address', () => {
  assert.deepEqual(piiOfColumns(customers.columns), { nickname: 'account', receiver_name: 'name', phone: 'phone', address: 'address' });
});

test('maskRow masks PII columns unless the reader has pii:read, and leaves others alone', () => {
  const row = { customer_id: 'c1', nickname: 'tb_lucky2020', phone: '13812341234', address: '浙江省杭州市西湖区文三路100号', receiver_name: '张三丰', province: '浙江', member_tier: null };
  const pii = piiOfColumns(customers.columns);
  const masked = maskRow(row, pii, principal(['metrics:read']));
  assert.deepEqual(masked, { customer_id: 'c1', nickname: 't**********0', phone: '138****1234', address: '浙江省杭州市****', receiver_name: '张**', province: '浙江', member_tier: null });
  assert.equal(row.phone, '13812341234', 'the input row is not changed');
  assert.deepEqual(maskRow(row, pii, principal(['pii:read'])), row);
});
