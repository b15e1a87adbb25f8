import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const wdtOrders: SourceFormat<typeof columns> = {
  id: 'wdt-orders',
  names: { zh: '旺店通 订单明细', en: 'WDT (旺店通) ERP order lines' },
  platform: 'other', role: 'erp', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个货品行', en: 'one row per goods line' },
  columns, required, signature, normalize, orderPerLine: true,
};
