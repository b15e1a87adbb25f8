/** What the day-by-day generator carries from one day to the next. */
import { dayNumberInZone, dayNumberToText } from '../core/time.js';
import type * as R from '../model/index.js';
import type { DayInfo } from './calendar.js';
import type { ShopCatalog } from './catalog.js';
import type { CustomerPool } from './customers.js';
import type { IncidentBook } from './incidents.js';
import type { Rng } from './prng.js';
import type { ShopSpec } from './shops.js';
import type { Tee } from './tee.js';

/** Row type of every table the demo loads, by table name. */
export interface DemoTables extends Record<string, unknown> {
  shops: R.ShopRow;
  products: R.ProductRow;
  campaigns: R.CampaignRow;
  campaign_phases: R.CampaignPhaseRow;
  customers: R.CustomerRow;
  orders: R.OrderRow;
  order_lines: R.OrderLineRow;
  refunds: R.RefundRow;
  traffic_daily: R.TrafficDailyRow;
  ad_spend_daily: R.AdSpendDailyRow;
  inventory_daily: R.InventoryDailyRow;
  purchases: R.PurchaseRow;
  expenses: R.ExpenseRow;
  settlements: R.SettlementRow;
  cs_sessions: R.CsSessionRow;
  live_sessions: R.LiveSessionRow;
  market_sizes: R.MarketSizeRow;
  incidents: R.IncidentRow;
  order_status_history: R.OrderStatusHistoryRow;
}

export const TIMEZONE = 'Asia/Shanghai';

/** Business day text of a UTC instant, cut in the shops' zone (cached by day number). */
export class DayCutter {
  private readonly texts = new Map<number, string>();
  ofMs(ms: number): string {
    const n = dayNumberInZone(ms, TIMEZONE);
    let t = this.texts.get(n);
    if (t === undefined) {
      t = dayNumberToText(n);
      this.texts.set(n, t);
    }
    return t;
  }
}

/** Running totals a later table is derived from (campaign targets, market sizes). */
export interface Tally {
  orderLines: number;
  orders: number;
  /** paid amount by campaign id and by `campaign|phase` */
  campaignPaid: Map<string, number>;
  campaignNewBuyers: Map<string, number>;
  campaignAdCost: Map<string, number>;
  /** paid amount by `platform|category_l1|YYYY-MM-01` */
  marketPaid: Map<string, number>;
}

export interface World {
  rng: Rng;
  shops: readonly ShopSpec[];
  catalogs: readonly ShopCatalog[];
  /** buyers per shop; null where the platform hides buyers (Pinduoduo) */
  pools: readonly (CustomerPool | null)[];
  /** units available per shop and catalog index */
  stock: Int32Array[];
  /** units sold today per shop and catalog index */
  soldToday: Int32Array[];
  incidents: IncidentBook;
  days: readonly DayInfo[];
  /** expected order count per shop on a day with demand 1 */
  baseOrders: readonly number[];
  /** end of the end day (exclusive), UTC ms: nothing happens after it */
  endMs: number;
  cut: DayCutter;
  seq: { order: number[]; refund: number[]; cs: number[] };
  tally: Tally;
  tee: Tee<DemoTables>;
}

export function addTo(map: Map<string, number>, key: string, v: number): void {
  map.set(key, (map.get(key) ?? 0) + v);
}
