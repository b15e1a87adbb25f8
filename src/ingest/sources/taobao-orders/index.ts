import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const taobaoOrders: SourceFormat<typeof columns> = {
  id: 'taobao-orders',
  names: { zh: '淘宝/天猫 订单报表(含千牛 xlsx 订单页)', en: 'Taobao/Tmall order report (and the 千牛 xlsx order sheet)' },
  platform: 'taobao', role: 'platform', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个订单', en: 'one row per order' },
  columns, required, signature, normalize,
};
