import type { Column, ValueOf } from './columns.js';

export type Columns = Record<string, Column>;

export interface TableDef<Name extends string = string, C extends Columns = Columns> {
  readonly name: Name;
  /** what one row is */
  readonly grain: string;
  /** columns that identify a row; no two rows share them */
  readonly key: readonly string[];
  readonly columns: C;
  /** columns worth a zone-map friendly sort when loading (time first) */
  readonly sortBy?: readonly string[];
  readonly since?: number;
}

export function defineTable<const Name extends string, C extends Columns, const K extends keyof C & string>(
  def: TableDef<Name, C> & { key: readonly K[]; sortBy?: readonly (keyof C & string)[] },
): TableDef<Name, C> {
  for (const k of def.key) {
    const col = def.columns[k];
    if (!col) throw new Error(`${def.name}: key column ${k} is not a column`);
    if (col.isNullable) throw new Error(`${def.name}: key column ${k} must not be nullable`);
  }
  return def;
}

export type RowOf<T extends TableDef> = { [K in keyof T['columns']]: ValueOf<T['columns'][K]> };
