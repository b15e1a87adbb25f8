/**
 * Column kinds of the canonical model. One definition per table (tables.ts) gives the TS row
 * types (here) and the DDL of every engine (warehouse/dialect). Money is integer fen.
 */

export const columnKinds = ['string', 'int', 'bigint', 'money', 'float', 'bool', 'timestamp', 'day', 'json'] as const;
export type ColumnKind = (typeof columnKinds)[number];

/** JS value of each kind, as rows are loaded and read back. */
export interface JsOfKind {
  string: string;
  int: number;
  bigint: bigint;
  /** integer fen */
  money: bigint;
  float: number;
  bool: boolean;
  /** UTC instant */
  timestamp: Date;
  /** 'YYYY-MM-DD', a business day in the shop's time zone */
  day: string;
  /** JSON text */
  json: string;
}

/** Personal information, masked unless the reader may see it (PIPL). */
export const piiKinds = ['name', 'phone', 'address', 'account'] as const;
export type PiiKind = (typeof piiKinds)[number];

export class Column<K extends ColumnKind = ColumnKind, N extends boolean = boolean> {
  constructor(
    readonly kind: K,
    readonly doc: string,
    readonly isNullable: N,
    readonly pii: PiiKind | undefined = undefined,
    /** schema version that added the column (migrations are derived from it) */
    readonly since: number = 1,
  ) {}

  nullable(): Column<K, true> {
    return new Column(this.kind, this.doc, true, this.pii, this.since);
  }

  personal(kind: PiiKind): Column<K, N> {
    return new Column(this.kind, this.doc, this.isNullable, kind, this.since);
  }

  addedIn(version: number): Column<K, N> {
    return new Column(this.kind, this.doc, this.isNullable, this.pii, version);
  }
}

const make =
  <K extends ColumnKind>(kind: K) =>
  (doc: string): Column<K, false> =>
    new Column(kind, doc, false);

export const str = make('string');
export const int = make('int');
export const bigint = make('bigint');
export const money = make('money');
export const float = make('float');
export const bool = make('bool');
export const ts = make('timestamp');
export const day = make('day');
export const json = make('json');

export type ValueOf<C> = C extends Column<infer K, infer N> ? (N extends true ? JsOfKind[K] | null : JsOfKind[K]) : never;
