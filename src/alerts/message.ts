/**
 * An alert event → the channel-agnostic message: what moved, by how much, against what
 * baseline, and which dimension values contributed most. Numbers are formatted in the metric's
 * unit; the wording is bilingual and each channel picks its language.
 */
import type { Catalog } from '../metrics/catalog/load.js';
import type { CompiledMetric } from '../metrics/catalog/resolve.js';
import { dimensionLabels, isDimension } from '../metrics/dimensions.js';
import type { EntityNames } from './entity-names.js';
import type { AlertEvent } from './lifecycle.js';
import type { Localized, MessageFact, NotifyMessage } from './notify/types.js';
import type { AlertRule } from './rules/schema.js';

type MetricInfo = Pick<CompiledMetric, 'id' | 'name' | 'unit'>;

export function formatMetricValue(v: number | null, unit: CompiledMetric['unit']): string {
  if (v === null || !Number.isFinite(v)) return '—';
  switch (unit) {
    case 'ratio':
      return `${(v * 100).toFixed(1)}%`;
    case 'money':
      return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'count':
      return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toFixed(1);
    case 'days':
    case 'hours':
    case 'seconds':
    case 'number':
      return v.toFixed(2);
  }
}

/** ratio metrics move in percentage points; others by a relative change */
function changeText(ev: AlertEvent, unit: CompiledMetric['unit']): Localized {
  if (ev.value === null || ev.baseline === null) return { zh: '', en: '' };
  if (unit === 'ratio') {
    const pts = ((ev.value - ev.baseline) * 100).toFixed(1);
    const signed = ev.value >= ev.baseline ? `+${pts}` : pts;
    return { zh: `${signed} 个百分点`, en: `${signed} pts` };
  }
  if (ev.deltaRatio === null) return { zh: '', en: '' };
  const pct = `${ev.deltaRatio >= 0 ? '+' : ''}${(ev.deltaRatio * 100).toFixed(1)}%`;
  return { zh: pct, en: pct };
}

const basisText = (rule: AlertRule): Localized => {
  const c = rule.condition;
  switch (c.kind) {
    case 'threshold':
      return c.againstMetric ? { zh: `目标(${c.againstMetric})`, en: `target (${c.againstMetric})` } : { zh: '阈值', en: 'threshold' };
    case 'change':
      return c.basis === 'previous_period' ? { zh: '上期', en: 'previous period' } : { zh: '去年同期', en: 'same period last year' };
    case 'anomaly':
      return c.method === 'seasonal' ? { zh: '季节性基线(同星期中位数)', en: 'seasonal baseline (weekday median)' } : { zh: '近期基线(中位数)', en: 'recent baseline (median)' };
    case 'freshness':
      return { zh: `近 ${c.lookbackDays} 天日常水平`, en: `typical of the last ${c.lookbackDays} days` };
  }
};

/** `names` (entity-names.ts) says 简屿生活馆 for shop=taobao_store; a value without a name reads as its id. */
export function entityText(entity: Readonly<Record<string, string>>, names: EntityNames = {}): Localized {
  const parts = Object.entries(entity);
  if (parts.length === 0) return { zh: '全部', en: 'all' };
  const label = (d: string, lang: 'zh' | 'en') => (isDimension(d) ? dimensionLabels[d][lang] : d);
  const shown = (d: string, v: string) => (d === 'sku' && entity.shop !== undefined ? names[`sku=${v}@${entity.shop}`] : undefined) ?? names[`${d}=${v}`] ?? v;
  return {
    zh: parts.map(([d, v]) => `${label(d, 'zh')} ${shown(d, v)}`).join(','),
    en: parts.map(([d, v]) => `${label(d, 'en')} ${shown(d, v)}`).join(', '),
  };
}

/** What a rule's value is: its metric, or `metric ÷ per` (a ratio) for rules with `per`. */
export function ruleMetricInfo(catalog: Pick<Catalog, 'get'>, rule: Pick<AlertRule, 'metric' | 'per'>): MetricInfo {
  const m = catalog.get(rule.metric);
  if (rule.per === undefined) return m;
  const d = catalog.get(rule.per);
  return { id: `${m.id}/${d.id}`, name: { zh: `${m.name.zh} / ${d.name.zh}`, en: `${m.name.en} per ${d.name.en}` }, unit: 'ratio' };
}

export function alertMessage(ev: AlertEvent, rule: AlertRule, metric: MetricInfo, options: { baseUrl?: string; names?: EntityNames } = {}): NotifyMessage {
  const who = entityText(ev.entity, options.names);
  const v = formatMetricValue(ev.value, metric.unit);
  const b = formatMetricValue(ev.baseline, metric.unit);
  const basis = basisText(rule);
  const ch = changeText(ev, metric.unit);
  const facts: MessageFact[] = [
    { label: { zh: '指标', en: 'Metric' }, value: `${metric.name.zh} / ${metric.name.en}` },
    { label: { zh: '对象', en: 'Scope' }, value: who.zh === who.en ? who.zh : `${who.zh} / ${who.en}` },
    { label: { zh: '日期', en: 'Day' }, value: ev.openedDay },
  ];
  if (ev.z !== undefined && Number.isFinite(ev.z)) facts.push({ label: { zh: '稳健 z 值', en: 'robust z' }, value: ev.z.toFixed(1) });
  for (const c of (ev.contributors ?? []).slice(0, 3)) {
    facts.push({ label: { zh: `主要贡献(${c.dimension})`, en: `Top contributor (${c.dimension})` }, value: `${c.value}: ${(c.share * 100).toFixed(0)}%` });
  }
  return {
    kind: 'alert',
    id: ev.id,
    severity: ev.severity,
    title: { zh: `${rule.name.zh}:${who.zh}`, en: `${rule.name.en}: ${who.en}` },
    lines: [{
      zh: `${metric.name.zh} ${v},${basis.zh} ${b}${ch.zh ? `(${ch.zh})` : ''}`,
      en: `${metric.name.en} ${v} vs ${basis.en} ${b}${ch.en ? ` (${ch.en})` : ''}`,
    }],
    facts,
    ...(options.baseUrl ? { link: { url: `${options.baseUrl.replace(/\/$/, '')}/alerts/${encodeURIComponent(ev.id)}`, label: { zh: '在 ShopLens 中查看', en: 'Open in ShopLens' } } } : {}),
  };
}
