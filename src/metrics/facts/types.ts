/**
 * A fact is one relation the compiler aggregates on its own: a base table (or a grouped
 * subquery of one) plus the joins that bring dimensions. Measures of different facts are
 * aggregated separately and only then combined — that is the fan-out safety.
 */
import type { Dialect } from '../../warehouse/index.js';
import type { DimensionName } from '../dimensions.js';

export const factNames = [
  'orders', 'lines', 'refunds', 'traffic', 'ads', 'expenses', 'settlements', 'inventory', 'purchases',
  'buyer_firsts', 'ltv', 'cs', 'live', 'campaign_orders', 'campaign_targets', 'members', 'market',
  'orders_daily', 'orders_created_daily', 'lines_daily', 'buyers_daily', 'buyer_keys',
] as const;
export type FactName = (typeof factNames)[number];

/** What a relation needs from the query being compiled. */
export interface RelationContext {
  readonly d: Dialect;
  /** ` AND <alias>.shop_id IN (…)` when the query is scoped to some shops, else '' */
  scope(alias: string): string;
  /** placeholder of the query period's first / last day (a DATE) */
  readonly fromDay: string;
  readonly toDay: string;
  /** every group of the query holds a single shop (grouped or filtered by one shop) */
  readonly singleShop?: boolean;
}

type Sql = (ctx: RelationContext) => string;

/** A column of the fact: SQL over the relation's aliases, and the joins it needs. */
export interface FactColumn {
  readonly sql: Sql;
  readonly joins?: readonly string[];
  /** an equivalent, cheaper expression when every group holds one shop (keys need no shop prefix) */
  readonly withinShop?: Sql;
}

export interface FactDef {
  readonly name: FactName;
  readonly doc: string;
  /** alias of the base table whose shop_id a scoped query restricts (joins restrict their own) */
  readonly alias?: string;
  readonly from: Sql;
  /** join name → SQL and the joins it builds on; emitted in declaration order */
  readonly joins: Readonly<Record<string, { sql: Sql; needs?: readonly string[] }>>;
  readonly columns: Readonly<Record<string, FactColumn>>;
  readonly dims: Readonly<Partial<Record<DimensionName, FactColumn>>>;
  /** time columns; `default` is the period membership of the fact */
  readonly times: Readonly<Record<string, FactColumn>> & { default: FactColumn };
  /** as-of facts count what exists at the period end: time filter is `<= to`, no grain */
  readonly asOf?: boolean;
  /** a rollup kept fresh by src/metrics/rollups; skipped when rollups are off */
  readonly rollup?: boolean;
  /**
   * A row's value is whole only once the store's data runs this many days past the row's time
   * (a 180-day LTV); a group holding a row that is not yet whole answers null, not a part.
   */
  readonly wholeAfterDays?: number;
}

export const col = (sql: string | Sql, ...joins: string[]): FactColumn => ({
  sql: typeof sql === 'string' ? () => sql : sql,
  ...(joins.length > 0 ? { joins } : {}),
});

/** `JOIN shops s` with the scope restriction: brings platform. */
export const shopsJoin = (alias: string) => ({
  sql: (c: RelationContext) => `JOIN shops s ON s.shop_id = ${alias}.shop_id${c.scope('s')}`,
});

export const productsJoin = (alias: string, skuColumn = 'sku_id') => ({
  sql: (c: RelationContext) => `LEFT JOIN products p ON p.shop_id = ${alias}.shop_id AND p.sku_id = ${alias}.${skuColumn}${c.scope('p')}`,
});

/** Buyer key, unique across shops. Where the platform hides the buyer (Pinduoduo), each order counts as one buyer. */
export const buyerKey = (d: Dialect, o: string) => d.concat([`${o}.shop_id`, `'|'`, buyerInShop(d, o)]);
const buyerInShop = (d: Dialect, o: string) => `coalesce(${o}.customer_id, ${d.concat([`'order:'`, `${o}.order_id`])})`;

/** A key unique across shops (`shop|id`), or just the id when every group holds one shop. */
export const shopKey = (alias: string, id: string, ...joins: string[]): FactColumn => ({
  sql: (c) => c.d.concat([`${alias}.shop_id`, `'|'`, id]),
  withinShop: () => id,
  ...(joins.length > 0 ? { joins } : {}),
});

export const buyerColumn = (o: string, ...joins: string[]): FactColumn => ({
  sql: (c) => buyerKey(c.d, o),
  withinShop: (c) => buyerInShop(c.d, o),
  ...(joins.length > 0 ? { joins } : {}),
});

export const categoryDims = {
  category_l1: col('p.category_l1', 'p'),
  category_l2: col('p.category_l2', 'p'),
  category_l3: col('p.category_l3', 'p'),
} as const;
