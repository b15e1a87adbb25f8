/**
 * The parts of an xlsx a sheet's cells need: which sheets there are (names in workbook order,
 * and their part), the shared strings, which cell styles show dates, and the date system.
 */
import { posix } from 'node:path';
import { attr, XmlScanner, type XmlHandler } from './xml-scan.js';
import type { XlsxZip } from './xlsx-zip.js';

export interface Workbook {
  sheets: { name: string; part: string }[];
  /** the workbook counts days from 1904-01-01 (old Mac Excel) */
  date1904: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

async function scan(zip: XlsxZip, part: string, h: XmlHandler): Promise<void> {
  const s = new XmlScanner(h);
  for await (const chunk of zip.text(part)) s.write(chunk);
  s.end();
}

/** Relationship id → target part (resolved from the part that owns the relationships), and the targets by type. */
async function relationships(zip: XlsxZip, owner: string): Promise<{ id: Map<string, string>; byType: Map<string, string> }> {
  const dir = posix.dirname(owner);
  const relsPart = posix.join(dir, '_rels', `${posix.basename(owner)}.rels`);
  const id = new Map<string, string>();
  const byType = new Map<string, string>();
  if (!zip.has(relsPart)) return { id, byType };
  await scan(zip, relsPart, {
    wantText: false,
    open(name, attrs) {
      if (name !== 'Relationship' || attr(attrs, 'TargetMode') === 'External') return;
      const target = attr(attrs, 'Target') ?? '';
      const part = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target));
      id.set(attr(attrs, 'Id') ?? '', part);
      byType.set((attr(attrs, 'Type') ?? '').replace(/.*\//, ''), part);
    },
    close() {},
    text() {},
  });
  return { id, byType };
}

export async function readWorkbook(zip: XlsxZip): Promise<Workbook> {
  const root = await relationships(zip, '');
  const book = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  const rels = await relationships(zip, book);
  const sheets: Workbook['sheets'] = [];
  let date1904 = false;
  await scan(zip, book, {
    wantText: false,
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attr(attrs, 'date1904') ?? '');
      if (name !== 'sheet') return;
      const part = rels.id.get(attr(attrs, 'id') ?? '');
      // chart sheets and dialog sheets have no cells
      if (part && zip.has(part) && part.includes('worksheets/')) sheets.push({ name: attr(attrs, 'name') ?? '', part });
    },
    close() {},
    text() {},
  });
  const part = (type: string) => { const p = rels.byType.get(type); return p && zip.has(p) ? p : undefined; };
  return { sheets, date1904, sharedStrings: part('sharedStrings'), styles: part('styles') };
}

/** The shared strings; a rich-text string is its runs joined, without the phonetic guide (`rPh`). */
export async function readSharedStrings(zip: XlsxZip, part: string | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!part) return out;
  let cur = '';
  let phonetic = 0;
  const h: XmlHandler = {
    wantText: false,
    open(name, _attrs, selfClosing) {
      if (name === 'si') { cur = ''; if (selfClosing) out.push(''); }
      else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && !selfClosing) h.wantText = phonetic === 0;
    },
    close(name) {
      if (name === 't') h.wantText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') out.push(cur);
    },
    text(s) { cur += s; },
  };
  await scan(zip, part, h);
  return out;
}

// Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the zh-CN ones 27–36 and 50–58).
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * A format code shows a date or time when, outside quoted text, escapes, fills and
 * [colour]/[$-locale] brackets, it has y m d h s or aaa (the weekday, 星期一), in either case but
 * E (the exponent of 0.00E+00).
 */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[[^\]]*]/g, '').replace(/General/gi, '');
  return /[ymdhsYMDHS年月日时分秒]|aaa/.test(bare);
}

/** For each cell style (`s` of a cell), whether it shows a date. */
export async function readDateStyles(zip: XlsxZip, part: string | undefined): Promise<boolean[]> {
  const out: boolean[] = [];
  if (!part) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  await scan(zip, part, {
    wantText: false,
    open(name, attrs, selfClosing) {
      if (name === 'numFmt') custom.set(Number(attr(attrs, 'numFmtId')), attr(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(attrs, 'numFmtId') ?? 0);
        const code = custom.get(id);
        out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE.has(id));
      }
    },
    close(name) { if (name === 'cellXfs') inCellXfs = false; },
    text() {},
  });
  return out;
}
