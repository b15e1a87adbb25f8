import { metric, PAID } from './define.js';

const last = (sql: string) => ({ fact: 'inventory' as const, agg: 'last_by_day' as const, key: 'sku_key', sql });

export const inventoryMetrics = [
  metric('stock_value_days', ['库存金额日累计', 'stock value × days'], 'execution', ['每日期末库存成本金额之和', 'sum over days of end-of-day stock value at cost'],
    'money', 'neutral', { hidden: true, measure: { fact: 'inventory', agg: 'sum', sql: 'stock_value' } }),
  metric('inventory_turnover_days', ['库存周转天数', 'inventory turnover days'], 'tactical',
    ['平均库存成本 / 日均销售成本(两者同除以天数,即库存金额日累计 / 销售成本)', 'average inventory value at cost / average daily COGS over the period (both divide by the days: stock value × days / COGS)'],
    'days', 'lower_better', { expr: '{stock_value_days} / {cogs}' }),
  metric('opening_on_hand', ['期初库存', 'opening on-hand'], 'execution', ['各 SKU 本期首个快照日的在库件数', 'units on hand per SKU at the period’s first snapshot'],
    'count', 'neutral', { hidden: true, measure: { fact: 'inventory', agg: 'first_by_day', key: 'sku_key', sql: 'on_hand' } }),
  metric('inbound_units', ['入库件数', 'inbound units'], 'execution', ['本期到货的采购件数', 'purchase units arrived in the period'],
    'count', 'neutral', { hidden: true, measure: { fact: 'purchases', agg: 'sum', sql: 'qty' } }),
  metric('sell_through_rate', ['售罄率', 'sell-through rate'], 'tactical', ['支付件数 / (期初库存 + 本期入库)', 'units sold / (opening on-hand + inbound in the period)'],
    'ratio', 'higher_better', { expr: '{paid_units} / ({opening_on_hand} + {inbound_units})' }),
  metric('sold_skus', ['动销SKU数', 'SKUs sold'], 'execution', ['有支付的 SKU 数', 'SKUs with at least one paid unit'],
    'count', 'higher_better', { hidden: true, measure: [{ fact: 'lines_daily', agg: 'count_distinct', sql: 'sku_key' }, { fact: 'lines', agg: 'count_distinct', sql: 'sku_key', filter: PAID }] }),
  metric('stocked_skus', ['在售有货SKU数', 'SKUs on sale with stock'], 'execution', ['本期有可售库存且在售的 SKU 数', 'SKUs on sale with available stock on some day of the period'],
    'count', 'neutral', { hidden: true, measure: { fact: 'inventory', agg: 'count_distinct', sql: 'sku_key', filter: 'available > 0 AND on_sale' } }),
  metric('active_sku_rate', ['动销率', 'active SKU rate'], 'tactical', ['有销售的 SKU / 在售有货 SKU', 'SKUs with ≥ 1 sale / SKUs on sale with stock'], 'ratio', 'higher_better', { expr: '{sold_skus} / {stocked_skus}' }),
  metric('closing_stocked_skus', ['期末有货SKU数', 'SKUs in stock at period end'], 'execution', ['期末快照在库件数 > 0 的 SKU 数', 'SKUs with units on hand at the last snapshot'],
    'count', 'neutral', { hidden: true, measure: last('CASE WHEN on_hand > 0 THEN 1 ELSE 0 END') }),
  metric('slow_skus', ['滞销SKU数', 'slow-moving SKUs'], 'execution', ['期末有货且近 30 天无销售的 SKU 数', 'SKUs in stock at the period end with no sale in the last 30 days'],
    'count', 'lower_better', { hidden: true, measure: last('CASE WHEN on_hand > 0 AND units_30 = 0 THEN 1 ELSE 0 END') }),
  metric('slow_moving_share', ['滞销品占比', 'slow-moving share'], 'execution', ['近 30 天无销售的有货 SKU / 有货 SKU', 'SKUs in stock with no sale in the last 30 days / SKUs in stock'],
    'ratio', 'lower_better', { expr: '{slow_skus} / {closing_stocked_skus}' }),
  metric('closing_available', ['期末可售库存', 'closing available units'], 'execution', ['期末快照的可售件数', 'available units at the last snapshot'],
    'count', 'neutral', { hidden: true, measure: last('available') }),
  metric('closing_units_14', ['近14天销量', 'units sold in the last 14 days'], 'execution', ['期末前 14 天的支付件数', 'units sold in the 14 days to the last snapshot'],
    'count', 'neutral', { hidden: true, measure: last('units_14') }),
  metric('days_of_cover', ['可售天数', 'days of cover'], 'execution', ['可售库存 / 近 14 天日均销量', 'available units / average daily units sold over the last 14 days'],
    'days', 'neutral', { expr: '{closing_available} / ({closing_units_14} / 14)' }),
];
