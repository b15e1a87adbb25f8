import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const jstOrders: SourceFormat<typeof columns> = {
  id: 'jst-orders',
  names: { zh: '聚水潭 订单', en: 'JST (聚水潭) ERP orders' },
  platform: 'other', role: 'erp', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个商品行', en: 'one row per goods line' },
  columns, required, signature, normalize, orderPerLine: true,
};
