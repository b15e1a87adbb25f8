import { defineErrors } from '../core/errors.js';

export const ReportErrors = defineErrors({
  REPORT_INVALID: {
    http: 400, userCaused: true,
    zh: (p: { report: string; detail: string }) => `报表 ${p.report} 定义无效:${p.detail}`,
    en: (p: { report: string; detail: string }) => `report ${p.report} is not valid: ${p.detail}`,
  },
  REPORT_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { name: string }) => `找不到报表或看板 "${p.name}"(用 shoplens report list 查看已保存的报表)`,
    en: (p: { name: string }) => `no saved report or dashboard named "${p.name}" (see shoplens report list)`,
  },
  REPORT_FORMAT_UNKNOWN: {
    http: 400, userCaused: true,
    zh: (p: { file: string }) => `无法从文件名 ${p.file} 判断输出格式:请用 .pdf、.xlsx 或 .html 结尾`,
    en: (p: { file: string }) => `cannot tell the output format from ${p.file}: end it with .pdf, .xlsx or .html`,
  },
  REPORT_CHROMIUM_MISSING: {
    http: 500, userCaused: true,
    zh: (p: { path: string }) => `生成 PDF 需要 Chromium,但 ${p.path} 不存在:请安装(Debian: apt-get install chromium)或设置 SHOPLENS_CHROMIUM`,
    en: (p: { path: string }) => `PDF output needs Chromium but ${p.path} does not exist: install it (Debian: apt-get install chromium) or set SHOPLENS_CHROMIUM`,
  },
  REPORT_RENDER_FAILED: {
    http: 500, userCaused: false,
    zh: (p: { format: string; reason: string }) => `生成 ${p.format} 失败:${p.reason}`,
    en: (p: { format: string; reason: string }) => `rendering ${p.format} failed: ${p.reason}`,
  },
  REPORT_ARCHIVE_NOT_FOUND: {
    http: 404, userCaused: true,
    zh: (p: { file: string }) => `归档中没有文件 ${p.file}`,
    en: (p: { file: string }) => `no archived file ${p.file}`,
  },
});
