import type { ChartOption } from '../components/chart';
import { toNumber } from './format';
import type { Cell } from '../api/types';

/** One line or bar series; a ratio (the catalog's unit) is drawn in percent. */
export interface Series { name: string; data: Cell[]; unit?: string }

const isRatio = (s: Series) => s.unit === 'ratio';
const numbers = (s: Series) => s.data.map((v) => {
  const n = toNumber(v);
  return n === null || !isRatio(s) ? n : Math.round(n * 10_000) / 100;
});

/** Axis labels in percent when every series on the axis is a ratio (a template, not a function: see chart.tsx). */
const valueAxis = (on: readonly Series[], fontSize: number) => ({
  type: 'value', axisLabel: { fontSize, ...(on.length > 0 && on.every(isRatio) ? { formatter: '{value}%' } : {}) },
});

/** The default tooltip, unless a ratio needs its % sign: then a template naming every series. */
const axisTooltip = (series: readonly Series[]) =>
  series.some(isRatio) ? { formatter: ['{b}', ...series.map((s, i) => `{a${i}}: {c${i}}${isRatio(s) ? '%' : ''}`)].join('<br/>') } : {};

/**
 * Two series of different units or sizes (visitors and buyers, 100 ×) each get their own
 * axis, or the smaller one lies flat on zero.
 */
function ownAxes(series: readonly Series[]): boolean {
  if (series.length !== 2) return false;
  const [a, b] = series.map((s) => Math.max(0, ...numbers(s).map((n) => Math.abs(n ?? 0))));
  return series[0]!.unit !== series[1]!.unit || Math.max(a!, b!) > 10 * Math.max(Math.min(a!, b!), 1e-9);
}

/** ECharts options built from result rows; charts get numbers, tables keep exact text. */
export function lineOption(x: string[], series: Series[], opts: { dark?: boolean; big?: boolean } = {}): ChartOption {
  const fontSize = opts.big ? 18 : 12;
  const two = ownAxes(series);
  return {
    tooltip: { trigger: 'axis', ...axisTooltip(series) },
    legend: { top: 0, textStyle: { fontSize } },
    grid: { left: 60, right: two ? 60 : 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: x, axisLabel: { fontSize } },
    // the right axis draws no grid lines of its own: two grids that do not line up read as noise
    yAxis: two ? series.map((s, i) => ({ ...valueAxis([s], fontSize), ...(i === 1 ? { splitLine: { show: false } } : {}) })) : valueAxis(series, fontSize),
    backgroundColor: opts.dark ? 'transparent' : undefined,
    series: series.map((s, i) => ({
      name: s.name, type: 'line', smooth: true, showSymbol: false, data: numbers(s), areaStyle: series.length === 1 ? { opacity: 0.12 } : undefined,
      ...(two ? { yAxisIndex: i } : {}),
    })),
  };
}

/** Width of a label in half-width units: a CJK character takes two. */
const units = (ch: string) => (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1);

/**
 * A long label keeps its head and its tail (简屿 纯棉菜刀…刀 ·7501): the end tells apart two
 * SKUs of one title, which cutting the tail off would hide. The tooltip has the whole name.
 */
export function shortLabel(text: string, max = 21): string {
  const chars = [...text];
  if (chars.reduce((n, c) => n + units(c), 0) <= max) return text;
  const take = (from: string[], budget: number) => {
    const out: string[] = [];
    for (const c of from) { if ((budget -= units(c)) < 0) break; out.push(c); }
    return out;
  };
  const tail = take([...chars].reverse(), 6).reverse();
  const head = take(chars, max - 1 - tail.reduce((n, c) => n + units(c), 0));
  return `${head.join('').trimEnd()}…${tail.join('')}`;
}

export function barOption(categories: string[], series: Series[], opts: { horizontal?: boolean; big?: boolean } = {}): ChartOption {
  const fontSize = opts.big ? 18 : 12;
  // horizontal bars name every category (interval 0): hiding every other province makes the chart need its tooltip
  const cat = {
    type: 'category', data: categories,
    // horizontal bars are named on the left, with room for a product's title (about 12 CJK characters)
    axisLabel: {
      fontSize, width: opts.horizontal ? 150 : 110, overflow: 'truncate',
      ...(opts.big ? {} : { formatter: (v: string) => shortLabel(v, opts.horizontal ? 21 : 15) }), ...(opts.horizontal ? { interval: 0 } : {}),
    },
  };
  const val = valueAxis(series, fontSize);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...axisTooltip(series) },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: opts.horizontal ? 170 : 60, right: 24, top: series.length > 1 ? 36 : 16, bottom: 32 },
    xAxis: opts.horizontal ? val : cat,
    yAxis: opts.horizontal ? { ...cat, inverse: true } : val,
    series: series.map((s) => ({ name: s.name, type: 'bar', data: numbers(s), barMaxWidth: 36 })),
  };
}

export function pieOption(items: Array<{ name: string; value: Cell }>, opts: { big?: boolean } = {}): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: opts.big ? 18 : 12 } },
    series: [{ type: 'pie', radius: ['40%', '70%'], center: ['40%', '50%'], label: { show: false }, data: items.map((i) => ({ name: i.name, value: toNumber(i.value) })) }],
  };
}
