/**
 * The contract every source format fills in (one folder per format under sources/):
 * columns.ts names the canonical fields and the header spellings that carry them,
 * detect.ts the header signature, normalize.ts turns one row into canonical rows.
 */
import type { Platform } from '../../model/index.js';
import type { Emit } from '../stage/emit.js';
import type { RowReader } from './row-reader.js';

export type ColumnSpec = Record<string, readonly string[]>;

export type SourceRole = 'platform' | 'erp' | 'report';

export interface Text2 {
  zh: string;
  en: string;
}

export interface SourceFormat<C extends ColumnSpec = ColumnSpec> {
  /** stable name used by --source, e.g. 'taobao-orders' */
  readonly id: string;
  readonly names: Text2;
  readonly platform: Platform;
  /**
   * platform: the platform's own export, authoritative for orders;
   * erp: a copy of platform orders kept by an ERP — links to them, never adds amounts;
   * report: daily reports (ads, traffic, inventory) and master data.
   */
  readonly role: SourceRole;
  readonly fileKinds: readonly ('csv' | 'xlsx')[];
  readonly grain: Text2;
  readonly columns: C;
  /** fields whose column must exist in the header */
  readonly required: readonly (keyof C & string)[];
  /** header names that together identify the format */
  readonly signature: readonly string[];
  /** the order (and its amounts) repeats on every line row: one order by design, never summed */
  readonly orderPerLine?: boolean;
  normalize(row: RowReader<keyof C & string>, out: Emit): void;
}
