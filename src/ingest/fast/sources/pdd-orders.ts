/** sources/pdd-orders/normalize.ts in SQL (拼多多: one row per order, no buyer id). */
import { pddStatuses } from '../../sources/pdd-orders/normalize.js';
import { orderFallbackSql, type CleanRow, type SqlSource } from '../sql-source.js';

/** 商家编码: the SKU's, else the product's. */
const code = (c: CleanRow) => `coalesce(${c.v('code_sku')}, ${c.v('code_item')})`;

export const pddOrdersSql: SqlSource = {
  id: 'pdd-orders',
  kinds: {
    order_id: 'id', title: 'text', status: 'text', qty: 'int', paid_at: 'time', shipped_at: 'time', finished_at: 'time', item_id: 'id',
    style_id: 'id', code_sku: 'text', code_item: 'text', after_sale: 'text', created_at: 'time', goods_amount: 'fen', shipping_fee: 'fen',
    discount_shop: 'fen', discount_platform: 'fen', discount_duoduo: 'fen', paid_amount: 'fen', province: 'text', city: 'text',
  },
  status: { field: 'status', vocab: pddStatuses },
  head: [['order_id', true], ['created_at', true], ['paid_amount', true], ['paid_at', false], ['status', true], ['qty', false]],
  stop: (c) => `(${c.v('order_id')} IS NULL OR ${c.v('created_at')} IS NULL OR ${c.v('paid_amount')} IS NULL)`,
  // The SKU is 样式ID ?? 商家编码 ?? 商品id; 商品id is read again, always, for the product's spu_id.
  tail: [['shipping_fee', false], ['goods_amount', false], ['shipped_at', false], ['finished_at', false], ['discount_shop', false],
    ['discount_platform', false], ['discount_duoduo', false], ['style_id', false], ['item_id', false]],
  emit(c, out) {
    const paidAt = c.v('paid_at');
    const paid = c.v('paid_amount');
    const paidNow = `CASE WHEN ${paidAt} IS NOT NULL THEN ${paid} ELSE 0 END`;
    const goods = `coalesce(${c.v('goods_amount')}, ${paid})`;
    const qty = `coalesce(${c.v('qty')}, 1)`;
    const status = c.status(orderFallbackSql(paidAt));
    const sku = `coalesce(${c.v('style_id')}, ${code(c)}, ${c.v('item_id')}, ${c.v('order_id')})`;
    return [
      {
        table: 'orders',
        row: out.order({
          order_id: c.v('order_id'), created_at: c.v('created_at'), paid_at: paidAt, shipped_at: c.v('shipped_at'), finished_at: c.v('finished_at'),
          status, status_raw: c.statusRaw, goods_amount: goods, shipping_fee: c.v('shipping_fee'), discount_shop: c.v('discount_shop'),
          discount_platform: `coalesce(${c.v('discount_platform')}, 0) + coalesce(${c.v('discount_duoduo')}, 0)`, order_total: paid,
          paid_amount: paidNow, province: c.v('province'), city: c.v('city'), item_count: qty,
        }),
      },
      {
        table: 'order_lines',
        row: out.line({
          order_id: c.v('order_id'), line_id: "'1'", sku_id: sku, qty, goods_amount: goods, paid_amount: paidNow, status, status_raw: c.statusRaw,
          paid_at: paidAt,
        }),
      },
      {
        table: 'products',
        row: out.product({ sku_id: sku, spu_id: c.v('item_id'), merchant_code: code(c), title: c.v('title') }),
      },
      {
        table: 'refunds',
        // 拼多多 gives no refund date: the refund is dated at payment, keyed by the order (METRICS.md).
        when: `${c.v('after_sale')} = '退款成功' AND ${paidAt} IS NOT NULL`,
        row: out.refund({
          refund_id: `'pdd:' || ${c.v('order_id')}`, order_id: c.v('order_id'), amount: paidNow, applied_at: paidAt, finished_at: paidAt,
          type: "'refund_only'", status: "'success'", status_raw: "'退款成功'", derived: 'true',
        }),
      },
    ];
  },
};
