import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const jdOrders: SourceFormat<typeof columns> = {
  id: 'jd-orders',
  names: { zh: '京东 POP 订单', en: 'JD POP orders' },
  platform: 'jd', role: 'platform', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个 SKU(订单级金额每行重复)', en: 'one row per SKU (order amounts repeat on each row)' },
  columns, required, signature, normalize, orderPerLine: true,
};
