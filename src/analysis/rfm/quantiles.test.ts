import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { histogramQuantiles } from './quantiles.js';

describe('histogram quantiles', () => {
  it('pick the smallest value whose cumulative share reaches each fraction', () => {
    // 1,1,2,3,3,3,5,8,8,9 (n = 10): positions ⌈q·n⌉ − 1 = 1, 3, 5, 7 → 1, 3, 3, 8
    const bins = [{ value: 1, count: 2 }, { value: 2, count: 1 }, { value: 3, count: 3 }, { value: 5, count: 1 }, { value: 8, count: 2 }, { value: 9, count: 1 }];
    assert.deepEqual(histogramQuantiles(bins, [0.2, 0.4, 0.6, 0.8]), [1, 3, 3, 8]);
  });

  it('take the first value for small fractions and a single bin for everything', () => {
    // n = 3: 0.2·3 = 0.6 → position 0; 0.8·3 = 2.4 → position 2
    assert.deepEqual(histogramQuantiles([{ value: 10n, count: 1 }, { value: 20n, count: 1 }, { value: 30n, count: 1 }], [0.2, 0.8]), [10n, 30n]);
    assert.deepEqual(histogramQuantiles([{ value: 'a', count: 5 }], [0.2, 0.4, 0.6, 0.8]), ['a', 'a', 'a', 'a']);
  });
});
