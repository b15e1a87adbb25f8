import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NumberedCopy } from './numbered-copy.js';
import { CsvScanner } from './scan-csv.js';

async function copy(text: string, split: number, rows = Infinity): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'numbered-'));
  try {
    const c = new NumberedCopy(dir, rows, new CsvScanner(true));
    const b = Buffer.from(text);
    const step = split || b.length;
    for (let i = 0; i < b.length; i += step) await c.push(b.subarray(i, i + step));
    await c.end();
    return c.pieces.map((p) => readFileSync(p.path, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// CRLF, a quoted line break, a short row, 中文 (multi-byte), a last row without a line break
const TEXT = 'h1,h2\r\n1,中\r\n2,"b\r\nc"\r\n3\r\n4,d';
/** every chunk size up to the whole text: the line break before a piece's first row falls alone, or with that row (23) */
const SPLITS = Array.from({ length: Buffer.byteLength(TEXT) + 1 }, (_, i) => i);

test('every data record begins with its row index; the header and the text are as written, whatever the chunks', async () => {
  for (const split of SPLITS) {
    assert.deepEqual(await copy(TEXT, split), ['h1,h2\r\n0,1,中\r\n1,2,"b\r\nc"\r\n2,3\r\n3,4,d'], `split ${split}`);
  }
});

test('pieces: each begins with the header and goes on counting from the rows before it', async () => {
  for (const split of SPLITS) {
    assert.deepEqual(await copy(TEXT, split, 2), ['h1,h2\r\n0,1,中\r\n1,2,"b\r\nc"\r\n', 'h1,h2\r\n2,3\r\n3,4,d'], `split ${split}`);
  }
});

test('trailing empty lines are not records and get no index; a header alone writes nothing', async () => {
  for (const split of [0, 1, 4]) {
    assert.deepEqual(await copy('a,b\n1,2\n\n\n', split), ['a,b\n0,1,2\n\n\n'], `split ${split}`);
    assert.deepEqual(await copy('a,b\n', split), [], `split ${split}`);
  }
});
