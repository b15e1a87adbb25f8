/**
 * A streaming RFC 4180 parser: text chunks in, records out. Quoted fields may hold commas,
 * doubled quotes and line breaks; CRLF and LF both end a record. None of our direct
 * dependencies parse CSV as a stream, and this loop is the hot path of every import.
 */
export interface CsvOptions {
  /** ',' (default), '\t', or 'whitespace' for space-aligned text files (CDNOW) */
  delimiter?: string;
}

export class CsvParser {
  private field = '';
  private record: string[] = [];
  private inQuotes = false;
  /** a quote just closed inside a quoted field: next char decides (""= literal quote) */
  private quoteClosed = false;
  private pendingCR = false;
  private readonly delim: number;
  private readonly whitespace: boolean;

  constructor(options: CsvOptions = {}) {
    const d = options.delimiter ?? ',';
    this.whitespace = d === 'whitespace';
    this.delim = this.whitespace ? 32 : d.charCodeAt(0);
  }

  /** Parses a chunk; complete records are pushed to `out`. */
  push(text: string, out: string[][]): void {
    if (this.whitespace) return this.pushWhitespace(text, out);
    const delim = this.delim;
    let start = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (c !== 34) continue;
        if (i + 1 < n) {
          if (text.charCodeAt(i + 1) === 34) { this.field += text.slice(start, i + 1); i++; start = i + 1; continue; }
          this.field += text.slice(start, i);
          this.inQuotes = false;
          start = i + 1;
        } else {
          // Quote at the chunk end: a doubled quote may continue in the next chunk.
          this.field += text.slice(start, i);
          this.inQuotes = false;
          this.quoteClosed = true;
          start = i + 1;
        }
        continue;
      }
      if (this.quoteClosed) {
        this.quoteClosed = false;
        if (c === 34 && i === start) { this.field += '"'; this.inQuotes = true; start = i + 1; continue; }
      }
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === 10) { start = i + 1; continue; }
      }
      if (c === delim) {
        this.record.push(this.field + text.slice(start, i));
        this.field = '';
        start = i + 1;
      } else if (c === 10 || c === 13) {
        this.record.push(this.field + text.slice(start, i));
        this.field = '';
        out.push(this.record);
        this.record = [];
        start = i + 1;
        if (c === 13) {
          if (i + 1 < n) { if (text.charCodeAt(i + 1) === 10) { i++; start = i + 1; } } else this.pendingCR = true;
        }
      } else if (c === 34 && i === start && this.field === '') {
        this.inQuotes = true;
        start = i + 1;
      }
    }
    this.field += text.slice(start);
  }

  /** End of input: the last record, and whether a quoted field was left open (a truncated file). */
  end(out: string[][]): { unterminatedQuote: boolean } {
    const open = this.inQuotes;
    if (this.whitespace) {
      const t = this.field.trim();
      if (t !== '') out.push(t.split(/[ \t]+/));
      this.field = '';
      return { unterminatedQuote: false };
    }
    if (this.field !== '' || this.record.length > 0) {
      this.record.push(this.field);
      out.push(this.record);
    }
    this.field = '';
    this.record = [];
    return { unterminatedQuote: open };
  }

  /** Space-aligned text: runs of spaces/tabs separate fields; no quoting. */
  private pushWhitespace(text: string, out: string[][]): void {
    const all = this.field + text;
    const lines = all.split(/\r?\n/);
    this.field = lines.pop() ?? '';
    for (const line of lines) {
      const t = line.trim();
      if (t !== '') out.push(t.split(/[ \t]+/));
    }
  }
}
