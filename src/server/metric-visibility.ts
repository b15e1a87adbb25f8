/**
 * Which metrics a reader may see, for every way a number leaves the server: the catalog, a
 * query, an explanation, a scheduled report. A metric is finance when it or anything it is
 * computed from is (profit is sales minus cost: hiding gross_profit but showing its parts would
 * give it away).
 */
import { canSeeMetric, isFinanceMetric } from '../auth/finance-metrics.js';
import type { Principal } from '../auth/principal.js';
import type { CompiledMetric } from '../metrics/catalog/resolve.js';
import type { Catalog } from '../metrics/index.js';

export function visibleTo(principal: Principal, catalog: Catalog, m: CompiledMetric): boolean {
  if (!canSeeMetric(principal, m.id)) return false;
  if (principal.permissions.has('metrics:finance')) return true;
  return m.leaves.every((leaf) => {
    const forms = catalog.metrics.get(leaf)?.forms ?? [];
    // Facts are named after the tables they read (expenses, settlements, purchases …); the
    // columns a measure reads say the rest (sold_cogs is qty × unit_cost).
    const columns = forms.flatMap((f) => [...(f.sql ?? []), ...(f.filter ?? [])]).flatMap((p) => ('column' in p ? [p.column] : []));
    return !isFinanceMetric({ id: leaf, tables: forms.map((f) => f.fact), columns });
  });
}

/** The same for a metric named by id; one the catalog does not know is judged by its id alone. */
export function visibleId(principal: Principal, catalog: Catalog, id: string): boolean {
  const m = catalog.metrics.get(id);
  return m ? visibleTo(principal, catalog, m) : canSeeMetric(principal, id);
}
