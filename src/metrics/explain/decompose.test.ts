import assert from 'node:assert/strict';
import { it } from 'node:test';
import { roundToTotal, shapleyProduct } from './decompose.js';

it('Shapley contributions of a product add up to the change', () => {
  // 100 × 0.05 × 200 = 1000 → 120 × 0.04 × 250 = 1200
  const c = shapleyProduct([100, 0.05, 200], [120, 0.04, 250]);
  assert.ok(Math.abs(c.reduce((s, x) => s + x, 0) - 200) < 1e-9);
  // two factors by hand: a 2→3, b 5→7: Δ = 21 − 10 = 11; a: (3−2)(5+7)/2 = 6, b: (7−5)(2+3)/2 = 5
  assert.deepEqual(shapleyProduct([2, 5], [3, 7]), [6, 5]);
});

it('rounding to fen keeps the exact total', () => {
  assert.deepEqual(roundToTotal([3.4, 3.4, 3.2], 10n), [4n, 3n, 3n]);
  assert.deepEqual(roundToTotal([-3.4, -3.4, -3.2], -10n), [-3n, -4n, -3n]);
});
