import type { SourceFormat } from '../types.js';
import { columns, required, signature } from './columns.js';
import { normalize } from './normalize.js';

export const purchaseReport: SourceFormat<typeof columns> = {
  id: 'purchase-report',
  names: { zh: '采购入库单', en: 'Purchase receipts' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个入库 SKU(同单同 SKU 同仓相加)', en: 'one row per SKU received (an order’s rows of a SKU and warehouse add up)' },
  columns, required, signature, normalize,
};
