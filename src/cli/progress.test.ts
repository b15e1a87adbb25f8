import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Progress } from './progress.js';

/** A non-terminal stream that keeps what was written. */
function sink() {
  const lines: string[] = [];
  return { lines, stream: { isTTY: false, write: (s: string) => { lines.push(s); return true; } } as unknown as NodeJS.WriteStream };
}

it('stays silent for the first second, then names the stage in both languages with rows/s', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_700_000_000_000 });
  const { lines, stream } = sink();
  const p = new Progress('import', undefined, 'rows', stream);
  p.update(10_000, 'reading');
  assert.deepEqual(lines, [], 'nothing in the first second');
  t.mock.timers.tick(2_000);
  p.update(200_000, 'reading');
  // 200,000 rows in 2 s = 100,000 rows/s
  assert.deepEqual(lines, ['import (读取 / reading) 200,000 rows · 100,000 rows/s · 2s\n']);
  t.mock.timers.tick(1_000);
  p.update(300_000, 'reading');
  assert.equal(lines.length, 1, 'off a terminal: at most a line every 5 s');
  p.update(300_000, 'merging');
  assert.equal(lines[1], 'import (合并 / merging) 300,000 rows · 100,000 rows/s · 3s\n', 'a new stage is shown at once');
});

it('draws the bar from a fraction when there is no total, full once done', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1_700_000_000_000 });
  const { lines, stream } = sink();
  const p = new Progress('import', undefined, 'rows', stream);
  t.mock.timers.tick(4_000);
  p.update(400_000, 'cleaning', 0.25);
  // a quarter of 24 cells
  assert.equal(lines[0], 'import (清洗 / cleaning) [######..................]  25% 400,000 rows · 100,000 rows/s · 4s\n');
  p.done(400_000);
  assert.equal(lines[1], 'import (清洗 / cleaning) [########################] 100% 400,000 rows · 100,000 rows/s · 4s\n');
});
