/**
 * The FROM … WHERE of one fact for one period: only the joins the query needs, the period,
 * the filters, the shop scope on the base table (joins restrict their own tables).
 */
import { renderFragment, type FragmentPart } from '../catalog/fragment.js';
import type { DimensionName } from '../dimensions.js';
import type { FactColumn, FactDef, RelationContext } from '../facts/index.js';

export class FactSql {
  private readonly joins = new Set<string>();

  constructor(readonly fact: FactDef, readonly ctx: RelationContext) {}

  private use(c: FactColumn): string {
    for (const j of c.joins ?? []) this.need(j);
    return this.ctx.singleShop && c.withinShop ? c.withinShop(this.ctx) : c.sql(this.ctx);
  }

  private need(j: string): void {
    if (this.joins.has(j)) return;
    for (const dep of this.fact.joins[j]?.needs ?? []) this.need(dep);
    this.joins.add(j);
  }

  dim(d: DimensionName): string {
    const c = this.fact.dims[d];
    if (!c) throw new Error(`fact ${this.fact.name} has no dimension ${d}`); // plan.ts checked it
    return this.use(c);
  }

  time(name: string): string {
    return this.use(this.fact.times[name] ?? this.fact.times.default);
  }

  fragment(parts: readonly FragmentPart[]): string {
    return renderFragment(parts, (name) => this.use(this.fact.columns[name]!));
  }

  /** FROM and joins; call after every dim/time/fragment has been rendered. */
  from(): string {
    const js = Object.entries(this.fact.joins).filter(([name]) => this.joins.has(name)).map(([, j]) => j.sql(this.ctx));
    return [`FROM ${this.fact.from(this.ctx)}`, ...js].join(' ');
  }

  scopeWhere(): string[] {
    const s = this.fact.alias ? this.ctx.scope(this.fact.alias) : '';
    return s ? [s.replace(/^ AND /, '')] : [];
  }
}
