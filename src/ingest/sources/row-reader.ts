/**
 * One data row seen through the header map: typed getters that clean the cell and collect
 * every problem (file, row, column) instead of stopping at the first.
 */
import type { Cell } from '../read/types.js';
import { parseFen, parseInt_ } from '../clean/amounts.js';
import { parseLocalTime, type ZoneOffset } from '../clean/dates.js';
import { parseId } from '../clean/ids.js';
import { cellText } from '../clean/text.js';
import type { IngestErrorCode } from '../errors.js';
import type { HeaderMap } from './header-map.js';

export interface RowProblem {
  row: number;
  column: string;
  code: IngestErrorCode;
  value: string;
}

export class RowReader<F extends string = string> {
  cells: Cell[] = [];
  n = 0;
  problems: RowProblem[] = [];

  constructor(
    private readonly map: HeaderMap<F>,
    private readonly zone: ZoneOffset,
  ) {}

  reset(n: number, cells: Cell[]): void {
    this.n = n;
    this.cells = cells;
    if (this.problems.length) this.problems = [];
  }

  has(f: F): boolean {
    return this.map.has(f);
  }

  header(f: F): string {
    return this.map.get(f)?.header ?? f;
  }

  private cell(f: F): Cell | undefined {
    const c = this.map.get(f);
    return c === undefined ? undefined : this.cells[c.index];
  }

  /** A cell read twice (a price for the line and again for the product) is reported once. */
  problem(f: F, code: IngestErrorCode, value: Cell | undefined = this.cell(f)): void {
    const column = this.header(f);
    if (this.problems.some((p) => p.column === column && p.code === code)) return;
    this.problems.push({ row: this.n, column, code, value: value === undefined ? '' : String(value) });
  }

  private need<T>(f: F, v: T | undefined, required: boolean): T | undefined {
    if (v === undefined && required) this.problem(f, 'INGEST_REQUIRED_MISSING');
    return v;
  }

  text(f: F, required = false): string | undefined {
    return this.need(f, cellText(this.cell(f)), required);
  }

  id(f: F, required = false): string | undefined {
    const r = parseId(this.cell(f));
    if (r.error) { this.problem(f, r.error); return undefined; }
    return this.need(f, r.value, required);
  }

  fen(f: F, required = false): bigint | undefined {
    const r = parseFen(this.cell(f));
    if (r.error) { this.problem(f, r.error); return undefined; }
    return this.need(f, r.value, required);
  }

  int(f: F, required = false): number | undefined {
    const r = parseInt_(this.cell(f));
    if (r.error) { this.problem(f, r.error); return undefined; }
    return this.need(f, r.value, required);
  }

  /** null: an explicit "never" (JD's 0001-01-01); undefined: empty. */
  time(f: F, required = false): Date | null | undefined {
    const r = parseLocalTime(this.cell(f), this.zone);
    if (r.error) { this.problem(f, r.error); return undefined; }
    if (r.value === null) return null;
    return this.need(f, r.value, required);
  }
}
