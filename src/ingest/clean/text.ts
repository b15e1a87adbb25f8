/**
 * Cell text as the back office meant it: Excel guards removed (`="123"`, a leading tab or
 * apostrophe), spaces trimmed, and the many spellings of "empty" (`-`, `--`, `#NULL!`) read
 * as empty. Full-width forms are folded (NFKC) only where a value is compared with a
 * vocabulary (statuses, headers, amounts), never on free text such as titles.
 */
import type { Cell } from '../read/types.js';

const EMPTY = new Set(['', '-', '--', '—', '#NULL!', '#N/A', 'null', 'NULL', 'None', 'N/A', '无']);

/** Text of a cell, or undefined when it is empty in any of its spellings. */
export function cellText(cell: Cell | undefined): string | undefined {
  if (cell === undefined) return undefined;
  if (typeof cell !== 'string') return cell instanceof Date ? cell.toISOString() : String(cell);
  let s = cell;
  const c0 = s.charCodeAt(0);
  // Fast path: most cells need nothing.
  if (c0 === 61 /* = */ || c0 === 9 || c0 === 39 /* ' */ || c0 === 32 || s.charCodeAt(s.length - 1) <= 32) {
    s = s.trim();
    if (s.startsWith('="') && s.endsWith('"')) s = s.slice(2, -1);
    else if (s.startsWith('=')) s = s.slice(1);
    if (s.startsWith("'")) s = s.slice(1);
    s = s.trim();
  }
  return EMPTY.has(s) ? undefined : s;
}

/** Header names match after folding full-width forms, dropping all spaces and case. */
export function headerKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/^\uFEFF/, '').toLowerCase();
}

/** Folds full-width punctuation and digits (，：（）１２) for comparing with a vocabulary. */
export function fold(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s : s.normalize('NFKC');
}
