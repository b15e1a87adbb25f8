/**
 * How far an import is, for the CLI's progress line and the data page's bar. An import goes
 * through three phases; each reports the rows it has got through and how much of its own work
 * is done, and the meter turns that into one fraction of the whole import that never goes back.
 *
 * Where each phase lies in the whole was measured on the DuckDB path (session 9): for text
 * exports, on the 1 M-row bench files, reading (transcode, scan, copy) took 11–18 % of the time,
 * cleaning (read_csv, cleaning SQL, staging) 46–48 %, merging 32–38 %; for 抖店 workbooks of
 * 200 k and 1 M rows, reading (the sheet as text) 51–69 %, cleaning 17–24 %, merging 14–16 %.
 * The JS path reads and cleans in one pass, reported as cleaning from the start.
 */
import type { Warehouse } from '../../warehouse/index.js';

export type ImportPhase = 'reading' | 'cleaning' | 'merging';

export interface ImportProgress {
  phase: ImportPhase;
  /** rows read (reading), cleaned (cleaning), or all the file's rows (merging) */
  rows: number;
  /** the whole import, 0–1: an estimate, never decreasing */
  done: number;
}

/** Where reading and cleaning end in the whole import, 0–1. */
export interface PhaseEnds { reading: number; cleaning: number }

/** The phase ends by the kind of file. */
export const PHASE_ENDS: Record<'text' | 'workbook', PhaseEnds> = {
  text: { reading: 0.15, cleaning: 0.6 },
  workbook: { reading: 0.6, cleaning: 0.8 },
};

export class ImportMeter {
  private readFirst = false;
  private last: ImportProgress = { phase: 'reading', rows: 0, done: 0 };

  constructor(
    private readonly listener?: (p: ImportProgress) => void,
    private readonly ends: PhaseEnds = PHASE_ENDS.text,
  ) {}

  /** `within`: how much of the phase's own work is done, 0–1 (undefined: not known, the phase's start) */
  report(phase: ImportPhase, rows: number, within?: number): void {
    if (phase === 'reading') this.readFirst = true;
    const [from, to] = this.span(phase);
    const w = within === undefined || !Number.isFinite(within) ? 0 : Math.min(1, Math.max(0, within));
    const done = Math.max(this.last.done, from + (to - from) * w);
    // A phase's rows only go up: a workbook's sheet is read, then its text copy is read again.
    this.last = { phase, rows: this.last.phase === phase ? Math.max(this.last.rows, rows) : rows, done };
    this.listener?.({ ...this.last });
  }

  private span(phase: ImportPhase): [number, number] {
    const { reading, cleaning } = this.ends;
    if (phase === 'reading') return [0, reading];
    if (phase === 'cleaning') return [this.readFirst ? reading : 0, cleaning];
    return [cleaning, 1];
  }
}

/** Runs one long statement on `wh`, passing its progress (0–1) to `tick` every quarter of a second. */
export async function watchStatement<T>(wh: Warehouse, run: () => Promise<T>, tick: (fraction: number) => void): Promise<T> {
  const timer = setInterval(() => {
    const p = wh.queryProgress();
    if (p !== undefined) tick(p);
  }, 250);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}
