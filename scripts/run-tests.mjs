#!/usr/bin/env node
// Runs every test file with node's test runner (TypeScript through tsx).
// Tiers by suffix: x.test.ts (unit), x.integration.test.ts, x.e2e.test.ts.
// TEST_TIERS=unit,integration narrows the run; extra arguments narrow by path substring.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['src', 'test', 'bench'];
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.test\.tsx?$/.test(name)) files.push(p);
  }
};
for (const r of roots) {
  try { walk(r); } catch { /* root absent */ }
}

const tierOf = (f) => (/\.e2e\.test\./.test(f) ? 'e2e' : /\.integration\.test\./.test(f) ? 'integration' : 'unit');
const tiers = (process.env.TEST_TIERS ?? 'unit,integration,e2e').split(',');
const filters = process.argv.slice(2);
const selected = files
  .filter((f) => tiers.includes(tierOf(f)))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();

if (selected.length === 0) {
  console.error('no test files selected');
  process.exit(1);
}
console.log(`running ${selected.length} test files (${tiers.join(', ')})`);
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, ...selected],
  { stdio: 'inherit', env: { ...process.env, SHOPLENS_TEST: '1' } },
);
process.exit(r.status ?? 1);
