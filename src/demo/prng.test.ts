import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Rng, cumulativeOf, pickCumulative } from './prng.js';

it('repeats the same stream for the same seed and differs for another', () => {
  const a = new Rng(7);
  const b = new Rng(7);
  const c = new Rng(8);
  const xs = Array.from({ length: 100 }, () => a.next());
  assert.deepEqual(Array.from({ length: 100 }, () => b.next()), xs);
  assert.notDeepEqual(Array.from({ length: 100 }, () => c.next()), xs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

it('draws uniformly enough: the mean of 100,000 draws is within 0.01 of 0.5', () => {
  const r = new Rng(1);
  let s = 0;
  for (let i = 0; i < 100_000; i++) s += r.next();
  assert.ok(Math.abs(s / 100_000 - 0.5) < 0.01);
});

it('gives Poisson counts with the asked mean, small and large', () => {
  const r = new Rng(3);
  for (const mean of [0.5, 4, 250]) {
    let s = 0;
    for (let i = 0; i < 20_000; i++) s += r.poisson(mean);
    assert.ok(Math.abs(s / 20_000 - mean) < mean * 0.05 + 0.02, `mean ${mean}: got ${s / 20_000}`);
  }
});

it('picks by weight: weights 1, 3 give the second item about 75 % of the time', () => {
  const r = new Rng(5);
  const cum = cumulativeOf([1, 3]);
  let second = 0;
  for (let i = 0; i < 40_000; i++) second += pickCumulative(cum, r);
  assert.ok(Math.abs(second / 40_000 - 0.75) < 0.01);
});
