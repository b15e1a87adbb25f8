import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWarehouse, type Warehouse } from '../../src/warehouse/index.js';

/** A fresh file-backed store in a temp folder; `cleanup` closes and removes it. */
export async function tempStore(): Promise<{ wh: Warehouse; path: string; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-test-'));
  const path = join(dir, 'store.duckdb');
  const wh = await openWarehouse(path);
  return {
    wh, path, dir,
    cleanup: async () => {
      await wh.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'shoplens-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
