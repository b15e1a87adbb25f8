import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ImportMeter, PHASE_ENDS, type ImportProgress } from './progress.js';

const meter = (ends = PHASE_ENDS.text) => {
  const seen: ImportProgress[] = [];
  return { m: new ImportMeter((p) => seen.push(p), ends), seen, done: () => seen.map((p) => Math.round(p.done * 1e9) / 1e9) };
};

test('the DuckDB path: reading fills the first 15 %, cleaning to 60 %, merging the rest', () => {
  const { m, seen, done } = meter();
  m.report('reading', 0, 0);
  m.report('reading', 500, 0.5);
  m.report('reading', 1000, 1);
  m.report('cleaning', 0, 0);
  m.report('cleaning', 500, 0.5);
  m.report('merging', 1000, 0);
  m.report('merging', 1000, 0.5);
  m.report('merging', 1000, 1);
  // 0.5 of reading = 0.075; cleaning starts at 0.15 and 0.5 of its 0.45 is 0.375
  assert.deepEqual(done(), [0, 0.075, 0.15, 0.15, 0.375, 0.6, 0.8, 1]);
  assert.deepEqual(seen.map((p) => [p.phase, p.rows]).slice(0, 3), [['reading', 0], ['reading', 500], ['reading', 1000]]);
});

test('the JS path cleans as it reads: cleaning starts at 0', () => {
  const { m, done } = meter();
  m.report('cleaning', 0, 0);
  m.report('cleaning', 10, 0.5);
  m.report('merging', 20, 0.25);
  assert.deepEqual(done(), [0, 0.3, 0.7]);
});

test('the bar never goes back: the JS path after the DuckDB path declined, figures out of range', () => {
  const { m, done } = meter();
  m.report('reading', 100, 1);
  m.report('cleaning', 10, 0.4); // 0.15 + 0.18
  m.report('cleaning', 0, 0); // the JS path starts the file over
  m.report('cleaning', 5, 0.2);
  m.report('cleaning', 5, 7); // a reader that overshoots counts as done
  m.report('merging', 5, Number.NaN); // unknown: the phase's start
  m.report('merging', 5, -1);
  assert.deepEqual(done().map((d) => Math.round(d * 1000) / 1000), [0.15, 0.33, 0.33, 0.33, 0.6, 0.6, 0.6]);
});

test('a workbook is mostly reading: reading to 60 %, cleaning to 80 %; the rows of a phase only go up', () => {
  const { m, seen, done } = meter(PHASE_ENDS.workbook);
  m.report('reading', 1000, 1); // the sheet, read as text
  m.report('reading', 10, 0.1); // the text copy, read again
  m.report('cleaning', 0, 0.5);
  m.report('merging', 1000, 0.5);
  assert.deepEqual(done(), [0.6, 0.6, 0.7, 0.9]);
  assert.deepEqual(seen.map((p) => p.rows), [1000, 1000, 0, 1000]);
});
