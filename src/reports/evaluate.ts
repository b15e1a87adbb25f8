/**
 * Runs a report's blocks through the metric layer with the reader's scope and turns each
 * result into a typed table (money stays exact decimal text until the XLSX cell).
 */
import { dimensionLabels, isDimension, grainLabels } from '../metrics/dimensions.js';
import { runMetricQuery, type Catalog, type ResultColumn, type Scope } from '../metrics/index.js';
import type { Warehouse } from '../warehouse/index.js';
import type { ReportDef } from './definition.js';
import type { DayRange } from './period.js';
import type { CellKind, RenderedReport, ReportBlock, ReportColumn } from './table.js';

function columnOf(c: ResultColumn, catalog: Catalog): ReportColumn {
  if (c.kind === 'dimension') {
    const label = isDimension(c.name) ? dimensionLabels[c.name] : c.name in grainLabels ? grainLabels[c.name as keyof typeof grainLabels] : { zh: c.name, en: c.name };
    return { key: c.name, label, kind: c.name in grainLabels ? 'day' : 'text' };
  }
  const m = catalog.get(c.metric!);
  const suffix = { metric: { zh: '', en: '' }, prev: { zh: '(上期)', en: ' (previous)' }, change: { zh: '(变化)', en: ' (change)' }, change_pct: { zh: '(变化率)', en: ' (change %)' } }[c.kind];
  const kind: CellKind = c.kind === 'change_pct' || m.unit === 'ratio' ? 'percent' : m.unit === 'money' ? 'money' : m.unit === 'count' ? 'decimal' : 'decimal';
  return { key: c.name, label: { zh: m.name.zh + suffix.zh, en: m.name.en + suffix.en }, kind };
}

export async function evaluateReport(wh: Warehouse, catalog: Catalog, def: ReportDef, period: DayRange, scope: Scope, now = new Date()): Promise<RenderedReport> {
  const blocks: ReportBlock[] = [];
  for (const b of def.blocks) {
    const r = await runMetricQuery(wh, catalog, { ...b.query, from: period.from, to: period.to }, { scope });
    const columns = r.columns.map((c) => columnOf(c, catalog));
    // counts are integers unless the metric is an average; show them as such
    const fixed = columns.map((c) => (c.kind === 'decimal' && r.rows.every((row) => row[c.key] === null || Number.isInteger(row[c.key])) ? { ...c, kind: 'integer' as const } : c));
    blocks.push({
      title: b.title,
      columns: fixed,
      rows: r.rows,
      ...(r.previous ? { note: { zh: `对比期:${r.previous.from} 至 ${r.previous.to}`, en: `Compared with ${r.previous.from} to ${r.previous.to}` } } : {}),
    });
  }
  return { id: def.id, title: def.title, period, generatedAt: now, blocks };
}
