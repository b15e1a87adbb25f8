import { adsFact, csFact, expensesFact, inventoryFact, liveFact, marketFact, membersFact, purchasesFact, trafficFact } from './operations.js';
import { buyerFirstsFact, campaignOrdersFact, campaignTargetsFact, linesFact, ltvFact, ordersFact, refundsFact, settlementsFact } from './sales.js';
import { buyerKeysFact, buyersDailyFact, linesDailyFact, ordersCreatedDailyFact, ordersDailyFact } from './rollups.js';
import type { FactDef, FactName } from './types.js';

export * from './types.js';

export const facts: Record<FactName, FactDef> = {
  orders: ordersFact, lines: linesFact, refunds: refundsFact, traffic: trafficFact, ads: adsFact,
  expenses: expensesFact, settlements: settlementsFact, inventory: inventoryFact, purchases: purchasesFact,
  buyer_firsts: buyerFirstsFact, ltv: ltvFact, cs: csFact, live: liveFact, campaign_orders: campaignOrdersFact,
  campaign_targets: campaignTargetsFact, members: membersFact, market: marketFact,
  orders_daily: ordersDailyFact, orders_created_daily: ordersCreatedDailyFact, lines_daily: linesDailyFact,
  buyers_daily: buyersDailyFact, buyer_keys: buyerKeysFact,
};
