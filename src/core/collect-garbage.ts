/**
 * A full garbage collection on demand. V8 lets the heap grow well past what is live before it
 * collects (a 2 M-row import through the JS cleaners left ~120 MB of dead rows), and what it
 * holds then adds to the peak of whatever comes next: collected at the end of that staging,
 * the merge of a 2 M-row file peaked at 841 MiB instead of 1,058. `--expose-gc` is switched
 * on once, here, rather than asked of every way ShopLens is started.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/** Rows read in JS (cleaners, a workbook's cells) from which a collection before the next step pays for its ~0.1 s. */
export const GC_AFTER_ROWS = 100_000;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
