/**
 * Every problem an import can report. Row-level codes quarantine the row (or reject the file
 * with --strict); file-level codes stop the run before anything is written.
 */
import { defineErrors } from '../core/errors.js';

type F = { file: string };
type Cell = { column: string; value: string };

export const IngestErrors = defineErrors({
  INGEST_FILE_MISSING: {
    http: 404, userCaused: true,
    zh: (p: F) => `找不到文件 ${p.file}`,
    en: (p: F) => `file not found: ${p.file}`,
  },
  INGEST_FILE_EMPTY: {
    http: 400, userCaused: true,
    zh: (p: F) => `文件 ${p.file} 是空的或只有表头`,
    en: (p: F) => `file ${p.file} is empty or has only a header`,
  },
  INGEST_FILE_BINARY: {
    http: 400, userCaused: true,
    zh: (p: F) => `文件 ${p.file} 不是文本表格(CSV)也不是 Excel(xlsx)文件`,
    en: (p: F) => `file ${p.file} is neither a text table (CSV) nor an Excel (xlsx) workbook`,
  },
  INGEST_FILE_XLS: {
    http: 400, userCaused: true,
    zh: (p: F) => `文件 ${p.file} 是旧版 Excel 97-2003(.xls)工作簿,或设了密码的 Excel 文件:请在 Excel 或 WPS 中打开(去掉密码),另存为 .xlsx 或 CSV 后再导入`,
    en: (p: F) => `file ${p.file} is an old Excel 97-2003 (.xls) workbook or a password-protected Excel file: open it in Excel or WPS (remove the password), save it as .xlsx or CSV, then import that`,
  },
  INGEST_FILE_MARKUP: {
    http: 400, userCaused: true,
    zh: (p: F) => `文件 ${p.file} 是网页(HTML)或 XML 表格,不是 CSV:请在 Excel 或 WPS 中打开,另存为 .xlsx 或 CSV 后再导入`,
    en: (p: F) => `file ${p.file} is a web page (HTML) or XML table, not a CSV: open it in Excel or WPS, save it as .xlsx or CSV, then import that`,
  },
  INGEST_FILE_TRUNCATED: {
    http: 400, userCaused: true,
    zh: (p: F & { detail: string }) => `文件 ${p.file} 不完整(可能下载中断):${p.detail}`,
    en: (p: F & { detail: string }) => `file ${p.file} is truncated (interrupted download?): ${p.detail}`,
  },
  INGEST_FORMAT_UNKNOWN: {
    http: 400, userCaused: true,
    zh: (p: F & { headers: string }) => `无法识别 ${p.file} 的格式(表头:${p.headers});用 --source 指定格式,或用 --mapping 给出列映射;shoplens sources 列出支持的格式`,
    en: (p: F & { headers: string }) => `cannot tell the format of ${p.file} (headers: ${p.headers}); name it with --source or give a column mapping with --mapping; shoplens sources lists the formats`,
  },
  INGEST_SOURCE_UNKNOWN: {
    http: 400, userCaused: true,
    zh: (p: { source: string; known: string }) => `未知的数据源格式 "${p.source}",可选:${p.known}`,
    en: (p: { source: string; known: string }) => `unknown source format "${p.source}"; known: ${p.known}`,
  },
  INGEST_HEADER_MISSING: {
    http: 400, userCaused: true,
    zh: (p: F & { source: string; columns: string }) => `${p.file} 缺少 ${p.source} 格式的必需列:${p.columns}`,
    en: (p: F & { source: string; columns: string }) => `${p.file} lacks columns the ${p.source} format needs: ${p.columns}`,
  },
  INGEST_SHOP_MISSING: {
    http: 400, userCaused: true,
    zh: (p: F) => `${p.file} 没有写明店铺(店铺名称/店铺Id/店铺列):请在数据页的“店铺”栏填写,命令行用 --shop 指定`,
    en: (p: F) => `${p.file} does not name its shop (店铺名称/店铺Id/店铺 column): fill in the Shop field on the data page, or give --shop on the command line`,
  },
  INGEST_STRICT_REJECTED: {
    http: 400, userCaused: true,
    zh: (p: F & { count: number; first: string }) => `--strict:${p.file} 有 ${p.count} 行错误,整个文件未导入。第一处:${p.first}`,
    en: (p: F & { count: number; first: string }) => `--strict: ${p.file} has ${p.count} bad rows; nothing was imported. First: ${p.first}`,
  },
  INGEST_MAPPING_INVALID: {
    http: 400, userCaused: true,
    zh: (p: F & { detail: string }) => `列映射文件 ${p.file} 无效:${p.detail}`,
    en: (p: F & { detail: string }) => `column mapping ${p.file} is invalid: ${p.detail}`,
  },
  INGEST_RUN_UNKNOWN: {
    http: 404, userCaused: true,
    zh: (p: { run: string }) => `没有导入批次 ${p.run}(shoplens quality 或 import 输出里有批次号)`,
    en: (p: { run: string }) => `no import run ${p.run} (run ids are printed by shoplens import)`,
  },
  // Row-level codes: the row goes to quarantine with file, row and column.
  INGEST_REQUIRED_MISSING: {
    http: 400, userCaused: true,
    zh: (p: { column: string }) => `必填列 ${p.column} 为空`,
    en: (p: { column: string }) => `required column ${p.column} is empty`,
  },
  INGEST_ID_SCIENTIFIC: {
    http: 400, userCaused: true,
    zh: (p: Cell) => `${p.column} 的值 "${p.value}" 是科学计数法或带小数,文件可能被 Excel 另存过,编号位数已丢失;请重新从后台导出原始文件`,
    en: (p: Cell) => `${p.column} value "${p.value}" is in scientific notation or has decimals: the file was re-saved by Excel and the ID lost digits; export the original file again`,
  },
  INGEST_ID_INVALID: {
    http: 400, userCaused: true,
    zh: (p: Cell) => `${p.column} 的编号 "${p.value}" 格式不对`,
    en: (p: Cell) => `${p.column} value "${p.value}" is not a valid ID`,
  },
  INGEST_AMOUNT_INVALID: {
    http: 400, userCaused: true,
    zh: (p: Cell) => `${p.column} 的金额 "${p.value}" 无法识别(应为如 1,299.00 的金额,最多两位小数)`,
    en: (p: Cell) => `${p.column} amount "${p.value}" is not an amount (expected e.g. 1,299.00, at most 2 decimals)`,
  },
  INGEST_NUMBER_INVALID: {
    http: 400, userCaused: true,
    zh: (p: Cell) => `${p.column} 的数量 "${p.value}" 不是整数`,
    en: (p: Cell) => `${p.column} value "${p.value}" is not a whole number`,
  },
  INGEST_DURATION_INVALID: {
    http: 400, userCaused: true,
    zh: (p: Cell) => `${p.column} 的时长 "${p.value}" 无法识别(应为如 32、32秒、1分5秒 或 00:01:05)`,
    en: (p: Cell) => `${p.column} duration "${p.value}" is not a duration (expected e.g. 32, 32秒, 1分5秒 or 00:01:05)`,
  },
  INGEST_DATE_INVALID: {
    http: 400, userCaused: true,
    zh: (p: Cell) => `${p.column} 的时间 "${p.value}" 无法识别(应为 2026-03-01 10:00:00 或 2026/3/1 10:00)`,
    en: (p: Cell) => `${p.column} time "${p.value}" is not a date (expected 2026-03-01 10:00:00 or 2026/3/1 10:00)`,
  },
  INGEST_ROW_SHORT: {
    http: 400, userCaused: true,
    zh: (p: { expected: number; found: number }) => `这一行只有 ${p.found} 列,表头有 ${p.expected} 列`,
    en: (p: { expected: number; found: number }) => `row has ${p.found} cells, the header has ${p.expected}`,
  },
});

export type IngestErrorCode = keyof typeof IngestErrors;
