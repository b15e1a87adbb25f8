/**
 * A saved column mapping for any other platform or a hand-made sheet: which header holds the
 * order id, customer, dates, amounts, SKU and quantity. Validated with zod at load; every
 * problem is reported at once.
 */
import { z } from 'zod';
import { orderStatuses, platforms } from '../../model/index.js';

const column = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const status = z.enum(orderStatuses);

export const mappingSchema = z.object({
  name: z.string().min(1),
  /** orders: one row per order (with an optional single line); lines: one row per order line */
  kind: z.enum(['orders', 'lines']),
  platform: z.enum(platforms).default('other'),
  shop: z.string().min(1).optional(),
  shopName: z.string().optional(),
  timezone: z.string().optional(),
  currency: z.string().length(3).optional(),
  delimiter: z.enum([',', '\t', ';', '|', 'whitespace']).default(','),
  /** canonical field → header (an array of headers is summed, e.g. price + freight) */
  columns: z.record(z.string(), column),
  /** canonical field → fixed value for every row (e.g. a SKU for a one-product shop) */
  constants: z.record(z.string(), z.string()).default({}),
  statuses: z.record(z.string(), status).default({}),
  defaultStatus: status.default('completed'),
  /** no order id column: use the row number with this prefix (stable for the same file) */
  orderIdFromRow: z.string().optional(),
  /** order amounts are the sum of their lines (sources whose order rows carry no amount) */
  amountsFromLines: z.boolean().default(false),
  /** replace a field by a value looked up in another file beside the data (e.g. Olist customer_unique_id) */
  lookups: z.record(z.string(), z.object({ file: z.string(), key: z.string(), value: z.string() })).default({}),
});

export type Mapping = z.infer<typeof mappingSchema>;

export const orderFields = ['order_id', 'customer_id', 'created_at', 'paid_at', 'shipped_at', 'finished_at', 'status', 'paid_amount', 'order_total', 'goods_amount', 'shipping_fee', 'qty', 'sku_id', 'province', 'city', 'source'] as const;
export const lineFields = ['order_id', 'line_id', 'sku_id', 'qty', 'unit_price', 'goods_amount', 'paid_amount', 'status', 'created_at', 'paid_at'] as const;
