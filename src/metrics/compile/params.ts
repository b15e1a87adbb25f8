/** Bound parameters of one statement. Equal values share one placeholder. */
import type { Dialect, SqlValue } from '../../warehouse/index.js';

export class Params {
  readonly values: SqlValue[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly d: Dialect) {}

  private add(v: SqlValue): number {
    const key = `${typeof v}:${String(v)}`;
    let i = this.index.get(key);
    if (i === undefined) {
      this.values.push(v);
      i = this.values.length;
      this.index.set(key, i);
    }
    return i;
  }

  value(v: SqlValue): string {
    return this.d.param(this.add(v));
  }

  day(day: string): string {
    return this.d.dayParam(this.add(day));
  }
}
