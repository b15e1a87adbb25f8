import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isShopLensError } from '../../core/errors.js';
import { parseSummary } from './summary-file.js';

const failsWith = (text: string, code: string, loc: object) =>
  assert.throws(() => parseSummary(text, 'f.csv'), (e) => {
    assert.ok(isShopLensError(e));
    assert.equal(e.code, code);
    assert.deepEqual(e.location, { file: 'f.csv', ...loc });
    return true;
  });

it('reads lifetimes names and keeps only repeat buyers with value for spend', () => {
  const s = parseSummary('\uFEFFID,frequency,recency,T,monetary_value\r\n1,2,30.43,38.86,22.35\r\n2,0,0,38.86,0\r\n3,1,3,20,0\r\n', 'f.csv');
  assert.deepEqual([...s.purchases.x], [2, 0, 1]);
  assert.deepEqual([...s.purchases.tx], [30.43, 0, 3]);
  assert.deepEqual([...s.spend!.x], [2]);
  assert.deepEqual([...s.spend!.zbar], [22.35]);
});

it('reads Fader–Hardie names; no value column means no spend model', () => {
  const s = parseSummary('x,t_x,T\n0,0,10\n', 'f.csv');
  assert.equal(s.spend, null);
  assert.deepEqual([...s.purchases.T], [10]);
});

it('names file, row and column of a bad value', () => {
  failsWith('x,t_x,T\n1,2,3\n1.5,1,3\n', 'LTV_SUMMARY_VALUE', { row: 3, column: 'x' });
  failsWith('frequency,recency,T\n1,abc,3\n', 'LTV_SUMMARY_VALUE', { row: 2, column: 'recency' });
  failsWith('x,t_x,T\n1,5,3\n', 'LTV_SUMMARY_VALUE', { row: 2, column: 't_x' }); // recency after the end
  failsWith('a,b,c\n1,2,3\n', 'LTV_SUMMARY_COLUMNS', { row: 1 });
  assert.throws(() => parseSummary('x,t_x,T\n', 'f.csv'), /LTV_SUMMARY_EMPTY/);
});
