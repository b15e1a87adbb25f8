/**
 * XLSX through exceljs: a cover sheet, then one sheet per block. Numbers are written as
 * numbers with a number format (money `#,##0.00`, percent `0.0%`), so a seller can sum and
 * chart them in Excel/WPS — never as text that merely looks like a number.
 */
import type ExcelJSNs from 'exceljs';
import type { Lang } from '../alerts/notify/types.js';
import { cellNumber, numericKinds, type CellKind, type RenderedReport } from './table.js';

const numFmt: Partial<Record<CellKind, string>> = { money: '#,##0.00', integer: '#,##0', decimal: '#,##0.00', percent: '0.0%' };

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function renderXlsx(r: RenderedReport, lang: Lang): Promise<Buffer> {
  const { default: ExcelJS } = (await import('exceljs')) as { default: typeof ExcelJSNs }; // lazy: slow to load
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ShopLens';
  wb.created = r.generatedAt;
  const taken = new Set<string>();
  const cover = wb.addWorksheet(sheetName(lang === 'zh' ? '概览' : 'Overview', taken));
  cover.addRow([r.title[lang]]).font = { bold: true, size: 14 };
  cover.addRow([lang === 'zh' ? '统计周期' : 'Period', `${r.period.from} ~ ${r.period.to}`]);
  cover.addRow([lang === 'zh' ? '生成时间' : 'Generated', r.generatedAt.toISOString()]);
  cover.getColumn(1).width = 16;
  cover.getColumn(2).width = 28;
  for (const block of r.blocks) {
    const ws = wb.addWorksheet(sheetName(block.title[lang], taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(block.columns.map((c) => c.label[lang]));
    header.font = { bold: true };
    for (const row of block.rows) {
      ws.addRow(block.columns.map((c) => (numericKinds.has(c.kind) ? cellNumber(c.kind, row[c.key] ?? null) : (row[c.key] ?? null) === null ? null : String(row[c.key]))));
    }
    block.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      const fmt = numFmt[c.kind];
      if (fmt) col.numFmt = fmt;
      col.width = Math.max(10, Math.min(40, c.label[lang].length * 2 + 4));
    });
    // the header keeps the General format so it stays text
    header.eachCell((cell) => { cell.numFmt = 'General'; });
    if (block.note) {
      ws.addRow([]);
      ws.addRow([block.note[lang]]).font = { italic: true, color: { argb: 'FF666666' } };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
