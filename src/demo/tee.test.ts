import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Tee } from './tee.js';

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

it('delivers every row of every table, in order, from one producer', async () => {
  let day = 0;
  const tee: Tee<{ a: number; b: string }> = new Tee(['a', 'b'], (t) => {
    if (day === 50) return false;
    // Table b gets a hundred times more rows than a, as inventory does against campaigns.
    t.emit('a', [day]);
    t.emit('b', Array.from({ length: 100 }, (_, i) => `${day}-${i}`));
    day++;
    return true;
  });
  const [a, b] = await Promise.all([drain(tee.rows('a')), drain(tee.rows('b'))]);
  assert.deepEqual(a, Array.from({ length: 50 }, (_, i) => i));
  assert.equal(b.length, 5000);
  assert.equal(b[0], '0-0');
  assert.equal(b[4999], '49-99');
});

it('fails every loader when the producer throws, instead of leaving one waiting', async () => {
  let calls = 0;
  const tee: Tee<{ a: number; b: number }> = new Tee(['a', 'b'], (t) => {
    if (++calls === 3) throw new Error('boom');
    t.emit('a', [calls]);
    return true;
  });
  const results = await Promise.allSettled([drain(tee.rows('a')), drain(tee.rows('b'))]);
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
});
