/** An analysis result as a workbook: a summary sheet, then one sheet per table. */
import type ExcelJS from 'exceljs';
import type { AnalysisResult, Row } from './result.js';

function addSheet(wb: ExcelJS.Workbook, name: string, rows: readonly Row[]): void {
  // Excel sheet names: at most 31 characters, none of []:*?/\
  const ws = wb.addWorksheet(name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31));
  const cols = rows[0] ? Object.keys(rows[0]) : [];
  ws.columns = cols.map((c) => ({ header: c, key: c, width: Math.max(10, c.length + 2) }));
  for (const r of rows) ws.addRow(r);
}

export async function resultToXlsx(result: AnalysisResult): Promise<Buffer> {
  const { default: Excel } = (await import('exceljs')) as { default: typeof ExcelJS }; // lazy: slow to load
  const wb = new Excel.Workbook();
  wb.creator = 'ShopLens';
  addSheet(wb, 'summary', [
    ...Object.entries(result.summary).map(([k, v]) => ({ item: k, value: v })),
    ...result.notes.map((n) => ({ item: 'note', value: `${n.zh} / ${n.en}` })),
  ]);
  for (const [name, t] of Object.entries(result.tables)) addSheet(wb, name, t.rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
