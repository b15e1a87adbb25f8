/** sources/erp-order-row.ts in SQL: what 旺店通 and 聚水潭 goods lines share. */
import { erpStatuses } from '../../sources/erp-vocab.js';
import { orderFallbackSql, type CleanRow, type FieldKind, type SqlSource } from '../sql-source.js';

export const erpKinds: Readonly<Record<string, FieldKind>> = {
  order_id: 'id', created_at: 'time', merchant_code: 'text', qty: 'int', paid_amount: 'fen', paid_at: 'time', status: 'text', buyer: 'buyer',
};

/** The status may be empty: the order then reads paid or unpaid by its payment time. */
export const erpStatus: SqlSource['status'] = { field: 'status', vocab: erpStatuses };

export const erpHead: SqlSource['head'] = [['order_id', true], ['created_at', true], ['merchant_code', true], ['qty', true], ['paid_amount', true], ['paid_at', false]];

export const erpStop = (c: CleanRow) => `(${['order_id', 'created_at', 'merchant_code', 'qty', 'paid_amount'].map((f) => `${c.v(f)} IS NULL`).join(' OR ')})`;

/** The row's fields as readErpOrderRow gives them. */
export function erpRow(c: CleanRow) {
  const paidAt = c.v('paid_at');
  return {
    paidAt,
    paidNow: `CASE WHEN ${paidAt} IS NOT NULL THEN ${c.v('paid_amount')} ELSE 0 END`,
    status: c.status(orderFallbackSql(paidAt)),
    /** a goods line's own paid amount, when the export gives one (else the merge allocates the order's) */
    linePaid: (amount: string) => `CASE WHEN ${amount} IS NULL THEN NULL WHEN ${paidAt} IS NOT NULL THEN ${amount} ELSE 0 END`,
  };
}
