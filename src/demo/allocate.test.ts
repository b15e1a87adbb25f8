import assert from 'node:assert/strict';
import { it } from 'node:test';
import { allocate } from './allocate.js';

it('splits by largest remainder: 100 over three equal lines is 34 + 33 + 33', () => {
  assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
});

it('gives the leftover fen to the largest remainders, not the first line', () => {
  // 10 × 1/6 = 1.67, 10 × 2/6 = 3.33, 10 × 3/6 = 5: floors 1 + 3 + 5 = 9, the 1.67 line gets the last fen.
  assert.deepEqual(allocate(10, [1, 2, 3]), [2, 3, 5]);
});

it('always adds up to the total, whatever the weights', () => {
  const cases: [number, number[]][] = [[1, [1, 1]], [0, [5, 7]], [12_345, [999, 1, 1, 1]], [7, [3, 3, 3, 3, 3, 3, 3, 3]]];
  for (const [total, weights] of cases) {
    const parts = allocate(total, weights);
    assert.equal(parts.reduce((a, b) => a + b, 0), total, `${total} over ${weights.join(',')}`);
    assert.ok(parts.every((p) => Number.isInteger(p) && p >= 0));
  }
});

it('puts everything on the first part when all weights are zero', () => {
  assert.deepEqual(allocate(5, [0, 0]), [5, 0]);
});
