/**
 * What of an analysis a reader may see (the metric rule of metric-visibility.ts, for analyses):
 * an analysis that is all cost, profit or settlements needs metrics:finance, one that lists
 * buyers needs customers:read — refused before it runs. A result that only carries such fields
 * or tables comes back without them, and a note says what was left out and why.
 */
import type { AnalysisResult, Row, Sensitive } from '../analysis/index.js';
import { fail } from '../core/errors.js';
import { AuthErrors } from '../auth/errors.js';
import type { Permission } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';

const needed = { finance: 'metrics:finance', buyers: 'customers:read' } as const satisfies Record<keyof Sensitive, Permission>;

/** Throws AUTH_FORBIDDEN when the whole analysis is of a kind the reader may not see. */
export function assertMaySeeAnalysis(principal: Principal, sensitive: Sensitive): void {
  for (const kind of ['finance', 'buyers'] as const) {
    if (sensitive[kind] === 'all' && !principal.permissions.has(needed[kind])) fail(AuthErrors.AUTH_FORBIDDEN, { permission: needed[kind] });
  }
}

/** The result without the finance fields and buyer tables the reader may not see. */
export function withholdFromResult(principal: Principal, sensitive: Sensitive, result: AnalysisResult): AnalysisResult {
  const fields = !principal.permissions.has(needed.finance) && Array.isArray(sensitive.finance) ? sensitive.finance : [];
  const tables = !principal.permissions.has(needed.buyers) && Array.isArray(sensitive.buyers) ? sensitive.buyers : [];
  const dropFields = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([k]) => !fields.includes(k)));
  const hiddenTables = tables.filter((t) => t in result.tables);
  const hiddenFields = fields.filter((f) => f in result.summary || Object.values(result.tables).some((t) => t.rows.some((r) => f in r)));
  if (hiddenTables.length === 0 && hiddenFields.length === 0) return result;
  const notes = [...result.notes];
  if (hiddenFields.length > 0) notes.push({ zh: `成本类数据(${hiddenFields.join('、')})需要 ${needed.finance} 权限,未显示`, en: `cost figures (${hiddenFields.join(', ')}) need ${needed.finance} and are not shown` });
  if (hiddenTables.length > 0) notes.push({ zh: `买家名单需要 ${needed.buyers} 权限,未显示`, en: `buyer lists need ${needed.buyers} and are not shown` });
  return {
    ...result,
    summary: dropFields(result.summary),
    tables: Object.fromEntries(Object.entries(result.tables)
      .filter(([name]) => !hiddenTables.includes(name))
      .map(([name, t]) => [name, { ...t, rows: t.rows.map(dropFields) }])),
    notes,
  };
}
