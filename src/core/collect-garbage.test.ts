import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectGarbage } from './collect-garbage.js';

test('collectGarbage frees what is no longer reachable', () => {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  // ~80 MB of small objects, then dropped
  let rows: { id: string; n: number }[] | undefined = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `order-${i}`, n: i }));
  assert.ok(process.memoryUsage().heapUsed - before > 40 * 2 ** 20, 'the rows took room');
  rows = undefined;
  collectGarbage();
  assert.equal(rows, undefined);
  assert.ok(process.memoryUsage().heapUsed - before < 10 * 2 ** 20, `heap back near where it was: ${(process.memoryUsage().heapUsed - before) >> 20} MiB more`);
});
