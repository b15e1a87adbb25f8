/** A cell as a reader gives it: CSV gives text; xlsx may give numbers and Dates. */
export type Cell = string | number | Date;

/** One data row with its spreadsheet row number (the header is row 1 in a plain export). */
export interface RawRow {
  n: number;
  cells: Cell[];
}

/** One table of a file: the CSV itself, or one sheet of a workbook. */
export interface TablePart {
  /** '' for CSV, the sheet name for xlsx */
  name: string;
  header: string[];
  /** spreadsheet row number of the header */
  headerRow: number;
  rows: AsyncIterable<RawRow[]>;
  /** how much of the table has been read so far, 0–1 (for progress) */
  read(): number;
}
