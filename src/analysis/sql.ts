/**
 * What every analysis query shares: bound parameters (never spliced values), the shop scope
 * (row-level security: every table read is restricted to the caller's shops) and the paid-
 * order caliber of METRICS.md.
 */
import type { SqlValue, Warehouse } from '../warehouse/index.js';

export type ShopScope = { shopIds: readonly string[] | 'all' };

export interface ScopeOption {
  scope?: ShopScope;
}

/** Collects bound values and hands out their placeholders in order. */
export class Params {
  readonly values: SqlValue[] = [];
  constructor(private readonly wh: Pick<Warehouse, 'dialect'>) {}

  add(value: SqlValue): string {
    this.values.push(value);
    return this.wh.dialect.param(this.values.length);
  }

  /** `shop_id IN (…)` for a scope; an empty scope matches nothing rather than everything. */
  scope(scope: ShopScope | undefined, column = 'shop_id'): string {
    if (!scope || scope.shopIds === 'all') return 'TRUE';
    if (scope.shopIds.length === 0) return 'FALSE';
    return `${column} IN (${scope.shopIds.map((s) => this.add(s)).join(', ')})`;
  }

  /** `col BETWEEN from AND to` on a DATE column; either end may be open. */
  days(column: string, from?: string, to?: string): string {
    const parts: string[] = [];
    if (from) parts.push(`${column} >= CAST(${this.add(from)} AS DATE)`);
    if (to) parts.push(`${column} <= CAST(${this.add(to)} AS DATE)`);
    return parts.length ? parts.join(' AND ') : 'TRUE';
  }
}

/**
 * Paid orders with a known buyer, as METRICS.md counts buyers: an order belongs to its
 * paid_day, buyers are distinct customer_id, and shops that hide the buyer (Pinduoduo: null
 * customer_id) drop out of buyer analyses — callers report how many orders that excluded.
 */
export function buyerOrdersSql(p: Params, scope: ShopScope | undefined, from?: string, to?: string): string {
  return `SELECT shop_id, customer_id, order_id, paid_day, paid_amount FROM orders
    WHERE paid_day IS NOT NULL AND customer_id IS NOT NULL AND ${p.scope(scope)} AND ${p.days('paid_day', from, to)}`;
}

/** Paid orders in scope whose buyer is unknown: they are excluded from buyer analyses and said so. */
export async function ordersWithoutBuyer(wh: Warehouse, scope: ShopScope | undefined, from?: string, to?: string): Promise<number> {
  const p = new Params(wh);
  const [row] = await wh.query<{ n: bigint }>(
    `SELECT count(*) AS n FROM orders WHERE paid_day IS NOT NULL AND customer_id IS NULL AND ${p.scope(scope)} AND ${p.days('paid_day', from, to)}`,
    p.values,
  );
  return Number(row?.n ?? 0n);
}
