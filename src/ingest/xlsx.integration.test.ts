/**
 * An xlsx export imports as the same export in CSV does. The CSV cells are read by the CSV
 * reader and written to a workbook by exceljs (an independent writer); both files go into
 * fresh stores, and every canonical table must come out the same. The workbooks are big enough
 * that the reader's 1 MiB chunks cut CJK characters, which once broke shop names and order
 * statuses into U+FFFD.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir, tempStore } from '../../test/helpers/store.js';
import { importFile } from './index.js';
import { openTable } from './read/open-table.js';
import { writeBigExport, type BigExportKind } from './synthetic/big-export.js';
import { NOW, tableRows } from './test-fixtures.js';

const TABLES = ['shops', 'orders', 'order_lines', 'refunds', 'customers', 'products'];

/** The CSV's header and rows as text cells in one sheet. */
async function csvToXlsx(csv: string, xlsx: string, useSharedStrings: boolean): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings });
  const ws = wb.addWorksheet('订单');
  const opened = await openTable(csv);
  for await (const part of opened.parts) {
    ws.addRow(part.header).commit();
    for await (const batch of part.rows) for (const r of batch) ws.addRow(r.cells).commit();
  }
  ws.commit();
  await wb.commit();
}

const cases: [BigExportKind, boolean][] = [['douyin-bom', true], ['taobao-gbk', false]];
for (const [kind, useSharedStrings] of cases) {
  test(`${kind} as xlsx (${useSharedStrings ? 'shared' : 'inline'} strings) imports as its CSV does`, async () => {
    const d = tempDir();
    const fromCsv = await tempStore();
    const fromXlsx = await tempStore();
    try {
      const csv = join(d.dir, `${kind}.csv`);
      const xlsx = join(d.dir, `${kind}.xlsx`);
      await writeBigExport(csv, kind, 8000);
      await csvToXlsx(csv, xlsx, useSharedStrings);
      const a = await importFile(fromCsv.wh, csv, { now: NOW });
      const b = await importFile(fromXlsx.wh, xlsx, { now: NOW });
      assert.equal(b.run.encoding, 'xlsx');
      assert.equal(b.run.source, a.run.source);
      assert.deepEqual([b.run.rows_read, b.run.rows_inserted, b.run.rows_quarantined], [a.run.rows_read, a.run.rows_inserted, a.run.rows_quarantined]);
      assert.ok(a.run.rows_inserted > 8000);
      for (const t of TABLES) assert.equal(await tableRows(fromXlsx.wh, t), await tableRows(fromCsv.wh, t), `table ${t}`);
      assert.deepEqual(b.quality.map((f) => [f.check, f.found]), a.quality.map((f) => [f.check, f.found]));
    } finally {
      await fromCsv.cleanup();
      await fromXlsx.cleanup();
      d.cleanup();
    }
  });
}
