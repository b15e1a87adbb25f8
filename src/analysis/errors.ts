/** Errors the analysis layer can raise; codes are stable, messages zh + en. */
import { defineErrors } from '../core/errors.js';

type File = { file: string };

export const AnalysisErrors = defineErrors({
  ANALYSIS_UNKNOWN: {
    http: 404, userCaused: true,
    zh: (p: { name: string; known: string }) => `没有名为 ${p.name} 的分析,可用:${p.known}`,
    en: (p: { name: string; known: string }) => `no analysis named ${p.name}; available: ${p.known}`,
  },
  ANALYSIS_BAD_OPTIONS: {
    http: 400, userCaused: true,
    zh: (p: { name: string; detail: string }) => `分析 ${p.name} 的参数无效:${p.detail}`,
    en: (p: { name: string; detail: string }) => `invalid options for analysis ${p.name}: ${p.detail}`,
  },
  ANALYSIS_NO_DATA: {
    http: 422, userCaused: true,
    zh: (p: { name: string; what: string }) => `分析 ${p.name} 没有可用数据:${p.what}`,
    en: (p: { name: string; what: string }) => `analysis ${p.name} has no data to work on: ${p.what}`,
  },
  LTV_SUMMARY_UNREADABLE: {
    http: 400, userCaused: true,
    zh: (p: File & { reason: string }) => `无法读取汇总文件 ${p.file}:${p.reason}`,
    en: (p: File & { reason: string }) => `cannot read the summary file ${p.file}: ${p.reason}`,
  },
  LTV_SUMMARY_COLUMNS: {
    http: 400, userCaused: true,
    zh: (p: File & { found: string }) => `汇总文件 ${p.file} 缺少列:需要 frequency, recency, T(可选 monetary_value),或 x, t_x, T(可选 zbar);实际为 ${p.found}`,
    en: (p: File & { found: string }) => `summary file ${p.file} lacks columns: need frequency, recency, T (optional monetary_value) or x, t_x, T (optional zbar); found ${p.found}`,
  },
  LTV_SUMMARY_VALUE: {
    http: 400, userCaused: true,
    zh: (p: { value: string; expected: string }) => `值 "${p.value}" 无效,应为${p.expected}`,
    en: (p: { value: string; expected: string }) => `invalid value "${p.value}": expected ${p.expected}`,
  },
  LTV_SUMMARY_EMPTY: {
    http: 400, userCaused: true,
    zh: (p: File) => `汇总文件 ${p.file} 没有数据行`,
    en: (p: File) => `summary file ${p.file} has no data rows`,
  },
});
