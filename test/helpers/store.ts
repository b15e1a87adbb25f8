import { mkdtempSync, rmSync } from 'node:fs';
import { after, before } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWarehouse, type Warehouse } from '../../src/warehouse/index.js';
import { loadFixtureStore } from '../fixtures/store/load.js';

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

/**
 * Registers before/after hooks of the calling suite that load the shared fixture seller into a
 * fresh store and remove it afterwards; the returned object's `wh` is that store.
 */
export function useFixtureStore(): { readonly wh: Warehouse } {
  let store: Awaited<ReturnType<typeof tempStore>> | undefined;
  before(async () => {
    store = await tempStore();
    await loadFixtureStore(store.wh);
  });
  after(async () => store?.cleanup());
  return {
    get wh() {
      if (!store) throw new Error('the fixture store is opened in before()');
      return store.wh;
    },
  };
}
