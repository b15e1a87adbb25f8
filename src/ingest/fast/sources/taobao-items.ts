/** sources/taobao-items/normalize.ts in SQL (宝贝报表: one row per item, no line id, no SKU id, no paid share). */
import { taobaoStatuses } from '../../sources/taobao-orders/normalize.js';
import { shortHashSql } from '../clean-sql.js';
import type { SqlSource } from '../sql-source.js';

export const taobaoItemsSql: SqlSource = {
  id: 'taobao-items',
  kinds: { order_id: 'id', title: 'text', price: 'fen', qty: 'int', external_id: 'text', attributes: 'text', status: 'text', merchant_code: 'text' },
  status: { field: 'status', vocab: taobaoStatuses },
  head: [['order_id', true], ['title', true], ['price', true], ['qty', true]],
  stop: (c) => `(${['order_id', 'title', 'price', 'qty'].map((f) => `${c.v(f)} IS NULL`).join(' OR ')})`,
  tail: [],
  // The line key hashes the title and the attributes: once per distinct pair, not per row.
  derived: {
    of: ['title', 'attributes'],
    values: (t) => ({
      title_key: `'t' || ${shortHashSql(`${t('title')} || '|' || coalesce(${t('attributes')}, '')`)}`,
      attrs_key: shortHashSql(`coalesce(${t('attributes')}, '')`),
    }),
  },
  emit(c, out) {
    const code = `coalesce(${c.v('merchant_code')}, ${c.v('external_id')})`;
    const sku = `coalesce(${code}, ${c.d('title_key')})`;
    const status = c.status("'unpaid'");
    return [
      {
        table: 'order_lines',
        // No paid share: the merge allocates the order's paid amount over its lines.
        row: out.line({
          order_id: c.v('order_id'), line_id: `${sku} || '|' || ${c.d('attrs_key')}`, sku_id: sku, qty: c.v('qty'), unit_price: c.v('price'),
          status, status_raw: c.statusRaw,
        }),
      },
      { table: 'products', row: out.product({ sku_id: sku, merchant_code: code, title: c.v('title'), list_price: c.v('price') }) },
    ];
  },
};
