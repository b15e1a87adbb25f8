import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../test/helpers/store.js';
import { sweep } from './scratch-dir.js';

test('the folders of imports whose process is gone are removed; a running one\'s, and unrelated folders, stay', async () => {
  const d = tempDir();
  try {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const made = (name: string) => {
      mkdirSync(join(d.dir, name));
      writeFileSync(join(d.dir, name, 'part1-0.csv'), 'h\n0,1\n');
    };
    made(`shoplens-import-${gone}-aB3dE5`);
    made(`shoplens-import-${process.pid}-fG7hI9`);
    made(`shoplens-import-${process.ppid}-jK1lM2`);
    made('shoplens-import-Zz9Yy8'); // an older run's name, two days old
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(join(d.dir, 'shoplens-import-Zz9Yy8'), twoDaysAgo, twoDaysAgo);
    made('shoplens-import-Qq1Ww2'); // an older run's name, from just now
    made('shoplens-upload-Aa1Bb2');
    await sweep(d.dir);
    assert.deepEqual(readdirSync(d.dir).sort(), [
      `shoplens-import-${process.pid}-fG7hI9`, `shoplens-import-${process.ppid}-jK1lM2`, 'shoplens-import-Qq1Ww2', 'shoplens-upload-Aa1Bb2',
    ].sort());
  } finally {
    d.cleanup();
  }
});
