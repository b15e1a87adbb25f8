/**
 * One part of a CSV made ready for read_csv: its bytes read, transcoded from GBK if need be,
 * scanned (scan-csv.ts) and written as a numbered copy (numbered-copy.ts). prepare-csv.ts runs
 * a big file as two parts at once, each on a worker thread of its own (`PartThread`); this
 * module is also that worker's entry.
 *
 * Where the second part begins is a guess: the first line break past the middle, which may
 * lie inside a quoted cell. The first part knows: when its scan reaches that byte, it must be
 * between records. If it is not, the first part goes on to the end of the file on its own and
 * the second is dropped, so a bad guess costs time, never a wrong row.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { GbkToUtf8 } from '../read/gbk-utf8.js';
import { NumberedCopy, type CsvPiece } from './numbered-copy.js';
import { CsvScanner, type CsvScan } from './scan-csv.js';

const READ_CHUNK = 4 << 20;
/** The line a part without a header begins its pieces with (read_csv skips each piece's first line). */
const NO_HEADER = Buffer.from('rn\n');

export interface PartTask {
  path: string;
  encoding: 'utf-8' | 'gb18030';
  /** the part's first byte */
  start: number;
  /** where the next part begins (Infinity: none does) */
  until: number;
  /** the text begins after a header of this many cells (every part but the first) */
  afterHeader?: number;
  /** data rows per piece */
  rows: number;
  /** folder and name of the pieces */
  dir: string;
  name: string;
}

export interface PartResult {
  scan: CsvScan;
  /** data rows numbered from 0 at the part's first row */
  pieces: CsvPiece[];
  /** the byte the part ended at: `until`, or the end of the file when the scan was not between records there */
  end: number;
  /** blank lines follow the part's last record */
  endsBlank: boolean;
}

export async function copyPart(task: PartTask, onRecords?: (records: number) => void, onSplit?: (between: boolean) => void): Promise<PartResult> {
  const scanner = new CsvScanner(task.encoding !== 'gb18030', ',', task.afterHeader);
  const copy = new NumberedCopy(task.dir, task.rows, scanner, { name: task.name, ...(task.afterHeader === undefined ? {} : { header: NO_HEADER }) });
  const decoder = task.encoding === 'gb18030' ? new GbkToUtf8() : undefined;
  /** false: the scan found the text irregular and stopped */
  const feed = async (from: number, to: number): Promise<boolean> => {
    if (to <= from) return true;
    const chunks = createReadStream(task.path, { start: from, ...(to === Infinity ? {} : { end: to - 1 }), highWaterMark: READ_CHUNK });
    try {
      for await (const chunk of chunks) {
        await copy.push(decoder ? decoder.write(chunk as Buffer) : (chunk as Buffer));
        onRecords?.(scanner.scan.records);
        if (scanner.scan.irregular) return false;
      }
      return true;
    } finally {
      chunks.destroy();
    }
  };
  let end = task.until;
  if ((await feed(task.start, task.until)) && task.until !== Infinity) {
    // GBK: the decoder holds no bytes here, the next part begins after a line break.
    const between = scanner.betweenRecords;
    onSplit?.(between);
    if (!between) {
      await feed(task.until, Infinity);
      end = (await stat(task.path)).size;
    }
  }
  if (decoder && !scanner.scan.irregular) await copy.push(decoder.end());
  const scan = await copy.end();
  return { scan, pieces: copy.pieces, end, endsBlank: scanner.endsBlank };
}

const ROLE = 'shoplens:copy-part';

type PartMessage = { records: number } | { between: boolean } | { done: PartResult } | { error: unknown };

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
  const post = (m: PartMessage) => parentPort!.postMessage(m);
  copyPart((workerData as { task: PartTask }).task, (records) => post({ records }), (between) => post({ between })).then(
    (done) => post({ done }),
    (error: unknown) => post({ error }),
  );
}

/**
 * The worker. Run from TypeScript source (the tests, tsx), Node 20 does not apply tsx's hooks
 * to a worker's entry, so the worker registers tsx itself first; the built JS needs nothing.
 */
function startWorker(task: PartTask): Worker {
  const data = { role: ROLE, task };
  if (!import.meta.url.endsWith('.ts')) return new Worker(fileURLToPath(import.meta.url), { workerData: data });
  const code = `import('tsx/esm/api').then((tsx) => tsx.register()).then(() => import(${JSON.stringify(import.meta.url)}))`;
  return new Worker(code, { eval: true, workerData: data });
}

/** `copyPart` on a worker thread. */
export class PartThread {
  readonly result: Promise<PartResult>;
  private readonly worker: Worker;

  constructor(task: PartTask, onRecords?: (records: number) => void, onSplit?: (between: boolean) => void) {
    this.worker = startWorker(task);
    this.result = new Promise<PartResult>((resolve, reject) => {
      this.worker.on('message', (m: PartMessage) => {
        if ('records' in m) onRecords?.(m.records);
        else if ('between' in m) onSplit?.(m.between);
        else if ('done' in m) resolve(m.done);
        else reject(m.error);
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`CSV copy thread exited (${code})`)));
    });
    // awaited by the caller, or dropped when the part is not needed: never "unhandled"
    this.result.catch(() => undefined);
  }

  /** Stops the thread (its result is no longer wanted). */
  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
