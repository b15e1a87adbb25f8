import type { SourceFormat } from '../types.js';
import { columns, required } from './columns.js';
import { signature } from './detect.js';
import { normalize } from './normalize.js';

export const douyinOrders: SourceFormat<typeof columns> = {
  id: 'douyin-orders',
  names: { zh: '抖店 订单', en: 'Douyin shop orders' },
  platform: 'douyin', role: 'platform', fileKinds: ['csv', 'xlsx'],
  grain: { zh: '每行一个子订单(主订单编号重复)', en: 'one row per sub-order (主订单编号 repeats)' },
  columns, required, signature, normalize,
};
