import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zoneOf } from '../clean/dates.js';
import { mapHeader } from './header-map.js';
import { RowReader } from './row-reader.js';

const columns = { price: ['商品单价'], qty: ['商品数量'], paid: ['实付'] };

test('a bad cell read twice is one problem; each bad cell of the row is its own', () => {
  const r = new RowReader(mapHeader(['商品单价', '商品数量', '实付'], columns), zoneOf('Asia/Shanghai'));
  r.reset(7, ['x9', '2.5', '']);
  r.fen('price'); // the line's unit price
  r.int('qty');
  r.fen('price'); // the product's list price, the same cell
  r.fen('paid', true);
  assert.deepEqual(r.problems, [
    { row: 7, column: '商品单价', code: 'INGEST_AMOUNT_INVALID', value: 'x9' },
    { row: 7, column: '商品数量', code: 'INGEST_NUMBER_INVALID', value: '2.5' },
    { row: 7, column: '实付', code: 'INGEST_REQUIRED_MISSING', value: '' },
  ]);
  // the next row starts clean
  r.reset(8, ['x9', '1', '1.00']);
  r.fen('price');
  assert.deepEqual(r.problems.map((p) => p.row), [8]);
});
