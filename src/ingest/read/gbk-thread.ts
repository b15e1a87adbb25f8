/**
 * GbkToUtf8 on a worker thread, so a large GBK export is transcoded on one core while the
 * caller scans and writes the previous chunk on the other (each pass costs about as much as
 * the other). Chunks come back in the order they were sent. This module is also the worker's
 * entry: run as a worker, it transcodes what it is sent.
 */
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { GbkToUtf8 } from './gbk-utf8.js';

const ROLE = 'shoplens:gbk-utf8';
/** Buffers this small may share Node's pool (never transfer those). */
const POOLED = 8192;

if (!isMainThread && workerData === ROLE) {
  const t = new GbkToUtf8();
  parentPort!.on('message', (chunk: Uint8Array | null) => {
    const out = chunk ? t.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)) : t.end();
    const own = out.buffer.byteLength > POOLED;
    parentPort!.postMessage(own ? out : Buffer.from(out), own ? [out.buffer as ArrayBuffer] : []);
  });
}

/**
 * The worker. Run from TypeScript source (the tests, tsx), Node 20 does not apply tsx's hooks
 * to a worker's entry, so the worker registers tsx itself first; the built JS needs nothing.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(fileURLToPath(import.meta.url), { workerData: ROLE });
  const code = `import('tsx/esm/api').then((tsx) => tsx.register()).then(() => import(${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true, workerData: ROLE });
}

export class GbkThread {
  private readonly worker = startWorker();
  private readonly waiting: { resolve: (b: Buffer) => void; reject: (e: unknown) => void }[] = [];
  private failed: unknown;

  constructor() {
    this.worker.on('message', (b: Uint8Array) => this.waiting.shift()?.resolve(Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`GBK transcoding thread exited (${code})`)));
  }

  /** UTF-8 of the complete lines so far (GbkToUtf8.write). */
  write(chunk: Buffer): Promise<Buffer> {
    return this.send(chunk);
  }

  /** the last line, if the file does not end with LF */
  end(): Promise<Buffer> {
    return this.send(null);
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private send(chunk: Buffer | null): Promise<Buffer> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(chunk);
    });
  }

  private fail(e: unknown): void {
    this.failed ??= e;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }
}
