import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** r20260301-101500-3f2a9c: sortable by start time, unique by the random tail. */
export function newRunId(now: Date): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `r${t}-${randomBytes(3).toString('hex')}`;
}

/**
 * The file's SHA-256, on a worker thread: it reads the whole file, and on the main thread it
 * would wait for (or hold up) the scan that reads it too (1 M rows: ~0.4 s).
 */
export function sha256File(path: string): Promise<string> {
  const worker = new Worker(HASH_FILE, { eval: true, workerData: path });
  return new Promise<string>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`hashing thread exited (${code})`)));
  }).finally(() => worker.terminate());
}

const HASH_FILE = `
const { parentPort, workerData } = require('node:worker_threads');
const h = require('node:crypto').createHash('sha256');
require('node:fs').createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => h.update(chunk))
  .on('end', () => parentPort.postMessage(h.digest('hex')))
  .on('error', (e) => { throw e; });
`;
