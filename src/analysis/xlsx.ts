/**
 * An analysis result as a workbook: a summary sheet, then one sheet per table. Columns are
 * headed by their names ("支付金额 / Paid amount"); money and ratios are numbers with a number
 * format, so a seller can add them up and chart them in Excel (JSON and CSV keep the keys and
 * the exact decimal text).
 */
import type ExcelJS from 'exceljs';
import type { Field, FieldPlace } from './fields.js';
import type { AnalysisResult, Cell, Row } from './result.js';

const FORMATS: Partial<Record<Field['kind'], string>> = { money: '#,##0.00', ratio: '0.00%' };

/** Money and ratios as numbers; a code (segment, class …) by its name in the workbook's language. */
function cellValue(v: Cell, field: Field | undefined, lang: 'zh' | 'en'): Cell {
  if (typeof v === 'string' && (field?.kind === 'money' || field?.kind === 'ratio') && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (typeof v === 'string' && field?.values?.[v]) return field.values[v][lang];
  return v;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, title: string, key: string): string {
  const clean = (x: string) => x.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  const name = clean(title);
  return name && !wb.getWorksheet(name) ? name : clean(key);
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: readonly Row[], fields: Record<string, Field>, lang: 'zh' | 'en'): void {
  const ws = wb.addWorksheet(name);
  const keys = rows[0] ? Object.keys(rows[0]) : [];
  ws.columns = keys.map((k) => {
    const f = fields[k];
    const header = f ? `${f.zh} / ${f.en}` : k;
    const numFmt = f ? FORMATS[f.kind] : undefined;
    return { header, key: k, width: Math.max(10, Math.min(40, header.length + 4)), ...(numFmt ? { style: { numFmt } } : {}) };
  });
  for (const r of rows) ws.addRow(Object.fromEntries(keys.map((k) => [k, cellValue(r[k] ?? null, fields[k], lang)])));
}

/** Sheets are named by the tables' titles in `lang` (概要 first); headers are bilingual. */
export async function resultToXlsx(result: AnalysisResult, fields: Partial<Record<FieldPlace, Record<string, Field>>> = {}, lang: 'zh' | 'en' = 'zh'): Promise<Buffer> {
  const { default: Excel } = (await import('exceljs')) as { default: typeof ExcelJS }; // lazy: slow to load
  const wb = new Excel.Workbook();
  wb.creator = 'ShopLens';
  const head = fields.summary ?? {};
  const item = { zh: '项目', en: 'Item', kind: 'text' } as const;
  addSheet(wb, lang === 'zh' ? '概要' : 'Summary', [
    ...Object.entries(result.summary).map(([k, v]) => ({ item: head[k] ? `${head[k].zh} / ${head[k].en}` : k, value: v })),
    ...result.notes.map((n) => ({ item: '注 / note', value: `${n.zh} / ${n.en}` })),
  ], { item, value: { zh: '值', en: 'Value', kind: 'text' } }, lang);
  for (const [key, t] of Object.entries(result.tables)) addSheet(wb, sheetName(wb, t.title[lang], key), t.rows, fields[`tables.${key}`] ?? {}, lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
