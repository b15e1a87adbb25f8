/** sources/douyin-orders/normalize.ts in SQL (抖店 orders: one row per sub-order, amounts add up). */
import { douyinStatuses } from '../../sources/douyin-orders/normalize.js';
import { orderFallbackSql, type SqlSource } from '../sql-source.js';

/** Only the fields normalize.ts reads are cleaned (商品规格, 收件人 and the phone are not). */
export const douyinOrdersSql: SqlSource = {
  id: 'douyin-orders',
  kinds: {
    order_id: 'id', line_id: 'id', title: 'text', qty: 'int', item_id: 'id', merchant_code: 'text', goods_amount: 'fen', price: 'fen',
    payable: 'fen', shipping_fee: 'fen', discount_platform: 'fen', discount_shop: 'fen', discount_creator: 'fen', created_at: 'time', paid_at: 'time',
    finished_at: 'time', shipped_at: 'time', status: 'text', after_sale: 'text', creator_id: 'id', source: 'text',
    province: 'text', city: 'text',
  },
  status: { field: 'status', vocab: douyinStatuses },
  head: [['order_id', true], ['line_id', true], ['qty', true], ['payable', true], ['created_at', true], ['paid_at', false], ['status', true]],
  stop: (c) => `(${['order_id', 'line_id', 'qty', 'payable', 'created_at'].map((f) => `${c.v(f)} IS NULL`).join(' OR ')})`,
  // price is read twice (the line's unit price and the product's list price): a bad price is reported once.
  tail: [['goods_amount', false], ['shipped_at', false], ['finished_at', false], ['shipping_fee', false], ['discount_platform', false],
    ['discount_shop', false], ['discount_creator', false], ['creator_id', false], ['item_id', false], ['price', false]],
  emit(c, out) {
    const paidAt = c.v('paid_at');
    const paid = `CASE WHEN ${paidAt} IS NOT NULL THEN ${c.v('payable')} ELSE 0 END`;
    const goods = `coalesce(${c.v('goods_amount')}, ${c.v('payable')})`;
    const status = c.status(orderFallbackSql(paidAt));
    const sku = `coalesce(${c.v('merchant_code')}, ${c.v('item_id')}, ${c.v('line_id')})`;
    return [
      {
        table: 'orders',
        row: out.order({
          order_id: c.v('order_id'), frag_id: c.v('line_id'), created_at: c.v('created_at'), paid_at: paidAt, shipped_at: c.v('shipped_at'),
          finished_at: c.v('finished_at'), status, status_raw: c.statusRaw, goods_amount: goods,
          shipping_fee: c.v('shipping_fee'), discount_platform: c.v('discount_platform'), discount_shop: c.v('discount_shop'),
          discount_creator: c.v('discount_creator'), order_total: c.v('payable'), paid_amount: paid, source: c.v('source'),
          creator_id: c.v('creator_id'), province: c.v('province'), city: c.v('city'), item_count: c.v('qty'),
        }),
      },
      {
        table: 'order_lines',
        row: out.line({
          order_id: c.v('order_id'), line_id: c.v('line_id'), sku_id: sku, qty: c.v('qty'), unit_price: c.v('price'), goods_amount: goods,
          paid_amount: paid, status, status_raw: c.statusRaw, paid_at: paidAt,
        }),
      },
      {
        table: 'products',
        row: out.product({
          sku_id: sku, spu_id: c.v('item_id'), merchant_code: c.v('merchant_code'), title: c.v('title'), list_price: c.v('price'),
        }),
      },
      {
        table: 'refunds',
        when: `${c.v('after_sale')} = '退款成功' AND ${paidAt} IS NOT NULL`,
        row: out.refund({
          refund_id: `'dy:' || ${c.v('line_id')}`, order_id: c.v('order_id'), line_id: c.v('line_id'), sku_id: sku, amount: paid,
          applied_at: paidAt, finished_at: paidAt, type: "'refund_only'", status: "'success'", status_raw: "'退款成功'", derived: 'true',
        }),
      },
    ];
  },
};
