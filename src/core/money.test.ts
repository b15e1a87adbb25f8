import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decimalToFen, fenToDecimal } from './money.js';

it('formats fen as decimal text', () => {
  assert.equal(fenToDecimal(129900n), '1299.00');
  assert.equal(fenToDecimal(-5n), '-0.05');
  assert.equal(fenToDecimal(0), '0.00');
  assert.equal(fenToDecimal(9_007_199_254_740_993n), '90071992547409.93');
});

it('parses plain decimals into fen and rejects anything else', () => {
  assert.equal(decimalToFen('1299.00'), 129900n);
  assert.equal(decimalToFen('0.1'), 10n);
  assert.equal(decimalToFen('-3'), -300n);
  assert.equal(decimalToFen('1.234'), undefined);
  assert.equal(decimalToFen('1e3'), undefined);
});
