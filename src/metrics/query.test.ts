import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isShopLensError } from '../core/errors.js';
import { validateQuery } from './query.js';

const invalid = (q: Parameters<typeof validateQuery>[0], pattern: RegExp) =>
  assert.throws(() => validateQuery(q), (e) => isShopLensError(e) && e.code === 'METRIC_QUERY_INVALID' && pattern.test(e.messageEn));

it('rejects half-open ranges, reversed ranges, non-days and comparisons without a range', () => {
  invalid({ metrics: ['gmv'], from: '2024-03-01' }, /both from and to/);
  invalid({ metrics: ['gmv'], from: '2024-03-31', to: '2024-03-01' }, /after/);
  invalid({ metrics: ['gmv'], from: '2023-02-29', to: '2023-03-01' }, /calendar day/);
  invalid({ metrics: ['gmv'], compare: 'mom' }, /both from and to/);
  invalid({ metrics: [] }, /metrics/);
});

it('accepts a full query', () => {
  const q = validateQuery({ metrics: ['gmv'], dimensions: ['shop'], grain: 'week', from: '2024-02-29', to: '2024-03-31', filters: { shop: ['a', 'b'] }, compare: 'yoy', limit: 5 });
  assert.equal(q.grain, 'week');
});
