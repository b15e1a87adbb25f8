/**
 * The xlsx reader: a hand-written workbook with what real writers do (quirks.xlsx, its parts in
 * make-quirks.py), the XML scanned in pieces cut at every position, damaged files, and a big
 * workbook written by exceljs (an independent writer) read back cell for cell, where 1 MiB
 * chunks cut CJK characters.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from '../../../test/helpers/store.js';
import { FIXTURES } from '../test-fixtures.js';
import { openTable } from './open-table.js';
import type { RawRow } from './types.js';
import { isDateFormat } from './xlsx-parts.js';
import { columnOf, SheetParser } from './xlsx-sheet.js';
import { readXlsx } from './xlsx.js';
import { attr, decodeEntities, XmlScanner } from './xml-scan.js';

const QUIRKS = join(FIXTURES, 'xlsx/quirks.xlsx');

async function readAll(path: string): Promise<{ name: string; rows: RawRow[] }[]> {
  const out: { name: string; rows: RawRow[] }[] = [];
  for await (const sheet of readXlsx(path)) {
    const rows: RawRow[] = [];
    for await (const batch of sheet.rows) rows.push(...batch);
    out.push({ name: sheet.name, rows });
  }
  return out;
}

const DAY = 86_400_000;
/** A 1904-system serial as a wall time: days after 1904-01-01. */
const d1904 = (days: number) => new Date(Date.UTC(1904, 0, 1) + days * DAY);

test('quirks.xlsx: sheets in workbook order (no chart sheet), every cell as written', async () => {
  const sheets = await readAll(QUIRKS);
  assert.deepEqual(sheets.map((s) => s.name), ["订单>明细's", '第二页']);
  const [one, two] = sheets;
  assert.deepEqual(one!.rows, [
    { n: 1, cells: ['订单编号', '红 色 ', '下单时间', '付款时间', '金额'] },
    // no r on the row or its cells: the row after 1, cells left to right; the phonetic run is not text
    { n: 2, cells: ['红 色 ', '行内 ', d1904(45000), d1904(45000.5), 1500] },
    // rows 3 and 4 are not in the file; C, E and G only
    { n: 5, cells: ['', '', 'TRUE', '', '#NULL!', '', '小计'] },
    { n: 6, cells: [] },
    // the 19-digit number is a double: the ID cleaner, not the reader, refuses it
    { n: 7, cells: ['A&B <x> 中文', '<b>&amp;</b>', new Date(Date.UTC(2026, 2, 1, 10)), -1299, 1234567890123456800, '', '', '', d1904(1.25), 'FALSE'] },
  ]);
  // single-quoted attributes; a stored (uncompressed) part
  assert.deepEqual(two!.rows, [{ n: 1, cells: ['单引号', d1904(0.5)] }, { n: 2, cells: ['', 42] }]);
});

test('date formats: built-in ids through the styles, codes by their letters outside quotes and brackets', () => {
  for (const code of ['yyyy-mm-dd hh:mm:ss', 'yyyy"年"m"月"d"日"', 'm/d/yy', '[h]:mm:ss', 'yyyy年m月d日', '[$-804]aaaa', 'h"时"mm"分"']) {
    assert.equal(isDateFormat(code), true, code);
  }
  for (const code of ['General', '0.00E+00', '#,##0.00"元"', '[Red]\\-#,##0', '@', '0.00_);(0.00)', '"day"0']) assert.equal(isDateFormat(code), false, code);
});

test('column letters', () => {
  assert.deepEqual(['A1', 'Z9', 'AA1', 'AZ3', 'BA1', 'XFD1048576'].map(columnOf), [0, 25, 26, 51, 52, 16383]);
});

test('entities and attributes', () => {
  assert.equal(decodeEntities('A&amp;B &lt;&gt; &quot;&apos; &#x4E2D;&#25991; &#x1F600; &nbsp;'), 'A&B <> "\' 中文 😀 &nbsp;');
  const a = ' r="A1" s="3" t="s" x14:r="9" cm=\'1\'';
  assert.deepEqual([attr(a, 'r'), attr(a, 's'), attr(a, 't'), attr(a, 'cm'), attr(a, 'ht')], ['A1', '3', 's', '1', undefined]);
  assert.equal(attr(' name="订单&gt;明细"', 'name'), '订单>明细');
});

/** Everything a scan of `xml` in the given pieces reports, as one list. */
function tokens(pieces: string[]): string[] {
  const out: string[] = [];
  const s = new XmlScanner({
    wantText: true,
    open: (name, attrs, selfClosing) => out.push(`<${name}${attrs.replace(/\s+/g, ' ')}${selfClosing ? '/' : ''}>`),
    close: (name) => out.push(`</${name}>`),
    text: (t) => { if (out.length && out[out.length - 1]!.startsWith('#')) out[out.length - 1] += t; else out.push(`#${t}`); },
  });
  for (const p of pieces) s.write(p);
  s.end();
  return out;
}

test('XML scanner: the same tokens whatever the pieces the text comes in', () => {
  const xml = `<?xml version="1.0"?><!-- a > b --><x:sst xmlns:x="ns"><x:si a="1>2" b='<3'><x:t xml:space="preserve"> 红&amp;色 </x:t></x:si>`
    + `<si/><si><t><![CDATA[<raw> & ]]></t></si></x:sst>`;
  const whole = tokens([xml]);
  assert.deepEqual(whole, ['<sst xmlns:x="ns">', '<si a="1>2" b=\'<3\'>', '<t xml:space="preserve">', '# 红&色 ', '</t>', '</si>',
    '<si/>', '<si>', '<t>', '#<raw> & ', '</t>', '</si>', '</sst>']);
  for (let cut = 1; cut < xml.length; cut++) assert.deepEqual(tokens([xml.slice(0, cut), xml.slice(cut)]), whole, `cut at ${cut}`);
  assert.throws(() => tokens([xml.slice(0, xml.length - 3)]), /ends inside a tag/);
});

function sheetRows(pieces: string[]): RawRow[] {
  const p = new SheetParser((type, style, text) => `${type}|${style}|${text ?? '∅'}`);
  const out: RawRow[] = [];
  for (const piece of pieces) { p.write(piece); out.push(...p.out); p.out = []; }
  p.end();
  return out;
}

test('sheet parser: the same rows whatever the pieces the text comes in', () => {
  const xml = '<?xml version="1.0"?><x:worksheet xmlns:x="ns"><x:sheetData><x:row r="1" spans="1:3"><x:c r="A1" t="s"><x:v>0</x:v></x:c>'
    + '<x:c r="C1" s="2"><x:v>1.5</x:v></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:r><x:t>甲</x:t></x:r><x:rPh><x:t>こう</x:t></x:rPh><x:t>乙</x:t></x:is></x:c>'
    + '<x:c s="1"/><x:c><x:f>A1</x:f><x:v/></x:c></x:row><x:row r="9"/></x:sheetData><x:rowBreaks/></x:worksheet>';
  const whole = sheetRows([xml]);
  assert.deepEqual(whole, [
    { n: 1, cells: ['s|0|0', 'n|0|∅', 'n|2|1.5'] },
    { n: 2, cells: ['inlineStr|0|甲乙', 'n|1|∅', 'n|0|'] },
    { n: 9, cells: [] },
  ]);
  for (let cut = 1; cut < xml.length; cut++) assert.deepEqual(sheetRows([xml.slice(0, cut), xml.slice(cut)]), whole, `cut at ${cut}`);
  assert.throws(() => sheetRows([xml.slice(0, xml.indexOf('</x:row>'))]), /ends inside a row/);
});

test('sheet parser, from the bytes: rows of the usual shape read in place, any other row as text; the same rows whatever the pieces', () => {
  const xml = '<?xml version="1.0"?><worksheet xmlns="ns"><sheetData>'
    + '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="2"><v>1.5</v></c></row>'
    + '<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" t="s"><v>3</v></c></row>'
    + '<row r="3"><c r="A3" t="str"><v>红&amp;绿</v></c></row>'
    + '<row r="4"><c r="A4" t="str"><v>美妆😀</v></c><c r="B4" s="1"/><c r="C4" t="b"><v>1</v></c></row>'
    + '<row r="5"/>'
    + '<row><c t="s"><v>4</v></c></row>'
    + '<row r="8"><c r="B8"><f>A1</f><v>2</v></c></row>'
    + '<row r="9" ht="20"><c r="A9" t="s" cm="1"><v>12</v></c><c r="B9" t="str"><v><![CDATA[<b>]]></v></c></row>'
    + '<row r="10" ht="20"><c r="AA10" t="d"><v>2026-03-01T10:00:00</v></c></row>'
    + '<row r="11"><c t="s"><v>5</v></c><c><v>7</v></c></row>'
    + '</sheetData><rowBreaks/></worksheet>';
  // a shared string read in place comes as its index (#), as text otherwise
  const show = (type: string, style: number, text: string | undefined, index: number) => `${type}|${style}|${index >= 0 ? `#${index}` : text ?? '∅'}`;
  const fromBytes = (pieces: Buffer[]) => {
    const p = new SheetParser(show);
    const out: RawRow[] = [];
    for (const piece of pieces) { p.writeBytes(piece); out.push(...p.out); p.out = []; }
    p.endBytes();
    return [...out, ...p.out];
  };
  const bytes = Buffer.from(xml);
  const whole = fromBytes([bytes]);
  const empties = (n: number) => Array.from({ length: n }, () => 'n|0|∅');
  assert.deepEqual(whole, [
    { n: 1, cells: ['s|0|#0', 'n|0|∅', 'n|2|1.5'] }, // in place
    { n: 2, cells: ['inlineStr|0|甲', 's|0|3'] }, // an inline string: as text
    { n: 3, cells: ['str|0|红&绿'] }, // an entity: as text
    { n: 4, cells: ['str|0|美妆😀', 'n|1|∅', 'b|0|1'] }, // in place, UTF-8 text
    { n: 5, cells: [] },
    { n: 6, cells: ['s|0|4'] }, // no row number: as text, counted on
    { n: 8, cells: ['n|0|∅', 'n|0|2'] }, // a formula: as text
    { n: 9, cells: ['s|0|12', 'str|0|<b>'] }, // CDATA: as text
    { n: 10, cells: [...empties(26), 'd|0|2026-03-01T10:00:00'] }, // in place
    { n: 11, cells: ['s|0|#5', 'n|0|7'] }, // in place, cells without their reference in turn
  ]);
  // the text way reads the same cells
  assert.deepEqual(sheetRows([xml]), whole.map((r) => ({ ...r, cells: r.cells.map((c) => String(c).replace('#', '')) })));
  for (let cut = 1; cut < bytes.length; cut++) assert.deepEqual(fromBytes([bytes.subarray(0, cut), bytes.subarray(cut)]), whole, `cut at ${cut}`);
  assert.throws(() => fromBytes([bytes.subarray(0, bytes.indexOf('</row>'))]), /ends inside a row/);
});

test('a damaged workbook fails with INGEST_FILE_TRUNCATED: cut short, or a part whose bytes changed', async () => {
  const d = tempDir();
  try {
    const bytes = readFileSync(QUIRKS);
    const cut = join(d.dir, 'cut.xlsx');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    // sheet 2 is stored as is: change its row number 2 to 3 (the CRC no longer matches)
    const changed = Buffer.from(bytes);
    const at = changed.indexOf("row r='2'");
    assert.ok(at > 0);
    changed.write("row r='3'", at);
    const crc = join(d.dir, 'crc.xlsx');
    writeFileSync(crc, changed);
    for (const path of [cut, crc]) {
      await assert.rejects(async () => { for await (const part of (await openTable(path)).parts) for await (const _ of part.rows); },
        (e: { code?: string }) => e.code === 'INGEST_FILE_TRUNCATED', path);
    }
  } finally {
    d.cleanup();
  }
});

for (const useSharedStrings of [true, false]) {
  test(`a big workbook written by exceljs (${useSharedStrings ? 'shared strings' : 'inline strings'}) reads back cell for cell, CJK cut by chunks included`, async () => {
    const d = tempDir();
    try {
      const path = join(d.dir, 'big.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings, useStyles: true });
      const ws = wb.addWorksheet('数据');
      const when = (i: number) => new Date(Date.UTC(2026, 2, 1 + (i % 28), i % 24, i % 60, 7));
      // text of 1 to 7 characters of 1, 3 and 4 UTF-8 bytes: a 1 MiB chunk ends inside one sooner or later
      const text = (i: number) => `${'美妆店'.slice(0, 1 + (i % 3))}${i}${'😀é'.repeat(i % 4)}店铺${String.fromCharCode(0x4e00 + (i % 20000))}`;
      const ROWS = 30_000;
      ws.columns = [{ key: 'a' }, { key: 'b' }, { key: 'c', style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } }, { key: 'd' }, { key: 'e' }];
      for (let i = 0; i < ROWS; i++) {
        const row = ws.addRow([`${text(i)}`, i * 1.25 - 7, when(i), i % 5 === 0, i % 7 === 0 ? null : `订单${String(i).padStart(19, '9')}`]);
        if (i % 1000 === 1) row.getCell(4).value = { formula: 'B1*2', result: i } as ExcelJS.CellFormulaValue;
        // one rich text only: exceljs's writer files every rich text under one shared string
        if (i % 1000 === 2) row.getCell(4).value = { richText: [{ text: '红' }, { font: { bold: true }, text: '色' }] };
        row.commit();
      }
      ws.commit();
      await wb.commit();
      const [sheet] = await readAll(path);
      assert.equal(sheet!.name, '数据');
      assert.equal(sheet!.rows.length, ROWS);
      let bad = 0;
      for (let i = 0; i < ROWS; i++) {
        const r = sheet!.rows[i]!;
        const fourth = i % 1000 === 1 ? i : i % 1000 === 2 ? '红色' : i % 5 === 0 ? 'TRUE' : 'FALSE';
        const want = [text(i), i * 1.25 - 7, when(i), fourth, ...(i % 7 === 0 ? [] : [`订单${String(i).padStart(19, '9')}`])];
        if (r.n !== i + 1 || JSON.stringify(r.cells) !== JSON.stringify(want)) {
          if (bad++ < 3) assert.deepEqual(r, { n: i + 1, cells: want }, `row ${i + 1}`);
        }
      }
      assert.equal(bad, 0);
    } finally {
      d.cleanup();
    }
  });
}
