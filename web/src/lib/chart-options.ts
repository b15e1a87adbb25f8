import type { ChartOption } from '../components/chart';
import { toNumber } from './format';
import type { Cell } from '../api/types';

/** ECharts options built from result rows; charts get numbers, tables keep exact text. */
export function lineOption(x: string[], series: Array<{ name: string; data: Cell[] }>, opts: { dark?: boolean; big?: boolean } = {}): ChartOption {
  const fontSize = opts.big ? 18 : 12;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize } },
    grid: { left: 60, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: x, axisLabel: { fontSize } },
    yAxis: { type: 'value', axisLabel: { fontSize } },
    backgroundColor: opts.dark ? 'transparent' : undefined,
    series: series.map((s) => ({ name: s.name, type: 'line', smooth: true, showSymbol: false, data: s.data.map(toNumber), areaStyle: series.length === 1 ? { opacity: 0.12 } : undefined })),
  };
}

export function barOption(categories: string[], series: Array<{ name: string; data: Cell[] }>, opts: { horizontal?: boolean; big?: boolean } = {}): ChartOption {
  const fontSize = opts.big ? 18 : 12;
  const cat = { type: 'category', data: categories, axisLabel: { fontSize, width: 110, overflow: 'truncate' } };
  const val = { type: 'value', axisLabel: { fontSize } };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: opts.horizontal ? 130 : 60, right: 24, top: series.length > 1 ? 36 : 16, bottom: 32 },
    xAxis: opts.horizontal ? val : cat,
    yAxis: opts.horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s) => ({ name: s.name, type: 'bar', data: s.data.map(toNumber), barMaxWidth: 36 })),
  };
}

export function pieOption(items: Array<{ name: string; value: Cell }>, opts: { big?: boolean } = {}): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: opts.big ? 18 : 12 } },
    series: [{ type: 'pie', radius: ['40%', '70%'], center: ['40%', '50%'], label: { show: false }, data: items.map((i) => ({ name: i.name, value: toNumber(i.value) })) }],
  };
}
