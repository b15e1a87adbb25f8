/**
 * Day arithmetic for the hot loops of evaluation and backtests (millions of shifts over a few
 * hundred distinct days): core/time's conversions memoised, same results.
 */
import { dayNumberToText, dayTextToNumber } from '../core/time.js';

const toNum = new Map<string, number>();
const toText = new Map<number, string>();

export function dayNum(day: string): number {
  let n = toNum.get(day);
  if (n === undefined) {
    n = dayTextToNumber(day);
    if (n === undefined) throw new RangeError(`not a day: ${day}`);
    toNum.set(day, n);
  }
  return n;
}

export function dayText(n: number): string {
  let t = toText.get(n);
  if (t === undefined) toText.set(n, (t = dayNumberToText(n)));
  return t;
}

export function shiftDay(day: string, n: number): string {
  return dayText(dayNum(day) + n);
}
