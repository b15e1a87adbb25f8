import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hyp2f1, lbeta, lgamma } from './special.js';
import { minimise } from './nelder-mead.js';

const close = (got: number, want: number, rel = 1e-12) =>
  assert.ok(Math.abs(got - want) <= rel * Math.max(1, Math.abs(want)), `${got} vs ${want}`);

it('lgamma matches factorials and known values', () => {
  close(lgamma(1), 0);
  close(lgamma(2), 0);
  close(lgamma(10), Math.log(362880)); // 9!
  close(lgamma(0.5), 0.5 * Math.log(Math.PI)); // Γ(1/2) = √π
  close(lgamma(0.1), Math.log(9.513507698668732)); // Γ(0.1), tables
  // Γ(171) = 170! overflows a double but its log does not: sum of ln k for k ≤ 170.
  let s = 0;
  for (let k = 2; k <= 170; k++) s += Math.log(k);
  close(lgamma(171), s);
});

it('lbeta is ln of B(2, 3) = 1/12', () => close(lbeta(2, 3), Math.log(1 / 12)));

it('hyp2f1 matches its closed forms', () => {
  for (const z of [0, 0.3, 0.9, 0.999]) {
    close(hyp2f1(1, 1, 2, z), z === 0 ? 1 : -Math.log(1 - z) / z, 1e-10); // 2F1(1,1;2;z) = −ln(1−z)/z
    close(hyp2f1(0.7, 2.5, 2.5, z), Math.pow(1 - z, -0.7), 1e-10); // 2F1(a,b;b;z) = (1−z)^−a
  }
  assert.throws(() => hyp2f1(1, 1, 2, 1), RangeError);
});

it('Nelder–Mead finds the Rosenbrock minimum at (1, 1)', () => {
  const f = ([x, y]: number[]) => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;
  const res = minimise(f, [-1.2, 1]);
  close(res.x[0]!, 1, 1e-5);
  close(res.x[1]!, 1, 1e-5);
});
