/**
 * One part of a CSV made ready for read_csv: its bytes read, transcoded from GBK if need be,
 * scanned (scan-csv.ts) and written as a numbered copy (numbered-copy.ts). prepare-csv.ts runs
 * a big file as two parts at once, each in a process of its own (`PartProcess`); this module
 * is also that process's entry.
 *
 * Where the second part begins is a guess: the first line break past the middle, which may
 * lie inside a quoted cell. The first part knows: when its scan reaches that byte, it must be
 * between records. If it is not, the first part goes on to the end of the file on its own and
 * the second is dropped, so a bad guess costs time, never a wrong row.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { GbkToUtf8 } from '../read/gbk-utf8.js';
import { NumberedCopy, type CsvPiece } from './numbered-copy.js';
import { CsvScanner, type CsvScan } from './scan-csv.js';

/** 1 MiB: a copy process of a 1 M-row file peaks at ~100 MiB, 175 with 4 MiB chunks (more garbage between collections), and is no slower */
const READ_CHUNK = 1 << 20;
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

/** records scanned so far, and the bytes of the file they came from */
export type OnRecords = (records: number, bytes: number) => void;

export async function copyPart(task: PartTask, onRecords?: OnRecords, onSplit?: (between: boolean) => void): Promise<PartResult> {
  const scanner = new CsvScanner(task.encoding !== 'gb18030', ',', task.afterHeader);
  const copy = new NumberedCopy(task.dir, task.rows, scanner, { name: task.name, ...(task.afterHeader === undefined ? {} : { header: NO_HEADER }) });
  const decoder = task.encoding === 'gb18030' ? new GbkToUtf8() : undefined;
  let bytes = 0;
  /** false: the scan found the text irregular and stopped */
  const feed = async (from: number, to: number): Promise<boolean> => {
    if (to <= from) return true;
    const chunks = createReadStream(task.path, { start: from, ...(to === Infinity ? {} : { end: to - 1 }), highWaterMark: READ_CHUNK });
    try {
      for await (const chunk of chunks) {
        await copy.push(decoder ? decoder.write(chunk as Buffer) : (chunk as Buffer));
        bytes += (chunk as Buffer).length;
        onRecords?.(scanner.scan.records, bytes);
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

type PartMessage = { records: number; bytes: number } | { between: boolean } | { done: PartResult } | { error: { message: string; stack?: string } };

/** argv[2] of a copy process */
const ROLE = 'shoplens:copy-part';
const self = fileURLToPath(import.meta.url);

// Run as a copy process: one task from the parent, progress and the result back.
if (process.argv[1] === self && process.argv[2] === ROLE && process.send) {
  const post = (m: PartMessage) => process.send!(m);
  // the parent is gone (killed, or done without us): nothing will read the copy
  process.on('disconnect', () => process.exit(1));
  process.once('message', (task: PartTask) => {
    copyPart(task, (records, bytes) => post({ records, bytes }), (between) => post({ between })).then(
      (done) => post({ done }),
      (e: unknown) => post({ error: { message: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) } }),
    );
  });
}

/**
 * `copyPart` in a process of its own. A process, not a worker thread: glibc keeps the memory a
 * thread's allocations fragmented in its arena after the thread ends, and three 1 M-row imports
 * in one process went from 180 to 340 MiB retained (peak 1,030 MiB); a process returns it all
 * when it exits. Run from TypeScript source (the tests), the process loads tsx first.
 */
export class PartProcess {
  readonly result: Promise<PartResult>;
  private readonly child: ChildProcess;

  constructor(task: PartTask, onRecords?: OnRecords, onSplit?: (between: boolean) => void) {
    // not the parent's flags (a test runner's, a debugger's): only what loading this module needs
    const execArgv = self.endsWith('.ts') ? ['--import', 'tsx'] : [];
    this.child = fork(self, [ROLE], { serialization: 'advanced', execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.result = new Promise<PartResult>((resolve, reject) => {
      this.child.on('message', (m: PartMessage) => {
        if ('records' in m) onRecords?.(m.records, m.bytes);
        else if ('between' in m) onSplit?.(m.between);
        else if ('done' in m) resolve(m.done);
        else reject(Object.assign(new Error(m.error.message), m.error.stack ? { stack: m.error.stack } : {}));
      });
      this.child.on('error', reject);
      this.child.on('exit', (code, signal) => reject(new Error(`CSV copy process exited (${signal ?? code})`)));
    });
    // awaited by the caller, or dropped when the part is not needed: never "unhandled"
    this.result.catch(() => undefined);
    this.child.send(task);
  }

  /** Ends the process (done, or its result is no longer wanted). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill();
    await exited;
  }
}
