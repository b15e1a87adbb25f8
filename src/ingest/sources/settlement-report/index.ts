import type { SourceFormat } from '../types.js';
import { columns, required, signature } from './columns.js';
import { normalize } from './normalize.js';

export const settlementReport: SourceFormat<typeof columns> = {
  id: 'settlement-report',
  names: { zh: '结算明细(回款账单)', en: 'Settlement bill (platform payouts)' },
  platform: 'other', role: 'report', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个订单或其一笔收支(同一订单相加)', en: 'one row per order, or per payment or fee of it (rows of an order add up)' },
  columns, required, signature, normalize,
};
