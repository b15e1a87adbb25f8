/**
 * The contract of a SQL normalizer: the SQL twin of a source's normalize.ts. It declares the
 * kind of each field (which cleaner reads it), the getter calls that can report a problem in
 * the order normalize.ts makes them (quarantine entries come out in that order), where
 * normalize.ts stops early, and the staging rows it emits — as SQL over the cleaned row.
 */
import type { CollectorSql, StageInsert } from './collector-sql.js';

/** `buyer`: text used as a buyer key (NULL when masked); `address`: text, with its province and city. */
export type FieldKind = 'text' | 'id' | 'fen' | 'int' | 'time' | 'buyer' | 'address';

/** A getter call of normalize.ts that can report a problem: the field, and whether it is required. */
export type Check = readonly [field: string, required: boolean];

/** clean/statuses.ts `orderFallback` in SQL: a wording the vocabulary lacks reads paid once paid, else unpaid. */
export const orderFallbackSql = (paidAt: string) => `CASE WHEN ${paidAt} IS NOT NULL THEN 'paid' ELSE 'unpaid' END`;

/** SQL names of the cleaned row's columns (table `cln`), for the emit functions. */
export interface CleanRow {
  /** the cleaned value: text, id, fen (BIGINT), int (INTEGER), time (UTC epoch ms, BIGINT) */
  v(field: string): string;
  /** province and city of an `address` field (regionOf) */
  region(field: string): { province: string; city: string };
  /** canonical status from the source's vocabulary, falling back to `fallback` (SQL) */
  status(fallback: string): string;
  /** a field of the source's `vocabs` mapped through its vocabulary, falling back to `fallback` (SQL) */
  mapped(field: string, fallback: string): string;
  /** the status cell as text ('' when empty) */
  statusRaw: string;
  /** true when the vocabulary knows the status wording */
  statusKnown: string;
  /** a value of the source's `derived` */
  d(name: string): string;
}

/**
 * Values normalize.ts computes in JS from a few text fields (宝贝报表's line key hashes title and
 * attributes): computed once per distinct combination of those fields, not once per row.
 */
export interface Derived {
  /** the fields the values depend on (text kinds) */
  of: readonly string[];
  /** SQL per value over those fields' cleaned text (`t(field)`, NULL when empty) */
  values(t: (field: string) => string): Record<string, string>;
}

export interface SqlSource {
  /** the source format id (sources/registry.ts) it stands for */
  readonly id: string;
  readonly kinds: Readonly<Record<string, FieldKind>>;
  /** the status field and its vocabulary (folded keys, as clean/statuses.ts builds them) */
  readonly status: { field: string; vocab: ReadonlyMap<string, string> };
  /** other text fields mapped through a vocabulary (抖店 售后类型), as mapStatus does */
  readonly vocabs?: Readonly<Record<string, ReadonlyMap<string, string>>>;
  /** getter calls before normalize.ts may return early */
  readonly head: readonly Check[];
  /** SQL: normalize.ts returns after the head (emits nothing, reports nothing more) */
  stop(c: CleanRow): string;
  /** getter calls after the head that can report a problem (a field read twice is listed at its first read: it is reported once) */
  readonly tail: readonly Check[];
  readonly derived?: Derived;
  /** the staging rows of a clean row that did not stop */
  emit(c: CleanRow, out: CollectorSql): StageInsert[];
}
