/** Error codes of the metric layer: catalog problems, bad metric queries, explain limits. */
import { defineErrors } from '../core/errors.js';

type Issue = { issue: string };

export const MetricErrors = defineErrors({
  METRIC_CATALOG_INVALID: {
    http: 400, userCaused: true,
    zh: (p: { file: string; count: number; details: string }) => `指标目录 ${p.file} 有 ${p.count} 处错误:\n${p.details}`,
    en: (p: { file: string; count: number; details: string }) => `metric catalog ${p.file} has ${p.count} problem(s):\n${p.details}`,
  },
  METRIC_CATALOG_UNREADABLE: {
    http: 400, userCaused: true,
    zh: (p: { file: string; reason: string }) => `无法读取指标目录 ${p.file}:${p.reason}`,
    en: (p: { file: string; reason: string }) => `cannot read metric catalog ${p.file}: ${p.reason}`,
  },
  METRIC_UNKNOWN: {
    http: 400, userCaused: true,
    zh: (p: { name: string; known: string }) => `未知指标 "${p.name}"(可用:${p.known})`,
    en: (p: { name: string; known: string }) => `unknown metric "${p.name}" (known: ${p.known})`,
  },
  METRIC_DIMENSION_UNKNOWN: {
    http: 400, userCaused: true,
    zh: (p: { name: string; known: string }) => `未知维度 "${p.name}"(可用:${p.known})`,
    en: (p: { name: string; known: string }) => `unknown dimension "${p.name}" (known: ${p.known})`,
  },
  METRIC_DIMENSION_UNSUPPORTED: {
    http: 400, userCaused: true,
    zh: (p: { metric: string; dimension: string }) => `指标 ${p.metric} 不能按维度 ${p.dimension} 拆分或筛选:其数据表不含该维度`,
    en: (p: { metric: string; dimension: string }) => `metric ${p.metric} cannot be split or filtered by ${p.dimension}: its tables do not carry it`,
  },
  METRIC_GRAIN_UNSUPPORTED: {
    http: 400, userCaused: true,
    zh: (p: { metric: string }) => `指标 ${p.metric} 是期末时点值,不能按时间粒度拆分`,
    en: (p: { metric: string }) => `metric ${p.metric} is an as-of-period-end value and cannot be split by a time grain`,
  },
  METRIC_QUERY_INVALID: {
    http: 400, userCaused: true,
    zh: (p: Issue) => `指标查询无效:${p.issue}`,
    en: (p: Issue) => `invalid metric query: ${p.issue}`,
  },
  METRIC_COMPARE_UNAVAILABLE: {
    http: 400, userCaused: true,
    zh: (p: Issue) => `无法对比:${p.issue}`,
    en: (p: Issue) => `cannot compare: ${p.issue}`,
  },
  METRIC_EXPLAIN_UNSUPPORTED: {
    http: 400, userCaused: true,
    zh: (p: { metric: string }) => `指标 ${p.metric} 没有可分解的驱动因子`,
    en: (p: { metric: string }) => `metric ${p.metric} has no drivers to decompose into`,
  },
});
