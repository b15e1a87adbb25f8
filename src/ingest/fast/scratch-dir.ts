/**
 * The folder a CSV's numbered copy is written to while it is imported (prepare-csv.ts). A run
 * that dies before its cleanup (kill -9, Ctrl-C) leaves its folder behind, as big as the file;
 * each new folder first removes those whose process is gone (its pid is in the name).
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'shoplens-import-';
/** before the pid was in the name: `shoplens-import-XXXXXX`, removed once a day old */
const UNOWNED = /^shoplens-import-[A-Za-z0-9]{6}$/;
const DAY_MS = 24 * 3600 * 1000;

export async function scratchDir(): Promise<string> {
  await sweep(tmpdir());
  return mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));
}

/** Removes the import folders in `dir` left by processes that no longer run. */
export async function sweep(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = /^shoplens-import-(\d+)-/.exec(name)?.[1];
    const left = pid ? Number(pid) !== process.pid && !running(Number(pid)) : UNOWNED.test(name) && (await olderThanADay(join(dir, name)));
    if (left) await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function olderThanADay(path: string): Promise<boolean> {
  const s = await stat(path).catch(() => undefined);
  return s !== undefined && Date.now() - s.mtimeMs > DAY_MS;
}
